// Use cases: the state of the plan (current run, stale or not, why) and one order's place in it.
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import { notFound } from "../core/errors.js";
import { planStaleness } from "./replan.js";

export async function getPlanStatus(db: Kysely<DB>) {
  const { run, stale, reasons } = await planStaleness(db);
  return {
    stale,
    reasons,
    run: run
      ? {
          id: run.id,
          today: run.today,
          horizonTo: run.horizon_to,
          trigger: run.trigger,
          actor: run.actor,
          startedAt: run.started_at.toISOString(),
          finishedAt: run.finished_at?.toISOString() ?? null,
          orders: run.orders,
          operations: run.operations,
          late: run.late,
          unplanned: run.unplanned,
          durationMs: Number(run.duration_ms),
        }
      : null,
  };
}

export async function getOrderPlan(db: Kysely<DB>, orderNo: string) {
  const status = await db.selectFrom("plan_status").select("current_run").where("id", "=", 1).executeTakeFirst();
  const runId = status?.current_run ?? 0;
  const row = await db.selectFrom("plan_orders").selectAll().where("run_id", "=", runId).where("order_no", "=", orderNo).executeTakeFirst();
  if (!row) throw notFound("planning.order_not_planned", { orderNo }, "orderNo");
  const [segments, shortages] = await Promise.all([
    db
      .selectFrom("plan_segments")
      .select(["job", "sku", "seq", "work_centre", "day", "hours"])
      .where("run_id", "=", runId)
      .where("order_no", "=", orderNo)
      .orderBy("job")
      .orderBy("seq")
      .orderBy("day")
      .execute(),
    db.selectFrom("plan_shortages").select(["sku", "qty_short", "date_needed"]).where("run_id", "=", runId).where("order_no", "=", orderNo).execute(),
  ]);
  const ops = new Map<string, { job: number; sku: string; seq: number; workCentre: string; hours: number; start: string; end: string }>();
  for (const s of segments) {
    const key = `${s.job}|${s.seq}`;
    const op = ops.get(key) ?? { job: s.job, sku: s.sku, seq: s.seq, workCentre: s.work_centre, hours: 0, start: s.day, end: s.day };
    op.hours = Math.round((op.hours + Number(s.hours)) * 1000) / 1000;
    op.end = s.day; // segments come in day order
    ops.set(key, op);
  }
  return {
    orderNo,
    runId,
    rank: row.rank,
    dueDate: row.due_date,
    needDate: row.need_date,
    materialReadyDate: row.material_ready,
    plannedDate: row.planned_date,
    late: row.late,
    kittingRate: Number(row.kitting_rate),
    bottleneck: row.bottleneck,
    /** Supply the date counts on that is not firm: [{sku, kind: "unconfirmed" | "overdue"}]. */
    supplyRisk: (row.supply_risk ?? []) as { sku: string; kind: "unconfirmed" | "overdue" }[],
    operations: [...ops.values()],
    shortages: shortages.map((s) => ({ sku: s.sku, qtyShort: Number(s.qty_short), dateNeeded: s.date_needed })),
  };
}
