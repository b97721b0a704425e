// Use case: add a customer to the master (credit fields only by finance or admin).
import type { Kysely } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import { hasPermission } from "../core/auth/roles.js";
import type { DB } from "../core/db/schema.js";
import { isUniqueViolation } from "../core/db/unique-violation.js";
import { AppError } from "../core/errors.js";
import { CREDIT_FIELDS, type CreateCustomer } from "./schemas.js";
import { getCustomer, recordMasterChange } from "./store.js";

export function assertCreditFieldsAllowed(principal: Principal, fields: string[]) {
  if (hasPermission(principal.roles, "customers.credit")) return;
  const field = fields.find((f) => (CREDIT_FIELDS as readonly string[]).includes(f));
  if (field) throw new AppError("forbidden", "order.field_role", { roles: principal.roles.join(","), field, allowed: "finance,admin" }, field);
}

export async function createCustomer(db: Kysely<DB>, principal: Principal, input: CreateCustomer) {
  const setsCredit = CREDIT_FIELDS.filter((f) => f !== "grade" && input[f] !== "0.00");
  assertCreditFieldsAllowed(principal, setsCredit);
  try {
    await db.transaction().execute(async (tx) => {
      await tx
        .insertInto("customers")
        .values({
          code: input.code,
          name: input.name,
          grade: input.grade,
          credit_limit: input.creditLimit,
          open_receivables: input.openReceivables,
          special_terms: input.specialTerms ?? "",
          contact_name: input.contactName ?? "",
          contact_phone: input.contactPhone ?? "",
          region: input.region ?? "",
        })
        .execute();
      await recordMasterChange(tx, { entity: "customer", key: input.code, actor: principal.name, roles: principal.roles, data: { created: input } });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", "customer.exists", { code: input.code }, "code");
    throw error;
  }
  return (await getCustomer(db, input.code))!;
}
