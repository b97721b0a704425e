// Use case: release scheduled orders to the shop floor. An order the planner has scheduled (or one
// already running without work orders) gets its work orders, their operations copied from the pinned
// routing version with planned times from the current plan. Idempotent: run after every re-plan and on
// every tick of the background re-planner (planning's hook, plugged in src/app.ts; decision 0061).
import type { Kysely } from "kysely";
import { sql } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import { plantToday } from "../core/clock.js";
import type { DB } from "../core/db/schema.js";
import { effectiveVersion } from "../engineering/model.js";
import { listVersions, routingOperations } from "../engineering/store.js";
import { recordProductionEvents } from "../orders/record-production-event.js";
import { getOrderLines, getOrderRow, orderNosInStatus } from "../orders/store.js";
import { currentPlanOperations, currentPlanOrders } from "../planning/plan-operations.js";
import { type RoutingOp, workOrderSpecs } from "./model/release.js";
import { insertWorkOrders, type NewWorkOrder, ordersWithWorkOrders } from "./store.js";

/** Statuses whose orders are on the shop floor. */
export const RELEASED_STATUSES = ["scheduled", "in_production"];

export async function releaseWorkOrders(db: Kysely<DB>, principal: Principal, orderNos?: string[]): Promise<string[]> {
  const candidates = (await orderNosInStatus(db, RELEASED_STATUSES, orderNos)).map((o) => o.order_no);
  const done = await ordersWithWorkOrders(db, candidates);
  const todo = candidates.filter((o) => !done.has(o));
  const released: string[] = [];
  for (const orderNo of todo) if (await releaseOne(db, principal, orderNo)) released.push(orderNo);
  return released;
}

async function releaseOne(db: Kysely<DB>, principal: Principal, orderNo: string): Promise<boolean> {
  const [{ operations }, planOrders] = await Promise.all([currentPlanOperations(db, { orderNos: [orderNo] }), currentPlanOrders(db, [orderNo])]);
  return db.transaction().execute(async (tx) => {
    // One releaser per order across instances; the second finds the work orders there.
    await sql`select pg_advisory_xact_lock(hashtext(${`lvyue.release:${orderNo}`}))`.execute(tx);
    const order = await getOrderRow(tx, orderNo);
    if (!order || !RELEASED_STATUSES.includes(order.status)) return false;
    if ((await ordersWithWorkOrders(tx, [orderNo])).size) return false;
    const lines = await getOrderLines(tx, orderNo);
    const today = plantToday();
    const routings = new Map<string, { id: number; ops: RoutingOp[] } | undefined>();
    const routingOf = async (sku: string, pinned: number | null) => {
      const key = `${sku}|${pinned}`;
      if (routings.has(key)) return routings.get(key);
      const id = pinned ?? effectiveVersion(await listVersions(tx, "routing_versions", sku), today)?.id;
      const ops = id ? await routingOperations(tx, id) : [];
      const routing = id
        ? {
            id,
            ops: ops.map((o) => ({ seq: o.seq, workCentre: o.work_centre, setupHours: Number(o.setup_hours), runHoursPerUnit: Number(o.run_hours_per_unit) })),
          }
        : undefined;
      routings.set(key, routing);
      return routing;
    };
    // Only the top-level jobs of standard lines never planned (no plan yet) use the line's pinned routing.
    const planned = operations.filter((o) => o.operation_id === null);
    for (const l of lines) await routingOf(l.sku, l.routing_version_id);
    for (const p of planned) await routingOf(p.sku, null);
    const specs = workOrderSpecs(
      lines.map((l) => ({ lineNo: l.line_no, sku: l.sku, qty: l.qty, routingVersionId: l.routing_version_id })),
      planned.map((p) => ({ job: p.job, sku: p.sku, seq: p.seq, hours: Number(p.hours), plannedStart: p.planned_start, plannedEnd: p.planned_end })),
      (sku, pinned) => routings.get(`${sku}|${pinned}`),
    );
    if (!specs.length) return false;
    const materialReady = planOrders.get(orderNo)?.materialReady ?? null;
    const wos: NewWorkOrder[] = specs.map((s, i) => {
      const routing = s.routingVersionId ? [...routings.values()].find((r) => r?.id === s.routingVersionId) : undefined;
      const times = new Map(planned.filter((p) => p.job === s.job).map((p) => [p.seq, p]));
      return {
        woNo: `${orderNo}-${i + 1}`,
        orderNo,
        lineNo: s.lineNo,
        sku: s.sku,
        qty: s.qty,
        routingVersionId: s.routingVersionId,
        materialReady,
        releasedBy: principal.name,
        parentIndex: s.parentIndex,
        ops: (routing?.ops ?? []).map((op) => ({
          ...op,
          plannedStart: times.get(op.seq)?.planned_start ?? null,
          plannedEnd: times.get(op.seq)?.planned_end ?? null,
        })),
      };
    });
    await insertWorkOrders(tx, wos);
    await recordProductionEvents(tx, [
      {
        orderNo,
        actor: principal.name,
        what: "released",
        data: { workOrders: wos.map((w) => ({ workOrder: w.woNo, sku: w.sku, qty: w.qty, operations: w.ops.length })) },
      },
    ]);
    return true;
  });
}
