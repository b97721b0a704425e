// Writes a computed plan as the current run (orders, segments per operation and day, loads per work
// centre and day, shortages, the ATP left), in the caller's transaction. Older runs are dropped.
import { sql, type Transaction } from "kysely";
import { dayFromNumber } from "../calendar/model/dates.js";
import { now } from "../core/clock.js";
import { insertUnnest } from "../core/db/insert-unnest.js";
import type { DB } from "../core/db/schema.js";
import type { PlanResult } from "./model/plan.js";
import type { PlanOrder } from "./model/types.js";
import { persistPlanOperations } from "./persist-plan-operations.js";
import { requestPurchases } from "./request-purchases.js";

export interface RunMeta {
  today: string;
  horizonDays: number;
  trigger: "manual" | "change" | "reschedule" | "start";
  actor: string;
  marks: { events: number; master: number; stock: Date | null; supply: string; shopFloor?: string };
  startedAt: Date;
  durationMs: number;
}

const KEEP_RUNS = 2;

/** Supply the planned date counts on that is not firm (a purchase line not confirmed, or overdue), or null. */
function supplyRisk(o: PlanResult["orders"][number]): string | null {
  const risky = o.conditions.flatMap((c) =>
    c.kind === "unconfirmed_supply" ? [{ sku: c.sku, kind: "unconfirmed" }] : c.kind === "overdue_supply" ? [{ sku: c.sku, kind: "overdue" }] : [],
  );
  return risky.length ? JSON.stringify(risky) : null;
}
const r4 = (x: number) => Math.round(x * 10000) / 10000;

export async function persistPlan(tx: Transaction<DB>, result: PlanResult, orders: PlanOrder[], meta: RunMeta): Promise<number> {
  // One writer at a time across instances; the last one to commit is current.
  await sql`select pg_advisory_xact_lock(hashtext('lvyue.plan'))`.execute(tx);
  const day = dayFromNumber;
  const rushOf = new Map(orders.map((o) => [o.orderNo, o.rush]));
  const run = await tx
    .insertInto("plan_runs")
    .values({
      started_at: meta.startedAt,
      finished_at: now(),
      today: meta.today,
      horizon_to: day(result.state.todayN + meta.horizonDays - 1),
      trigger: meta.trigger,
      actor: meta.actor,
      orders: result.orders.length,
      operations: result.orders.reduce((n, o) => n + o.ops.length, 0),
      late: result.orders.filter((o) => o.late).length,
      unplanned: result.orders.filter((o) => o.finishN === null).length,
      duration_ms: meta.durationMs.toFixed(3),
      events_mark: meta.marks.events,
      master_mark: meta.marks.master,
      stock_mark: meta.marks.stock,
      supply_mark: meta.marks.supply,
      shop_floor_mark: meta.marks.shopFloor ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const id = run.id;
  await insertUnnest(
    tx,
    "plan_orders",
    {
      run_id: "bigint",
      order_no: "text",
      rank: "int",
      due_date: "date",
      need_date: "date",
      material_ready: "date",
      planned_date: "date",
      late: "boolean",
      kitting_rate: "numeric",
      bottleneck: "jsonb",
      supply_risk: "jsonb",
    },
    result.orders.map((o) => ({
      run_id: id,
      order_no: o.orderNo,
      rank: o.rank,
      due_date: o.dueN === null ? null : day(o.dueN),
      need_date: day(o.needN),
      material_ready: day(o.materialReadyN),
      planned_date: day(o.finishN ?? result.state.todayN + meta.horizonDays),
      late: o.late,
      kitting_rate: r4(o.kittingRate),
      bottleneck: JSON.stringify(o.bottleneck),
      supply_risk: supplyRisk(o),
    })),
  );
  await insertUnnest(
    tx,
    "plan_segments",
    {
      run_id: "bigint",
      order_no: "text",
      job: "int",
      sku: "text",
      seq: "int",
      work_centre: "text",
      day: "date",
      hours: "numeric",
      unit: "smallint",
      starts_at: "timestamptz",
    },
    result.orders.flatMap((o) =>
      o.ops.flatMap((op) =>
        op.segments.map((s) => ({
          run_id: id,
          order_no: o.orderNo,
          job: op.job,
          sku: op.sku,
          seq: op.seq,
          work_centre: op.workCentre,
          day: day(s.n),
          hours: r4(s.hours),
          unit: s.unit,
          starts_at: s.at.length ? new Date(s.at[0][0]) : null,
        })),
      ),
    ),
  );
  await insertUnnest(
    tx,
    "plan_loads",
    { run_id: "bigint", work_centre: "text", day: "date", load_hours: "numeric", capacity_hours: "numeric", limit_hours: "numeric" },
    result.state.board
      .loadRows()
      .map((l) => ({ run_id: id, work_centre: l.workCentre, day: day(l.n), load_hours: r4(l.load), capacity_hours: r4(l.capacity), limit_hours: r4(l.limit) })),
  );
  await insertUnnest(
    tx,
    "plan_shortages",
    { run_id: "bigint", sku: "text", order_no: "text", qty_short: "numeric", date_needed: "date", rush: "boolean" },
    result.orders.flatMap((o) =>
      o.materials
        .filter((m) => m.short > 1e-6)
        .map((m) => ({ run_id: id, sku: m.sku, order_no: o.orderNo, qty_short: r4(m.short), date_needed: day(m.needN), rush: rushOf.get(o.orderNo) ?? false })),
    ),
  );
  await insertUnnest(
    tx,
    "plan_atp",
    { run_id: "bigint", sku: "text", day: "date", free: "numeric" },
    result.state.ledger
      .remaining()
      .filter((a) => a.free > 1e-6)
      .map((a) => ({ run_id: id, sku: a.sku, day: day(a.n), free: r4(a.free) })),
  );
  await persistPlanOperations(tx, id, result, orders);
  if (await requestPurchases(tx, result, meta.actor)) {
    // This run already planned with what it requested (due a lead time from today): they do not make it stale.
    const { rows } = await sql<{ pr: string }>`
      select coalesce(max(id), 0) || ':' || count(*) as pr from purchase_requests where status = 'requested'`.execute(tx);
    const supplyPart = meta.marks.supply.split(":").slice(0, 3).join(":");
    await tx
      .updateTable("plan_runs")
      .set({ supply_mark: `${supplyPart}:${rows[0].pr}` })
      .where("id", "=", id)
      .execute();
  }
  await tx.updateTable("plan_status").set({ current_run: id }).where("id", "=", 1).execute();
  await tx
    .deleteFrom("plan_runs")
    .where("id", "<=", id - KEEP_RUNS)
    .execute();
  return id;
}
