// The rows the metrics stores answer with, as the pure shaping code reads them.

/** Delivered orders of a day and how many of them were on time, by the date they were judged against. */
export interface DeliveryCounts {
  delivered: number;
  with_due: number;
  on_time: number;
  with_promised: number;
  on_time_promised: number;
  with_requested: number;
  on_time_requested: number;
}

export interface DwellAggregateRow {
  key: string;
  week: string | null;
  grade: string | null;
  rush: boolean | null;
  /** Which breakdown: 7 overall, 3 by week, 5 by grade, 6 by rush (PostgreSQL grouping() bits). */
  g: number;
  n: number;
  mean: number;
  median: number | null;
  p90: number | null;
}

export interface DwellTrendRow {
  key: string;
  bucket: string;
  n: number;
  mean: number;
  median: number;
  p90: number;
}

export interface DeliveryAggregateRow extends DeliveryCounts {
  dim: "all" | "customer" | "family" | "month" | "week" | "source";
  value: string | null;
}

export interface AutonomyRow {
  entity: string | null;
  month: string | null;
  week: string | null;
  g: number;
  business: number;
  admin: number;
  automated: number;
}

export interface AgreementBucketRow {
  bucket: string;
  orders: number;
  disagreeing: number;
}
