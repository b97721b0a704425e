// Use case: a report from the shop floor on one operation (start / pause / finish, good, scrap with a
// reason, rework, setup minutes, operator). Idempotent by key: a retried scan counts once. A report that
// makes no sense is refused unless a supervisor overrides it with a reason, which is logged. The order
// follows its work: in production at the first start, ready when its last operation is finished, both
// through the orders capability's transition.
import type { Kysely, Transaction } from "kysely";
import { type Principal, SYSTEM } from "../core/auth/principal.js";
import { hasPermission } from "../core/auth/roles.js";
import { now } from "../core/clock.js";
import type { DB } from "../core/db/schema.js";
import { AppError, invalid, notFound, refused } from "../core/errors.js";
import { recordProductionEvents } from "../orders/record-production-event.js";
import { getOrderRow } from "../orders/store.js";
import { transitionOrderInTransaction } from "../orders/transition-order.js";
import { openTask } from "../tasks/open-task.js";
import { applyReport, flow, judgeReport, type OperationFigures, type ReportKind, shortfall } from "./model/flow.js";
import { getOperationView } from "./operation-view.js";
import { findOperation, findReportByKey, lockWorkOrder, type OperationRow } from "./store.js";

export interface ReportRequest {
  kind: ReportKind;
  good?: number;
  scrap?: number;
  scrapReason?: string;
  rework?: number;
  setupMinutes?: number;
  at?: string;
  operator?: string;
  /** A supervisor takes a report the checks refuse; the reason goes on the order's timeline. */
  override?: { reason: string };
}

const figures = (op: OperationRow): OperationFigures => ({ seq: op.seq, status: op.status, good: op.qty_good, scrap: op.qty_scrap });

