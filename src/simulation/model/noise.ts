// Keyed noise: the disturbance of a unit-day or an operation depends only on the seed and its key,
// so every promising policy meets the same breakdowns, the same slow lots and the same late supplier.

/** A uniform draw in [0, 1) for `key` under `seed` (FNV-1a of the key, then one mulberry32 step). */
export function keyed(seed: number, key: string): number {
  let h = 2166136261 ^ seed;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  let t = (h + 0x6d2b79f5) >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

export interface Disturbances {
  /** Expected share of unit time lost to breakdowns. */
  breakdownShare: number;
  /** Share of receipts that come late, and by up to how many days. */
  lateReceiptShare: number;
  lateReceiptMaxDays: number;
  /** Share of receipts the supplier cancels (known on the day they were due). */
  cancelledReceiptShare: number;
  /** Processing time varies by ± this share. */
  processingSpread: number;
  /** Share of pieces scrapped per operation, between these two; the scrapped pieces are made again there. */
  scrapMin: number;
  scrapMax: number;
  /** Days purchasing takes to confirm a purchase request with the supplier. */
  confirmDelayDays: number;
}

export const DEFAULT_DISTURBANCES: Disturbances = {
  breakdownShare: 0.05,
  lateReceiptShare: 0.1,
  lateReceiptMaxDays: 3,
  cancelledReceiptShare: 0.02,
  processingSpread: 0.1,
  scrapMin: 0.01,
  scrapMax: 0.02,
  confirmDelayDays: 1,
};
