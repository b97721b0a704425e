// Use case: the five outcome figures of a period, measured from the system's own logs; with a pivot
// date, the same figures before and after it (e.g. go-live) and how each headline changed.
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import { type RuleLog, readRuleLog, ruleRatesOf } from "../rules/rule-execution-rate.js";
import { disagreementSummary } from "./agreement-store.js";
import { autonomyAggregates } from "./autonomy-store.js";
import { deliveryAggregates, reconfirmedOnTime } from "./delivery-store.js";
import { dwellAggregates } from "./dwell-rollup-store.js";
import { stuckOrders } from "./dwell-store.js";
import { share } from "./model/autonomy.js";
import { type Period, splitAtPivot } from "./model/period.js";
import { shapeAutonomy, shapeDelivery, shapeDwell } from "./model/shape.js";
import { change } from "./model/stats.js";
import { refreshOutcomeSummaries } from "./refresh-summaries.js";

const STUCK_PER_STATUS = 5;
const EXAMPLES = 20;

async function customerNames(db: Kysely<DB>) {
  const rows = await db.selectFrom("customers").select(["code", "name", "grade"]).execute();
  return new Map(rows.map((r) => [r.code, { name: r.name, grade: r.grade }]));
}

const instants = (period: Period) => ({ from: period.start, to: period.end });

/** The figures that depend on the period; the rule figures from `ruleLog`, the rule log of the period or of
 *  a period holding it (a pivot's halves are computed from the whole period's log, read once). */
async function periodFigures(db: Kysely<DB>, period: Period, ruleLog: Promise<RuleLog>) {
  const [dwellRows, deliveryRows, reconfirmed, autonomyRows, log, names] = await Promise.all([
    dwellAggregates(db, period),
    deliveryAggregates(db, period),
    reconfirmedOnTime(db, period),
    autonomyAggregates(db, period),
    ruleLog,
    customerNames(db),
  ]);
  const rules = ruleRatesOf(log, instants(period));
  return {
    period: { from: period.from, to: period.to },
    dwell: shapeDwell(dwellRows),
    onTime: { ...shapeDelivery(deliveryRows, names), reconfirmed: { ...reconfirmed, rate: share(reconfirmed.onTime, reconfirmed.count) } },
    ruleExecution: { evaluations: rules.evaluations, ...rules.overall, rules: rules.rules },
    autonomy: shapeAutonomy(autonomyRows),
  };
}
type PeriodFigures = Awaited<ReturnType<typeof periodFigures>>;

/** The headline of each figure, for comparisons and gauges. */
export function headline(f: PeriodFigures) {
  return {
    dwellMedianHours: Object.fromEntries(f.dwell.stages.map((s) => [s.stage, s.medianHours])),
    dwellMeanHours: Object.fromEntries(f.dwell.stages.map((s) => [s.stage, s.meanHours])),
    onTimeRate: f.onTime.onTimeRate,
    ruleExecutionRate: f.ruleExecution.executionRate,
    ruleSuccessRate: f.ruleExecution.successRate,
    autonomyShare: f.autonomy.share,
  };
}

export async function computeOutcomes(db: Kysely<DB>, period: Period, options: { now: Date; pivot?: string }) {
  const halves = options.pivot ? splitAtPivot(period, options.pivot) : undefined;
  await refreshOutcomeSummaries(db);
  const ruleLog = readRuleLog(db, instants(period));
  const [figures, stuck, { counts, examples }] = await Promise.all([
    periodFigures(db, period, ruleLog),
    stuckOrders(db, STUCK_PER_STATUS),
    disagreementSummary(db, EXAMPLES),
  ]);
  const hoursSince = (at: Date) => Math.round(((options.now.getTime() - at.getTime()) / 3_600_000) * 100) / 100;
  const stuckByStatus = [...new Set(stuck.map((s) => s.status))].map((status) => ({
    status,
    orders: stuck
      .filter((s) => s.status === status)
      .map((s) => ({ orderNo: s.order_no, customer: s.customer_code, grade: s.grade, rush: s.rush, since: s.since.toISOString(), hours: hoursSince(s.since) })),
  }));
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return {
    ...figures,
    dwell: { ...figures.dwell, stuck: stuckByStatus },
    agreement: {
      disagreements: total,
      byCause: counts,
      examples: examples.map((d) => ({ orderNo: d.order_no, cause: d.cause, status: d.status, detail: d.detail })),
    },
    ...(halves ? { comparison: await compare(db, options.pivot as string, halves, ruleLog) } : {}),
  };
}

async function compare(db: Kysely<DB>, pivot: string, halves: { before: Period; after: Period }, ruleLog: Promise<RuleLog>) {
  const before = headline(await periodFigures(db, halves.before, ruleLog));
  const after = headline(await periodFigures(db, halves.after, ruleLog));
  const changes = {
    dwellMedianHours: Object.fromEntries(Object.keys(before.dwellMedianHours).map((k) => [k, change(before.dwellMedianHours[k], after.dwellMedianHours[k])])),
    dwellMeanHours: Object.fromEntries(Object.keys(before.dwellMeanHours).map((k) => [k, change(before.dwellMeanHours[k], after.dwellMeanHours[k])])),
    onTimeRate: change(before.onTimeRate, after.onTimeRate),
    ruleExecutionRate: change(before.ruleExecutionRate, after.ruleExecutionRate),
    ruleSuccessRate: change(before.ruleSuccessRate, after.ruleSuccessRate),
    autonomyShare: change(before.autonomyShare, after.autonomyShare),
  };
  return {
    pivot,
    before: { from: halves.before.from, to: halves.before.to, ...before },
    after: { from: halves.after.from, to: halves.after.to, ...after },
    changes,
  };
}
