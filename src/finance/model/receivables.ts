// Receivables in fen: open items (the opening balance, issued invoices net of red ones) with what was
// allocated to them; a payment allocated oldest first or by hand; aging by days overdue.

export interface OpenItem {
  /** null: the opening balance typed before Lvyue kept the ledger. */
  invoiceId: number | null;
  invoiceNo: string | null;
  /** The day it fell due ('YYYY-MM-DD'); the opening balance is due from the start. */
  dueOn: string;
  issuedOn: string;
  openFen: bigint;
}

export interface Allocation {
  invoiceId: number | null;
  amountFen: bigint;
}

/** Oldest due first (the opening balance first of all), until the amount runs out; the rest is an advance. */
export function allocateOldestFirst(items: OpenItem[], amountFen: bigint): { allocations: Allocation[]; advanceFen: bigint } {
  const ordered = [...items]
    .filter((i) => i.openFen > 0n)
    .sort((a, b) => (a.invoiceId === null ? -1 : b.invoiceId === null ? 1 : a.dueOn.localeCompare(b.dueOn) || a.invoiceId - b.invoiceId));
  let left = amountFen;
  const allocations: Allocation[] = [];
  for (const item of ordered) {
    if (left <= 0n) break;
    // biome-ignore lint/complexity/useMathMinMax: bigint has no Math.min
    const take = item.openFen < left ? item.openFen : left;
    allocations.push({ invoiceId: item.invoiceId, amountFen: take });
    left -= take;
  }
  return { allocations, advanceFen: left };
}

/** A hand allocation: each target must be open for at least what it takes, and the total within the payment's unallocated part. */
export function checkAllocations(
  items: OpenItem[],
  wanted: Allocation[],
  unallocatedFen: bigint,
): { index: number; reason: "not_open" | "over_item" } | { reason: "over_payment" } | undefined {
  let total = 0n;
  for (const [index, w] of wanted.entries()) {
    const item = items.find((i) => i.invoiceId === w.invoiceId);
    if (!item || item.openFen <= 0n) return { index, reason: "not_open" };
    if (w.amountFen > item.openFen) return { index, reason: "over_item" };
    total += w.amountFen;
  }
  return total > unallocatedFen ? { reason: "over_payment" } : undefined;
}

export const AGING_BUCKETS = ["current", "1-30", "31-60", "61-90", "90+"] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function agingBucket(dueOn: string, today: string): AgingBucket {
  const late = daysBetween(dueOn, today);
  if (late <= 0) return "current";
  if (late <= 30) return "1-30";
  if (late <= 60) return "31-60";
  if (late <= 90) return "61-90";
  return "90+";
}

/** Open amounts per aging bucket, and the overdue total. */
export function aging(items: OpenItem[], today: string): { buckets: Record<AgingBucket, bigint>; overdueFen: bigint } {
  const buckets = Object.fromEntries(AGING_BUCKETS.map((b) => [b, 0n])) as Record<AgingBucket, bigint>;
  let overdueFen = 0n;
  for (const item of items) {
    if (item.openFen <= 0n) continue;
    const bucket = agingBucket(item.dueOn, today);
    buckets[bucket] += item.openFen;
    if (bucket !== "current") overdueFen += item.openFen;
  }
  return { buckets, overdueFen };
}

export interface ExposureParts {
  /** Opening balance + issued invoices − red invoices − payments received (an advance makes it negative). */
  receivablesFen: bigint;
  /** Shipped lines not on an issued invoice. */
  unbilledFen: bigint;
  /** Open orders' value not yet shipped (confirmed up to ready; a held order counts when it is released). */
  openOrdersFen: bigint;
}

export interface ExposureSwitches {
  receivables: boolean;
  unbilled: boolean;
  openOrders: boolean;
}

/** Exposure = the switched-on parts; the limit is the credit limit plus finance's unexpired overrides. */
export function exposure(parts: ExposureParts, switches: ExposureSwitches, limitFen: bigint, overrideFen: bigint) {
  const totalFen =
    (switches.receivables ? parts.receivablesFen : 0n) + (switches.unbilled ? parts.unbilledFen : 0n) + (switches.openOrders ? parts.openOrdersFen : 0n);
  const effectiveLimitFen = limitFen + overrideFen;
  return { totalFen, effectiveLimitFen, headroomFen: effectiveLimitFen - totalFen };
}

/**
 * Which held orders the headroom lets go, oldest first: each released order's amount joins the exposure
 * before the next is weighed, so two orders that fit only one at a time are not both released.
 */
export function releasable<T extends { amountFen: bigint }>(held: T[], headroomFen: bigint): T[] {
  const out: T[] = [];
  let left = headroomFen;
  for (const order of held) {
    if (order.amountFen <= left) {
      out.push(order);
      left -= order.amountFen;
    }
  }
  return out;
}
