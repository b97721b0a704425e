// Read views of operations: one operation's state (the reply to a report) and an order's work orders
// with each operation's planned (current plan, else as released) and actual times and quantities.
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import { currentPlanOperations } from "../planning/plan-operations.js";
import { flow } from "./model/flow.js";
import { operationsOf, workOrdersOf } from "./store.js";

type Wo = Awaited<ReturnType<typeof workOrdersOf>>[number];
type Op = Awaited<ReturnType<typeof operationsOf>>[number];
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

function opView(wo: Wo, ops: Op[], op: Op, planned: Map<number, { start: Date | null; end: Date | null }>) {
  const flows = flow(
    wo.qty,
    ops.map((o) => ({ seq: o.seq, status: o.status, good: o.qty_good, scrap: o.qty_scrap })),
  );
  const f = flows[ops.indexOf(op)];
  const plan = planned.get(op.id);
  return {
    operationId: op.id,
    orderNo: wo.order_no,
    workOrder: wo.wo_no,
    seq: op.seq,
    workCentre: op.work_centre,
    sku: wo.sku,
    qty: wo.qty,
    status: op.status,
    good: op.qty_good,
    scrap: op.qty_scrap,
    rework: op.qty_rework,
    setupMinutes: op.setup_minutes,
    qtyReady: f.ready,
    qtyRemaining: f.remaining,
    plannedStart: iso(op.actual_start ?? plan?.start ?? op.planned_start),
    plannedEnd: iso(op.status === "done" ? op.planned_end : (plan?.end ?? op.planned_end)),
    releasedStart: iso(op.planned_start),
    releasedEnd: iso(op.planned_end),
    actualStart: iso(op.actual_start),
    actualEnd: iso(op.actual_end),
    operator: op.operator,
  };
}
export type OperationView = ReturnType<typeof opView>;

async function plannedTimes(db: Kysely<DB>, orderNos: string[]) {
  const { operations } = await currentPlanOperations(db, { orderNos });
  const out = new Map<number, { start: Date | null; end: Date | null }>();
  for (const p of operations) if (p.operation_id !== null) out.set(Number(p.operation_id), { start: p.planned_start, end: p.planned_end });
  return out;
}

/** An order's work orders, each with its operations. Empty until the order is released. */
export async function getOrderProduction(db: Kysely<DB>, orderNo: string) {
  const wos = await workOrdersOf(db, [orderNo]);
  if (!wos.length) return [];
  const [ops, planned] = await Promise.all([
    operationsOf(
      db,
      wos.map((w) => w.id),
    ),
    plannedTimes(db, [orderNo]),
  ]);
  return wos.map((wo) => {
    const own = ops.filter((o) => o.work_order_id === wo.id);
    return {
      workOrder: wo.wo_no,
      lineNo: wo.line_no,
      sku: wo.sku,
      qty: wo.qty,
      status: wo.status,
      feeds: wo.parent_id ? (wos.find((w) => w.id === wo.parent_id)?.wo_no ?? null) : null,
      operations: own.map((op) => opView(wo, own, op, planned)),
    };
  });
}

export async function getOperationView(db: Kysely<DB>, operationId: number): Promise<OperationView> {
  const op = await db.selectFrom("work_order_operations").selectAll().where("id", "=", operationId).executeTakeFirstOrThrow();
  const wo = await db.selectFrom("work_orders").selectAll().where("id", "=", op.work_order_id).executeTakeFirstOrThrow();
  const [ops, planned] = await Promise.all([operationsOf(db, [wo.id]), plannedTimes(db, [wo.order_no])]);
  return opView(wo, ops, ops.find((o) => o.id === op.id)!, planned);
}
