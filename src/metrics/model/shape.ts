// Turns the stores' grouped rows into the JSON the API serves: one object per figure, breakdowns as
// arrays sorted along their axis so a chart can plot them as they are. Pure.

import { share } from "./autonomy.js";
import { DWELL_STATUSES, STAGES } from "./stages.js";
import { roundHours } from "./stats.js";
import type { AgreementBucketRow, AutonomyRow, DeliveryAggregateRow, DwellAggregateRow, DwellTrendRow } from "./store-rows.js";

export interface DwellStats {
  count: number;
  meanHours: number | null;
  medianHours: number | null;
  p90Hours: number | null;
}

const stats = (row: { n: number; mean: number; median: number | null; p90: number | null } | undefined): DwellStats =>
  row
    ? { count: row.n, meanHours: roundHours(row.mean), medianHours: roundHours(row.median), p90Hours: roundHours(row.p90) }
    : { count: 0, meanHours: null, medianHours: null, p90Hours: null };

// grouping(week, grade, rush) bits: a 1 marks a column not grouped by.
const OVERALL = 7;
const BY_WEEK = 3;
const BY_GRADE = 5;
const BY_RUSH = 6;

function breakdowns(rows: DwellAggregateRow[], key: string) {
  const mine = rows.filter((r) => r.key === key);
  return {
    ...stats(mine.find((r) => r.g === OVERALL)),
    byWeek: mine
      .filter((r) => r.g === BY_WEEK)
      .sort((a, b) => String(a.week).localeCompare(String(b.week)))
      .map((r) => ({ week: r.week as string, ...stats(r) })),
    byGrade: mine
      .filter((r) => r.g === BY_GRADE)
      .sort((a, b) => String(a.grade).localeCompare(String(b.grade)))
      .map((r) => ({ grade: r.grade as string, ...stats(r) })),
    byRush: mine
      .filter((r) => r.g === BY_RUSH)
      .sort((a, b) => Number(a.rush) - Number(b.rush))
      .map((r) => ({ rush: r.rush as boolean, ...stats(r) })),
  };
}

export function shapeDwell(rows: DwellAggregateRow[]) {
  return {
    stages: STAGES.map((s) => ({ stage: s.key, from: s.from ?? "created", to: s.to, ...breakdowns(rows, s.key) })),
    statuses: DWELL_STATUSES.map((status) => {
      const { count, meanHours } = stats(rows.find((r) => r.key === `status:${status}` && r.g === OVERALL));
      return { status, count, meanHours };
    }),
  };
}

export function shapeDwellTrend(rows: DwellTrendRow[]) {
  const keys = [...STAGES.map((s) => s.key), ...DWELL_STATUSES.map((s) => `status:${s}`)];
  return keys.map((key) => ({
    key: key.replace(/^status:/, ""),
    kind: key.startsWith("status:") ? ("status" as const) : ("stage" as const),
    points: rows.filter((r) => r.key === key).map((r) => ({ bucket: r.bucket, ...stats(r) })),
  }));
}

const rate = (part: number, whole: number) => share(part, whole);

function deliveryFigures(r: DeliveryAggregateRow | undefined) {
  const z = r ?? { delivered: 0, with_due: 0, on_time: 0, with_promised: 0, on_time_promised: 0, with_requested: 0, on_time_requested: 0 };
  return {
    delivered: z.delivered,
    withDueDate: z.with_due,
    onTime: z.on_time,
    onTimeRate: rate(z.on_time, z.with_due),
    promised: { count: z.with_promised, onTime: z.on_time_promised, rate: rate(z.on_time_promised, z.with_promised) },
    requested: { count: z.with_requested, onTime: z.on_time_requested, rate: rate(z.on_time_requested, z.with_requested) },
  };
}

export function shapeDelivery(rows: DeliveryAggregateRow[], customerNames: Map<string, { name: string; grade: string }>) {
  const dim = (d: DeliveryAggregateRow["dim"]) => rows.filter((r) => r.dim === d).sort((a, b) => String(a.value).localeCompare(String(b.value)));
  return {
    ...deliveryFigures(rows.find((r) => r.dim === "all")),
    byCustomer: dim("customer").map((r) => ({
      customer: r.value as string,
      name: customerNames.get(r.value as string)?.name ?? null,
      grade: customerNames.get(r.value as string)?.grade ?? null,
      ...deliveryFigures(r),
    })),
    byFamily: dim("family").map((r) => ({ family: r.value as string, ...deliveryFigures(r) })),
    byMonth: dim("month").map((r) => ({ month: r.value as string, ...deliveryFigures(r) })),
    byWeek: dim("week").map((r) => ({ week: r.value as string, ...deliveryFigures(r) })),
    bySource: dim("source").map((r) => ({ source: r.value as string, ...deliveryFigures(r) })),
  };
}

const autonomyFigures = (r: AutonomyRow | undefined) => {
  const z = r ?? { business: 0, admin: 0, automated: 0 };
  return { business: z.business, admin: z.admin, automated: z.automated, share: share(z.business, z.business + z.admin) };
};

export function shapeAutonomy(rows: AutonomyRow[]) {
  // grouping(entity, month, week) bits: a 1 marks a column not grouped by.
  const of = (g: number) => rows.filter((r) => r.g === g);
  return {
    ...autonomyFigures(of(7)[0]),
    byEntity: of(3).map((r) => ({ entity: r.entity as string, ...autonomyFigures(r) })),
    byMonth: of(5).map((r) => ({ month: r.month as string, ...autonomyFigures(r) })),
    byWeek: of(6).map((r) => ({ week: r.week as string, ...autonomyFigures(r) })),
    byEntityMonth: of(1).map((r) => ({ entity: r.entity as string, month: r.month as string, ...autonomyFigures(r) })),
  };
}

/** Per bucket of order creation: the orders, those disagreeing now, and the share that agrees. */
export function shapeAgreementTrend(rows: AgreementBucketRow[]) {
  return rows.map((r) => ({ bucket: r.bucket, orders: r.orders, disagreeing: r.disagreeing, agreementRate: share(r.orders - r.disagreeing, r.orders) }));
}
