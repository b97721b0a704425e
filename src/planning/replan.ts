// Use case: recompute the whole plan (every open order, in priority order, on finite capacity) and
// save it as the current run, so dashboards, shortages and promises read it without recomputing.
import { type Kysely, sql } from "kysely";
import { dayFromNumber, dayNumber } from "../calendar/model/dates.js";
import { now, plantToday } from "../core/clock.js";
import type { DB } from "../core/db/schema.js";
import { plantDay } from "../core/plant-day.js";
import { markPromisesAtRisk, type PromiseCheck } from "../orders/mark-promise-at-risk.js";
import { planAll } from "./model/plan.js";
import { brokenPromises } from "./model/promise-checks.js";
import type { OrderPlan, PlanOrder } from "./model/types.js";
import { persistPlan, type RunMeta } from "./persist-plan.js";
import { forgetPlanContext } from "./plan-state.js";
import { changeMarks, loadOpenOrders, loadPlanningBase } from "./store.js";

export interface ReplanSummary {
  runId: number;
  today: string;
  orders: number;
  operations: number;
  late: number;
  unplanned: number;
  computeMs: number;
  totalMs: number;
}

/** Loads, plans and saves. `adjust` may change the orders first (batch reschedule plans with the new dates). */
export async function computePlan(db: Kysely<DB>, adjust?: (orders: PlanOrder[]) => PlanOrder[]) {
  const startedAt = now();
  const today = plantDay(startedAt);
  // Marks first: a change made while we load makes the new run stale at once, never invisible.
  const marks = await changeMarks(db);
  const [base, loaded] = await Promise.all([loadPlanningBase(db, today), loadOpenOrders(db)]);
  const orders = adjust ? adjust(loaded) : loaded;
  const t0 = performance.now();
  const result = planAll({ ...base, orders });
  const computeMs = performance.now() - t0;
  return { result, orders, today, startedAt, marks, horizonDays: base.horizonDays, computeMs, engineering: base.engineering, input: { ...base, orders } };
}

export async function replan(db: Kysely<DB>, actor: string, trigger: RunMeta["trigger"]): Promise<ReplanSummary> {
  const t0 = performance.now();
  const computed = await computePlan(db);
  const runId = await db.transaction().execute((tx) =>
    persistPlan(tx, computed.result, computed.orders, {
      today: computed.today,
      horizonDays: computed.horizonDays,
      trigger,
      actor,
      marks: computed.marks,
      startedAt: computed.startedAt,
      durationMs: performance.now() - t0,
    }),
  );
  forgetPlanContext(db);
  const plans = computed.result.orders;
  await flagBrokenPromises(db, computed.orders, plans);
  return {
    runId,
    today: computed.today,
    orders: plans.length,
    operations: plans.reduce((n, o) => n + o.ops.length, 0),
    late: plans.filter((o) => o.late).length,
    unplanned: plans.filter((o) => o.finishN === null).length,
    computeMs: Math.round(computed.computeMs),
    totalMs: Math.round(performance.now() - t0),
  };
}

/** What held an order back, in a few words for its history and the sales call. */
function reasonOf(p: OrderPlan): string {
  if (p.conditions.some((c) => c.kind === "overdue_supply")) return `overdue_supply:${p.conditions.find((c) => c.kind === "overdue_supply")!.sku}`;
  const c = p.bottleneck;
  return c.kind === "work_centre" ? `work_centre:${c.code}` : c.kind === "material" ? `material:${c.sku}` : c.kind;
}

/**
 * No silent breaks: every promised order the plan makes later than its promise (or that counts on overdue
 * supply) turns "promise at risk" within this re-plan; one the plan makes on time again turns back.
 * Only orders whose state or planned date changed are written.
 */
export async function flagBrokenPromises(db: Kysely<DB>, orders: PlanOrder[], plans: OrderPlan[]) {
  const state = new Map(
    (
      await db
        .selectFrom("orders")
        .select(["order_no", "promise_state", sql<string | null>`promise_note->>'plannedDate'`.as("planned")])
        .where("promise_state", "=", "at_risk")
        .execute()
    ).map((r) => [r.order_no, r.planned]),
  );
  const byNo = new Map(plans.map((p) => [p.orderNo, p]));
  const judged = brokenPromises(orders, plans, dayNumber);
  const atRisk: PromiseCheck[] = [];
  for (const b of judged.broken) {
    const plannedDate = b.plannedN === null ? null : dayFromNumber(b.plannedN);
    if (!(state.has(b.orderNo) && state.get(b.orderNo) === plannedDate))
      atRisk.push({ orderNo: b.orderNo, plannedDate, reason: reasonOf(byNo.get(b.orderNo)!) });
  }
  const kept = judged.kept.filter((o) => state.has(o));
  return markPromisesAtRisk(db, atRisk, kept);
}

/** Is the current plan older than today, or than a change to orders, master data, stock or open supply? */
export async function planStaleness(db: Kysely<DB>) {
  const [marks, run] = await Promise.all([
    changeMarks(db),
    db
      .selectFrom("plan_status")
      .innerJoin("plan_runs", "plan_runs.id", "plan_status.current_run")
      .selectAll("plan_runs")
      .where("plan_status.id", "=", 1)
      .executeTakeFirst(),
  ]);
  const today = plantToday();
  const reasons: string[] = [];
  if (!run) reasons.push("no_plan");
  else {
    if (run.today !== today) reasons.push("new_day");
    if (marks.events > run.events_mark) reasons.push("orders_changed");
    if (marks.master > run.master_mark) reasons.push("master_data_changed");
    if (marks.stock && (!run.stock_mark || marks.stock > run.stock_mark)) reasons.push("stock_changed");
    if (marks.supply !== run.supply_mark) reasons.push("supply_changed");
    if (marks.shopFloor !== (run.shop_floor_mark ?? "")) reasons.push("shop_floor");
  }
  return { run, stale: reasons.length > 0, reasons };
}
