// Use case: an engineering change switches a released work order to a new routing version: operations
// already started (or done) stay as they were built; the unstarted ones are replaced by the new routing's
// operations after them. The work order's event is on its order's timeline. In the caller's transaction.
import type { Transaction } from "kysely";
import type { DB } from "../core/db/schema.js";
import { notFound, refused } from "../core/errors.js";
import { routingOperations } from "../engineering/store.js";
import { recordProductionEvents } from "../orders/record-production-event.js";
import { planRoutingSwitch } from "./model/switch-routing.js";
import { lockWorkOrder } from "./store.js";

export async function switchWorkOrderRouting(tx: Transaction<DB>, woNo: string, routingVersionId: number, actor: string, ecnNo: string) {
  const found = await tx.selectFrom("work_orders").select("id").where("wo_no", "=", woNo).executeTakeFirst();
  if (!found) throw notFound("order.not_found", { orderNo: woNo }, "ref");
  const { wo, ops } = await lockWorkOrder(tx, found.id);
  if (wo.status === "done") throw refused("ecn.decision_not_allowed", { ref: wo.wo_no, decision: "switch", allowed: "keep, rework, scrap" }, "rows");
  const next = await routingOperations(tx, routingVersionId);
  const plan = planRoutingSwitch(
    ops.map((o) => ({ id: o.id, seq: o.seq, status: o.status as "open", qtyGood: o.qty_good, qtyScrap: o.qty_scrap, started: o.actual_start !== null })),
    next.map((o) => ({ seq: o.seq, workCentre: o.work_centre, setupHours: o.setup_hours, runHoursPerUnit: o.run_hours_per_unit })),
  );
  if (plan.remove.length) await tx.deleteFrom("work_order_operations").where("id", "in", plan.remove).execute();
  if (plan.add.length) {
    await tx
      .insertInto("work_order_operations")
      .values(
        plan.add.map((s) => ({
          work_order_id: wo.id,
          seq: s.seq,
          work_centre: s.workCentre,
          setup_hours: s.setupHours,
          run_hours_per_unit: s.runHoursPerUnit,
          qty_remaining: wo.qty,
        })),
      )
      .execute();
  }
  await tx.updateTable("work_orders").set({ routing_version_id: routingVersionId }).where("id", "=", wo.id).execute();
  const removedSeqs = ops.filter((o) => plan.remove.includes(o.id)).map((o) => o.seq);
  await recordProductionEvents(tx, [
    {
      orderNo: wo.order_no,
      actor,
      what: "routing_switched",
      reason: ecnNo,
      data: {
        workOrder: wo.wo_no,
        ecn: ecnNo,
        fromRoutingVersionId: wo.routing_version_id,
        toRoutingVersionId: routingVersionId,
        startedThrough: plan.startedThrough,
        replaced: removedSeqs,
        added: plan.add.map((s) => s.seq),
      },
    },
  ]);
  return { workOrder: wo.wo_no, startedThrough: plan.startedThrough, replaced: removedSeqs, added: plan.add.map((s) => s.seq) };
}
