// A customer's delivery health score (0–100): how reliably we deliver to them and how much room is left.
// Pure, so the weights are unit-tested and explained in one place.

export interface CustomerDelivery {
  /** Orders delivered in the window that had a due date. */
  delivered: number;
  /** Of those, delivered on or before the promised (else requested) date. */
  onTime: number;
  open: number;
  /** Open orders whose due date has passed. */
  overdue: number;
  creditLimitFen: bigint;
  /** Open receivables plus the amount of open orders. */
  exposureFen: bigint;
}

export interface HealthScore {
  score: number;
  onTimeRate: number | null;
  creditHeadroomFen: bigint;
  band: "good" | "watch" | "risk";
}

// On-time history weighs most; overdue open orders are tomorrow's late deliveries; credit room decides
// whether the next order can be taken at all.
const WEIGHTS = { onTime: 0.6, notOverdue: 0.25, credit: 0.15 };

export function healthScore(d: CustomerDelivery): HealthScore {
  const onTimeRate = d.delivered > 0 ? d.onTime / d.delivered : null;
  const notOverdue = d.open > 0 ? 1 - d.overdue / d.open : 1;
  const headroom = d.creditLimitFen - d.exposureFen;
  const creditShare = d.creditLimitFen > 0n ? Math.max(0, Math.min(1, Number(headroom) / Number(d.creditLimitFen))) : 0;
  const raw = WEIGHTS.onTime * (onTimeRate ?? 1) + WEIGHTS.notOverdue * notOverdue + WEIGHTS.credit * creditShare;
  const score = Math.round(raw * 100);
  return { score, onTimeRate, creditHeadroomFen: headroom, band: score >= 85 ? "good" : score >= 65 ? "watch" : "risk" };
}
