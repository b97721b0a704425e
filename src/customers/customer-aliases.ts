// Use case: a person confirms that a spelling names a customer (from the importer's proposal or by hand).
// The spelling is kept by its key, so 嘉兴富峰能源 and ＂嘉兴 富峰能源＂ are one alias; a spelling that already
// names another customer, or is the customer's own name, is refused rather than silently moved.
import type { Kysely, Transaction } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { AppError, notFound } from "../core/errors.js";
import { publishChange } from "../events/publish-change.js";
import { customerKey } from "./model/customer-key.js";
import { recordMasterChange } from "./store.js";

type Db = Kysely<DB> | Transaction<DB>;

export interface CustomerAlias {
  alias: string;
  customerCode: string;
  createdBy: string;
  createdAt: string;
}

export async function addCustomerAlias(db: Kysely<DB>, principal: Principal, code: string, alias: string): Promise<CustomerAlias> {
  const spelling = alias.normalize("NFKC").trim();
  const key = customerKey(spelling);
  if (!key) throw new AppError("invalid", "customer.alias_empty", {}, "alias");
  return db.transaction().execute(async (tx) => {
    const customer = await tx.selectFrom("customers").select(["code", "name"]).where("code", "=", code).forUpdate().executeTakeFirst();
    if (!customer) throw notFound("customer.not_found", { code }, "code");
    if (customerKey(customer.name) === key) throw new AppError("invalid", "customer.alias_is_name", { alias: spelling, code }, "alias");
    const owner = await tx.selectFrom("customer_aliases").select("customer_code").where("alias_key", "=", key).executeTakeFirst();
    if (owner && owner.customer_code !== code) throw new AppError("conflict", "customer.alias_taken", { alias: spelling, code: owner.customer_code }, "alias");
    // Another customer's own name, spelled any way, stays that customer's.
    const others = await tx.selectFrom("customers").select(["code", "name"]).where("code", "!=", code).execute();
    const namesOther = others.find((c) => customerKey(c.name) === key);
    if (namesOther) throw new AppError("conflict", "customer.alias_taken", { alias: spelling, code: namesOther.code }, "alias");
    if (!owner) {
      await tx.insertInto("customer_aliases").values({ alias_key: key, alias: spelling, customer_code: code, created_by: principal.name }).execute();
      await recordMasterChange(tx, { entity: "customer", key: code, actor: principal.name, roles: principal.roles, data: { aliasAdded: spelling } });
      await publishChange(tx, { kind: "master", entity: "customer", key: code });
    }
    const row = await tx.selectFrom("customer_aliases").selectAll().where("alias_key", "=", key).executeTakeFirstOrThrow();
    return toAlias(row);
  });
}

function toAlias(row: { alias: string; customer_code: string; created_by: string; created_at: Date }): CustomerAlias {
  return { alias: row.alias, customerCode: row.customer_code, createdBy: row.created_by, createdAt: row.created_at.toISOString() };
}

export async function listCustomerAliases(db: Db, code: string): Promise<CustomerAlias[]> {
  const rows = await db.selectFrom("customer_aliases").selectAll().where("customer_code", "=", code).orderBy("created_at").execute();
  return rows.map(toAlias);
}

/** Every confirmed spelling by its key: what the importer matches ledger names against. */
export async function aliasKeys(db: Db): Promise<{ aliasKey: string; customerCode: string }[]> {
  const rows = await db.selectFrom("customer_aliases").select(["alias_key", "customer_code"]).execute();
  return rows.map((r) => ({ aliasKey: r.alias_key, customerCode: r.customer_code }));
}
