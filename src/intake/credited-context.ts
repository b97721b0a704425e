// The intake context with each customer's credit as the rules judge it: finance's exposure and the limit
// with its overrides, in place of the typed receivables number.
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import { withCreditBasis } from "../finance/credit-basis.js";
import { readIntakeContext } from "../orders/intake-context.js";
import type { IntakeContext } from "../orders/model/build-order.js";

export async function readCreditedIntakeContext(db: Kysely<DB>, customerCodes: string[], skus: string[], today: string): Promise<IntakeContext> {
  const ctx = await readIntakeContext(db, customerCodes, skus, today);
  const credited = await withCreditBasis(db, [...ctx.customers.values()]);
  return { ...ctx, customers: new Map(credited.map((c) => [c.code, c])) };
}
