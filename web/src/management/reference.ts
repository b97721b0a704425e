// The seed plant's own before/after figures (issue 7, PRODUCT.md §8), drawn as reference lines only:
// they are another plant's numbers, never mixed into ours.
export const SEED_DWELL_HOURS: Record<string, { before: number; after: number }> = {
  sales_acceptance: { before: 0.8, after: 0.3 },
  scheduling: { before: 14.2, after: 2.1 },
  shipping: { before: 6.5, after: 1.4 },
};
/** Industry share of master data kept by the business, and the seed's after go-live (92–100%). */
export const SEED_AUTONOMY = { before: 0.38, after: 0.92 };
/** Rules fired over rules that should have fired: the industry's average, and the seed's after go-live
 *  (99.7% for its rush-order green channel, 100% for its engineering reviews and credit blocks). */
export const SEED_RULE_EXECUTION = { industry: 0.762, after: 0.997 };
