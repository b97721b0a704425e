// Use case: the dispatch list of a work centre (工位派工单): its unfinished operations in the order of
// the current plan, rush and late flagged, with "material ready" and "previous operation done" lights.
// One version, always current: it is read from the newest plan run every time.
import type { Kysely } from "kysely";
import { loadWorkCentres } from "../calendar/store.js";
import { SYSTEM } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { notFound } from "../core/errors.js";
import { plantDay } from "../orders/model/numbering.js";
import { orderNosInStatus } from "../orders/store.js";
import { currentPlanOperations } from "../planning/plan-operations.js";
import { flow } from "./model/flow.js";
import { RELEASED_STATUSES, releaseWorkOrders } from "./release-work-orders.js";
import { openOperationsAt, operationsOf, workOrdersOf } from "./store.js";

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export async function getDispatch(db: Kysely<DB>, code: string) {
  const [centre] = await loadWorkCentres(db, code);
  if (!centre) throw notFound("production.work_centre_not_found", { code }, "code");
  // Orders scheduled since the last sweep reach the shop floor before the list is read.
  await releaseWorkOrders(db, SYSTEM);
  const [open, { run, operations: planned }] = await Promise.all([openOperationsAt(db, code), currentPlanOperations(db, { workCentre: code })]);
  const orderNos = [...new Set(open.map((o) => o.order_no))];
  const [orders, wos] = await Promise.all([orderNosInStatus(db, RELEASED_STATUSES, orderNos), workOrdersOf(db, orderNos)]);
  const allOps = await operationsOf(
    db,
    wos.map((w) => w.id),
  );
  const orderOf = new Map(orders.map((o) => [o.order_no, o]));
  const planRank = new Map<number, { rank: number; start: Date | null; end: Date | null }>();
  planned.forEach((p, rank) => {
    if (p.operation_id !== null) planRank.set(Number(p.operation_id), { rank, start: p.planned_start, end: p.planned_end });
  });
  const now = new Date();
  const today = plantDay(now);
  const list = open
    .filter((op) => orderOf.has(op.order_no))
    .map((op) => {
      const own = allOps.filter((o) => o.work_order_id === op.work_order_id);
      const index = own.findIndex((o) => o.id === op.id);
      const flows = flow(
        op.qty,
        own.map((o) => ({ seq: o.seq, status: o.status, good: o.qty_good, scrap: o.qty_scrap })),
      );
      const children = wos.filter((w) => w.parent_id === op.work_order_id);
      const plan = planRank.get(op.id);
      const order = orderOf.get(op.order_no)!;
      const plannedEnd = plan?.end ?? op.planned_end;
      const due = order.promised_date ?? order.requested_date;
      return {
        operationId: op.id,
        orderNo: op.order_no,
        workOrder: op.wo_no,
        seq: op.seq,
        sku: op.sku,
        qty: flows[index].expected,
        qtyReady: flows[index].ready,
        qtyRemaining: flows[index].remaining,
        status: op.status,
        plannedStart: iso(op.actual_start ?? plan?.start ?? op.planned_start),
        plannedEnd: iso(plannedEnd),
        rush: order.rush,
        // Late: the plan ends it after the order's due day, or it should have ended already.
        late: !!plannedEnd && ((due !== null && plantDay(plannedEnd) > due) || plannedEnd < now),
        materialReady: (op.material_ready === null || op.material_ready <= today) && children.every((c) => c.status === "done"),
        previousDone: index === 0 || own[index - 1].status === "done",
        rank: plan?.rank ?? Number.MAX_SAFE_INTEGER,
      };
    })
    .sort((a, b) => a.rank - b.rank || (a.plannedStart ?? "").localeCompare(b.plannedStart ?? "") || a.orderNo.localeCompare(b.orderNo) || a.seq - b.seq);
  return {
    workCentre: { code: centre.code, name: centre.name, units: centre.parallelUnits },
    generatedAt: now.toISOString(),
    planRun: run ? { id: run.id, at: iso(run.finished_at) } : null,
    operations: list.map(({ rank: _rank, ...rest }) => rest),
  };
}
