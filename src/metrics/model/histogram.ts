// Dwell hours counted in buckets, so percentiles over a year read a histogram instead of sorting every
// sample (decision 0020). Buckets are 0.01 h wide below 1 h (the figures' own rounding), then 1 % wide:
// a percentile read from them is within half a bucket (≤ 0.5 %, or 0.01 h below 1 h) of the exact one.
// Pure; the SQL twins are BUCKET_SQL and dwell-rollup-store.ts's bucketValue, and tests hold them together.

const STEP = Math.log(1.01);
/** Bucket 0 holds 0 h (and below); 1..100 hold ((b−1)/100, b/100] h; b > 100 holds (1.01^(b−101), 1.01^(b−100)] h. */
export function bucketOf(hours: number): number {
  if (hours <= 0) return 0;
  if (hours <= 1) return Math.max(1, Math.ceil(hours * 100 - 1e-6));
  return 100 + Math.max(1, Math.ceil(Math.log(hours) / STEP - 1e-9));
}

export const BUCKET_SQL = (hours: string) =>
  `case when ${hours} <= 0 then 0 when ${hours} <= 1 then greatest(1, ceil(${hours} * 100 - 1e-6))::int
   else 100 + greatest(1, ceil(ln(${hours}) / ln(1.01) - 1e-9))::int end`;

/** The value a bucket stands for: its upper bound below 1 h (exact for hundredths), else its geometric middle. */
export function bucketValue(bucket: number): number {
  if (bucket <= 100) return bucket / 100;
  return 1.01 ** (bucket - 100.5);
}
