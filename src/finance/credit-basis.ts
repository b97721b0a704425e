// What the rules' credit check reads for a customer: its exposure (not the typed receivables number) and
// its limit with finance's unexpired overrides. The order being judged is left out of the exposure; the
// facts add its amount.
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../core/db/schema.js";
import { fromFen } from "../core/money.js";
import { creditExposures } from "./credit-exposure.js";

/** A customer as read from its row (its typed limit and receivables, before finance's basis). */
export interface CreditCustomer {
  code: string;
  credit_limit: string;
  open_receivables: string;
}

export async function withCreditBasis<C extends CreditCustomer>(
  db: Kysely<DB> | Transaction<DB>,
  customers: C[],
  excludeOrderNo?: string,
): Promise<(C & { exposure: string; overdue: string })[]> {
  // The customers come straight from their rows (intake, the rules on a change): their limits are read.
  const exposures = await creditExposures(
    db,
    customers.map((c) => c.code),
    { excludeOrderNo, limits: customers },
  );
  return customers.map((c) => {
    const e = exposures.get(c.code);
    if (!e) return { ...c, exposure: c.open_receivables, overdue: "0.00" };
    return {
      ...c,
      credit_limit: fromFen(e.effectiveLimitFen),
      open_receivables: fromFen(e.parts.receivablesFen),
      exposure: fromFen(e.totalFen),
      overdue: fromFen(e.overdueFen),
    };
  });
}
