// Use case: the dispatch list of a work centre (工位派工单): its unfinished operations in the order of
// the current plan, rush and late flagged, with "material ready" and "previous operation done" lights,
// and what changed since the shift started (added, resequenced, moved: against the list as it stood
// then, kept in dispatch_baselines; decision 0061). One version, always current: it is read from the
// newest plan run every time.
import type { Kysely } from "kysely";
import type { WorkCentreSpec } from "../calendar/model/calendar.js";
import { loadWorkCentres } from "../calendar/store.js";
import type { DB } from "../core/db/schema.js";
import { notFound } from "../core/errors.js";
import { plantDay } from "../orders/model/numbering.js";
import { orderNosInStatus } from "../orders/store.js";
import { currentPlanOperations } from "../planning/plan-operations.js";
import { type BaselineEntry, dispatchChanges, shiftStart } from "./model/dispatch-changes.js";
import { flow } from "./model/flow.js";
import { RELEASED_STATUSES } from "./release-work-orders.js";
import { findDispatchBaseline, openOperationsAt, operationsOf, saveDispatchBaseline, workOrdersOf } from "./store.js";

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export async function getDispatch(db: Kysely<DB>, code: string) {
  const [centre] = await loadWorkCentres(db, code);
  if (!centre) throw notFound("production.work_centre_not_found", { code }, "code");
  const now = new Date();
  const { run, operations } = await dispatchOperations(db, code, now);
  const shift = new Date(shiftStart(now.getTime(), centre));
  const baseline = await baselineOf(db, centre, shift, operations);
  const changes = dispatchChanges(baseline.operations, operations);
  return {
    workCentre: { code: centre.code, name: centre.name, units: centre.parallelUnits },
    generatedAt: now.toISOString(),
    planRun: run ? { id: run.id, at: iso(run.finished_at) } : null,
    shift: { start: shift.toISOString(), baselineAt: baseline.takenAt.toISOString() },
    operations: operations.map((op, i) => ({ ...op, change: changes[i] })),
  };
}

/** The list as it stood when the shift started: taken now (from `current`) if nobody has yet this shift. */
async function baselineOf(db: Kysely<DB>, centre: WorkCentreSpec, shift: Date, current: BaselineEntry[]) {
  let found = await findDispatchBaseline(db, centre.code, shift);
  if (!found) {
    await saveDispatchBaseline(
      db,
      centre.code,
      shift,
      current.map((o) => ({ operationId: o.operationId, plannedStart: o.plannedStart })),
    );
    found = await findDispatchBaseline(db, centre.code, shift);
  }
  return { operations: (found?.operations ?? []) as BaselineEntry[], takenAt: found?.taken_at ?? new Date() };
}

/**
 * Takes the baseline of every centre whose shift has started since its last one: run on every tick of the
 * background re-planner, so "changed since the shift started" holds even if nobody reads a list early.
 */
export async function takeDispatchBaselines(db: Kysely<DB>, now = new Date()) {
  for (const centre of await loadWorkCentres(db)) {
    const shift = new Date(shiftStart(now.getTime(), centre));
    if (await findDispatchBaseline(db, centre.code, shift)) continue;
    await baselineOf(db, centre, shift, (await dispatchOperations(db, centre.code, now)).operations);
  }
}

/** The centre's unfinished operations in the current plan's order, with their lights. */
async function dispatchOperations(db: Kysely<DB>, code: string, now: Date) {
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
  return { run, operations: list.map(({ rank: _rank, ...rest }) => rest) };
}
