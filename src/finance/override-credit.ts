// Use case: finance raises a customer's limit for a while (a manual override), with a reason and an
// expiry, logged with who and when; held orders that now fit are released at once.
import type { Kysely } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { invalid, notFound } from "../core/errors.js";
import { publishChange } from "../events/publish-change.js";
import { getExposure } from "./get-exposure.js";
import { releaseHeldOrders } from "./release-held-orders.js";

export async function overrideCredit(db: Kysely<DB>, principal: Principal, code: string, input: { extraLimit: string; reason: string; expiresAt: string }) {
  const expiresAt = new Date(input.expiresAt);
  if (!(expiresAt.getTime() > Date.now())) throw invalid("expiresAt", "field.invalid", { detail: "must be in the future" });
  const released = await db.transaction().execute(async (tx) => {
    const customer = await tx.selectFrom("customers").select("code").where("code", "=", code).executeTakeFirst();
    if (!customer) throw notFound("customer.not_found", { code }, "code");
    await tx
      .insertInto("credit_overrides")
      .values({ customer_code: code, extra_limit: input.extraLimit, reason: input.reason.trim(), expires_at: expiresAt, created_by: principal.name })
      .execute();
    const released = await releaseHeldOrders(tx, db, [code], { actor: principal.name, why: `财务临时额度（${input.reason.trim()}）` });
    await publishChange(tx, { kind: "finance", action: "override", customer: code });
    return released;
  });
  return { ...(await getExposure(db, code)), released };
}