export async function reportOperation(db: Kysely<DB>, principal: Principal, operationId: number, request: ReportRequest, idempotencyKey: string | undefined) {
  if (!idempotencyKey) throw new AppError("invalid", "production.idempotency_key_required", {}, "Idempotency-Key");
  const good = request.good ?? 0;
  const scrap = request.scrap ?? 0;
  const scrapReason = request.scrapReason?.trim() || null;
  if (scrap > 0 && !scrapReason) throw invalid("scrapReason", "production.scrap_reason_required", { scrap });
  const overrideReason = request.override?.reason.trim() || null;
  if (request.override && !overrideReason) throw invalid("override.reason", "production.override_reason_required");
  if (request.override && !hasPermission(principal.roles, "production.override")) {
    throw new AppError("forbidden", "auth.forbidden", { roles: principal.roles.join(","), allowed: "production" });
  }
  const located = await findOperation(db, operationId);
  if (!located) throw notFound("production.operation_not_found", { operationId }, "operationId");
  const replayed = await db.transaction().execute(async (tx) => {
    const { wo, ops } = await lockWorkOrder(tx, located.work_order_id);
    // Under the work order's lock: a retry racing the first attempt sees its row.
    const earlier = await findReportByKey(tx, idempotencyKey);
    if (earlier) {
      if (Number(earlier.operation_id) !== operationId) throw new AppError("conflict", "production.key_reused", { key: idempotencyKey }, "Idempotency-Key");
      return true;
    }
    const index = ops.findIndex((o) => o.id === operationId);
    const op = ops[index];
    // The order locked too: two work orders of one order reported at once must not both move it on.
    const order = await getOrderRow(tx, wo.order_no, true);
    const orderOpen = !!order && (order.status === "scheduled" || order.status === "in_production");
    const before = ops.map(figures);
    const report = { kind: request.kind, good, scrap };
    const why = judgeReport(wo.qty, before, index, report, orderOpen);
    if (why && !overrideReason) {
      const arrived = flow(wo.qty, before)[index].arrived;
      throw refused(`production.${why}`, {
        orderNo: wo.order_no,
        status: order?.status ?? "",
        seq: op.seq,
        previous: ops[index - 1]?.seq ?? "",
        total: op.qty_good + op.qty_scrap + good + scrap,
        arrived,
      });
    }
    const at = request.at ? new Date(request.at) : now();
    const inserted = await tx
      .insertInto("operation_reports")
      .values({
        operation_id: operationId,
        idempotency_key: idempotencyKey,
        kind: request.kind,
        good,
        scrap,
        scrap_reason: scrapReason,
        rework: request.rework ?? 0,
        setup_minutes: request.setupMinutes ?? 0,
        operator: request.operator ?? null,
        at,
        reported_by: principal.name,
        override_reason: why ? overrideReason : null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const after = before.map((f, i) => (i === index ? applyReport(f, report) : f));
    await saveFigures(tx, ops, after, wo.qty, { index, at, request });
    const woDone = after.every((f) => f.status === "done");
    await tx
      .updateTable("work_orders")
      .set({ status: woDone ? "done" : "in_progress" })
      .where("id", "=", wo.id)
      .execute();
    const events: Parameters<typeof recordProductionEvents>[1] = [
      {
        orderNo: wo.order_no,
        actor: principal.name,
        what: "report",
        workCentre: op.work_centre,
        data: {
          workOrder: wo.wo_no,
          seq: op.seq,
          workCentre: op.work_centre,
          kind: request.kind,
          good,
          scrap,
          scrapReason,
          operator: request.operator ?? null,
        },
        report: {
          id: Number(inserted.id),
          at: at.toISOString(),
          kind: request.kind,
          good,
          scrap,
          scrapReason,
          operator: request.operator ?? null,
          orderNo: wo.order_no,
          workOrder: wo.wo_no,
          sku: wo.sku,
          seq: op.seq,
          workCentre: op.work_centre,
        },
      },
    ];
    if (why)
      events.push({
        orderNo: wo.order_no,
        actor: principal.name,
        what: "override",
        reason: overrideReason,
        data: { refused: why, workOrder: wo.wo_no, seq: op.seq },
      });
    // Scrap that leaves the line short: propose the make-up quantity (补投) to the planner.
    const short = shortfall(wo.qty, after) - shortfall(wo.qty, before);
    if (short > 0) {
      const title = `补投 ${short} 件 ${wo.sku}（${wo.wo_no} 工序 ${op.seq} 报废 ${scrap}：${scrapReason ?? ""}）`;
      await openTask(tx, { title, orderNo: wo.order_no, assigneeRole: "planner", createdBy: principal.name });
      events.push({ orderNo: wo.order_no, actor: principal.name, what: "make_up", data: { workOrder: wo.wo_no, sku: wo.sku, qty: short } });
    }
    await recordProductionEvents(tx, events);
    if (orderOpen && order) await followWork(tx, db, wo.order_no, order.status, `${wo.wo_no} ${op.seq}`);
    return false;
  });
  return { replayed, operation: await getOperationView(db, operationId) };
}

async function saveFigures(
  tx: Transaction<DB>,
  ops: OperationRow[],
  after: OperationFigures[],
  qty: number,
  change: { index: number; at: Date; request: ReportRequest },
) {
  const flows = flow(qty, after);
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i];
    const mine = i === change.index;
    if (!mine && op.qty_remaining === flows[i].remaining) continue;
    const r = change.request;
    await tx
      .updateTable("work_order_operations")
      .set({
        qty_remaining: flows[i].remaining,
        updated_at: new Date(),
        ...(mine
          ? {
              status: after[i].status,
              qty_good: after[i].good,
              qty_scrap: after[i].scrap,
              qty_rework: op.qty_rework + (r.rework ?? 0),
              setup_minutes: op.setup_minutes + (r.setupMinutes ?? 0),
              actual_start: op.actual_start ?? change.at,
              actual_end: after[i].status === "done" ? change.at : null,
              operator: r.operator ?? op.operator,
            }
          : {}),
      })
      .where("id", "=", op.id)
      .execute();
  }
}

/** The order follows its work orders: in production at the first start, ready when every one is done. */
async function followWork(tx: Transaction<DB>, db: Kysely<DB>, orderNo: string, status: string, what: string) {
  let now = status;
  if (now === "scheduled") {
    await transitionOrderInTransaction(tx, db, SYSTEM, orderNo, { to: "in_production", reason: `车间开工 ${what}` });
    now = "in_production";
  }
  const open = await tx.selectFrom("work_orders").select("id").where("order_no", "=", orderNo).where("status", "<>", "done").limit(1).execute();
  if (now === "in_production" && !open.length) {
    await transitionOrderInTransaction(tx, db, SYSTEM, orderNo, { to: "ready", reason: `车间完工 ${what}` });
  }
}
