// SQL of the shop floor: the only place that touches work_orders, work_order_operations,
// operation_reports and downtime.
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../core/db/schema.js";

type Db = Kysely<DB> | Transaction<DB>;

export interface NewWorkOrder {
  woNo: string;
  orderNo: string;
  lineNo: number;
  sku: string;
  qty: number;
  routingVersionId: number | null;
  materialReady: string | null;
  releasedBy: string;
  /** Index in the same batch of the work order this one feeds (a sub-assembly's parent). */
  parentIndex: number | null;
  ops: { seq: number; workCentre: string; setupHours: number; runHoursPerUnit: number; plannedStart: Date | null; plannedEnd: Date | null }[];
}

export async function insertWorkOrders(tx: Transaction<DB>, wos: NewWorkOrder[]) {
  const ids: number[] = [];
  for (const wo of wos) {
    const row = await tx
      .insertInto("work_orders")
      .values({
        wo_no: wo.woNo,
        order_no: wo.orderNo,
        line_no: wo.lineNo,
        parent_id: wo.parentIndex === null ? null : ids[wo.parentIndex],
        sku: wo.sku,
        qty: wo.qty,
        routing_version_id: wo.routingVersionId,
        material_ready: wo.materialReady,
        released_by: wo.releasedBy,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    ids.push(row.id);
    if (wo.ops.length) {
      await tx
        .insertInto("work_order_operations")
        .values(
          wo.ops.map((op) => ({
            work_order_id: row.id,
            seq: op.seq,
            work_centre: op.workCentre,
            setup_hours: op.setupHours,
            run_hours_per_unit: op.runHoursPerUnit,
            qty_remaining: wo.qty,
            planned_start: op.plannedStart,
            planned_end: op.plannedEnd,
          })),
        )
        .execute();
    }
  }
  return ids;
}

/** Orders among `orderNos` that already have work orders. */
export async function ordersWithWorkOrders(db: Db, orderNos: string[]) {
  if (!orderNos.length) return new Set<string>();
  const rows = await db.selectFrom("work_orders").select("order_no").distinct().where("order_no", "in", orderNos).execute();
  return new Set(rows.map((r) => r.order_no));
}

export async function findOperation(db: Db, operationId: number) {
  return db
    .selectFrom("work_order_operations as o")
    .innerJoin("work_orders as w", "w.id", "o.work_order_id")
    .select(["o.id", "o.work_order_id", "w.order_no", "w.wo_no"])
    .where("o.id", "=", operationId)
    .executeTakeFirst();
}

/** A work order and its operations in seq order, the work order locked for the caller's transaction. */
export async function lockWorkOrder(tx: Transaction<DB>, workOrderId: number) {
  const wo = await tx.selectFrom("work_orders").selectAll().where("id", "=", workOrderId).forUpdate().executeTakeFirstOrThrow();
  const ops = await tx.selectFrom("work_order_operations").selectAll().where("work_order_id", "=", workOrderId).orderBy("seq").execute();
  return { wo, ops };
}
export type OperationRow = Awaited<ReturnType<typeof lockWorkOrder>>["ops"][number];

export async function findReportByKey(db: Db, key: string) {
  return db.selectFrom("operation_reports").select(["id", "operation_id"]).where("idempotency_key", "=", key).executeTakeFirst();
}

export async function workOrdersOf(db: Db, orderNos: string[]) {
  if (!orderNos.length) return [];
  return db.selectFrom("work_orders").selectAll().where("order_no", "in", orderNos).orderBy("id").execute();
}

export async function operationsOf(db: Db, workOrderIds: number[]) {
  if (!workOrderIds.length) return [];
  return db.selectFrom("work_order_operations").selectAll().where("work_order_id", "in", workOrderIds).orderBy("work_order_id").orderBy("seq").execute();
}

/** Operations not finished at a work centre, with their work order. */
export async function openOperationsAt(db: Db, workCentre: string) {
  return db
    .selectFrom("work_order_operations as o")
    .innerJoin("work_orders as w", "w.id", "o.work_order_id")
    .selectAll("o")
    .select(["w.order_no", "w.wo_no", "w.sku", "w.qty", "w.material_ready", "w.parent_id"])
    .where("o.work_centre", "=", workCentre)
    .where("o.status", "<>", "done")
    .execute();
}

/** The dispatch list of a centre as it stood when the shift started, if taken. */
export async function findDispatchBaseline(db: Db, workCentre: string, shiftStart: Date) {
  return db
    .selectFrom("dispatch_baselines")
    .select(["operations", "taken_at"])
    .where("work_centre", "=", workCentre)
    .where("shift_start", "=", shiftStart)
    .executeTakeFirst();
}

/** Keeps the first baseline of a shift (another instance may have taken it) and forgets those older than two weeks. */
export async function saveDispatchBaseline(db: Db, workCentre: string, shiftStart: Date, operations: { operationId: number; plannedStart: string | null }[]) {
  await db
    .insertInto("dispatch_baselines")
    .values({ work_centre: workCentre, shift_start: shiftStart, operations: JSON.stringify(operations) })
    .onConflict((oc) => oc.columns(["work_centre", "shift_start"]).doNothing())
    .execute();
  await db
    .deleteFrom("dispatch_baselines")
    .where("shift_start", "<", new Date(shiftStart.getTime() - 14 * 86_400_000))
    .execute();
}
