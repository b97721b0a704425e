// What the shop floor tells the plan, read through production's exported views (decision 0058), so
// planning imports nothing from production: released work still to do, downtime per unit, and the
// mark that makes a plan stale when a report, a release or a downtime comes in.
import { type Kysely, sql, type Transaction } from "kysely";
import type { MaintenanceWindow } from "../calendar/model/calendar.js";
import { addDays, plantMs } from "../calendar/model/dates.js";
import { nowMs } from "../core/clock.js";
import type { DB } from "../core/db/schema.js";
import type { ReleasedWorkOrder } from "./model/released.js";

type Db = Kysely<DB> | Transaction<DB>;

/** Released work orders still open, by order. */
export async function loadReleasedWork(db: Db, orderNos?: string[]): Promise<Map<string, ReleasedWorkOrder[]>> {
  const rows = await db
    .selectFrom("production_plan_feed")
    .selectAll()
    .$if(orderNos !== undefined, (q) => q.where("order_no", "in", orderNos?.length ? orderNos : [""]))
    .orderBy("work_order_id")
    .orderBy("seq")
    .execute();
  const byOrder = new Map<string, ReleasedWorkOrder[]>();
  const byId = new Map<number, ReleasedWorkOrder>();
  for (const r of rows) {
    const id = Number(r.work_order_id);
    let wo = byId.get(id);
    if (!wo) {
      wo = { id, parentId: r.parent_id === null ? null : Number(r.parent_id), sku: r.sku, qty: r.wo_qty, ops: [] };
      byId.set(id, wo);
      const list = byOrder.get(r.order_no) ?? [];
      list.push(wo);
      byOrder.set(r.order_no, list);
    }
    wo.ops.push({
      operationId: Number(r.operation_id),
      seq: r.seq,
      workCentre: r.work_centre,
      setupHours: Number(r.setup_hours),
      runHoursPerUnit: Number(r.run_hours_per_unit),
      status: r.status,
      qtyRemaining: r.qty_remaining,
      actualStart: r.actual_start ? new Date(r.actual_start).getTime() : null,
    });
  }
  return byOrder;
}

/**
 * Downtime as maintenance windows of the units it takes down. A machine still down is assumed down to
 * the end of the plant day; every re-plan moves that on until someone reports it up.
 */
export async function loadDowntime(db: Db, today: string): Promise<MaintenanceWindow[]> {
  const endOfDay = plantMs(addDays(today, 1), 0);
  const rows = await db
    .selectFrom("production_downtime_feed")
    .selectAll()
    .where((eb) => eb.or([eb("ends_at", "is", null), eb("ends_at", ">", new Date(plantMs(today, 0)))]))
    .execute();
  return rows
    .map((r) => ({
      id: -Number(r.id),
      workCentre: r.work_centre,
      startsAt: r.starts_at.getTime(),
      endsAt: r.ends_at ? r.ends_at.getTime() : Math.max(endOfDay, nowMs()),
      reason: r.reason,
      ...(r.unit ? { units: 1 } : {}),
    }))
    .filter((w) => w.endsAt > w.startsAt);
}

/** Changes whenever the shop floor reports, releases or records downtime. */
export async function shopFloorMark(db: Db): Promise<string> {
  const { rows } = await sql<{ mark: string }>`select mark from production_plan_mark`.execute(db);
  return rows[0]?.mark ?? "";
}
