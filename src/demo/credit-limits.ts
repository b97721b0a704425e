// Pure: the credit limits finance set for the demo's customers when the ledger started. A customer's limit
// covers its usual business — a month of orders in the pipeline plus what its payment terms leave owed,
// with half again as headroom — and never less than what it owes today plus two of its typical orders, so
// a sales user's next ordinary order passes. A deliberate few are the exception and give finance its work:
// the customers who did not pay their opening balance are over their limit (their orders wait for finance)
// and a few more are close to it (their next order warns finance, a larger one is held).
import { fromFen } from "../core/money.js";

export type CreditStanding = "usual" | "over" | "near";

export interface CreditFigures {
  /** Orders taken per month (last 90 days). */
  monthlyFen: bigint;
  /** The customer's median order. */
  typicalOrderFen: bigint;
  /** What it owes and has committed today (finance's exposure). */
  exposureFen: bigint;
  paymentDays: number;
}

/** Limits are round sums of 10,000 yuan. */
const STEP = 1_000_000n;
const MINIMUM = 5n * STEP;
const roundUp = (fen: bigint) => ((fen + STEP - 1n) / STEP) * STEP;
const roundDown = (fen: bigint) => (fen / STEP) * STEP;
/** BigInt has no Math.max. */
function largest(...values: bigint[]): bigint {
  let most = values[0];
  for (const v of values) if (v > most) most = v;
  return most;
}

export function creditLimitFen(f: CreditFigures, standing: CreditStanding): bigint {
  if (standing === "over") return roundDown((f.exposureFen * 4n) / 5n);
  if (standing === "near") return roundUp(f.exposureFen + STEP / 2n);
  const usual = (f.monthlyFen * BigInt(30 + f.paymentDays) * 3n) / (30n * 2n);
  return roundUp(largest(MINIMUM, usual, f.exposureFen + 2n * f.typicalOrderFen));
}

export const creditLimit = (f: CreditFigures, standing: CreditStanding): string => fromFen(creditLimitFen(f, standing));

/** How many customers finance watches: at least this many over their limit (more when more have orders
 *  held for credit), and this many close to it. */
export const OVER_LIMIT = 8;
export const NEAR_LIMIT = 4;
