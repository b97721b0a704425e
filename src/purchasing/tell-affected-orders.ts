// Use case: a supplier's date moved (or a line went late). The plan is recomputed at once, and every
// customer order it affects — the one the line is pegged to, and those whose planned date moved with
// it — hears of it: a task for the order's owner, and the rules listening to purchase.line.rescheduled
// (or purchase.line.late) run on it, so a rule can call the robot or change the order.
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import { translate } from "../core/i18n.js";
import { OPEN_STATUSES } from "../orders/model/lifecycle.js";
import { replan } from "../planning/replan.js";
import { runRulesOnOrder } from "../rules/run-rules-on-order.js";
import { openTask } from "../tasks/open-task.js";

export interface LineMove {
  poNo: string;
  line: number;
  sku: string;
  /** The customer order the line is pegged to, if any. */
  orderNo: string | null;
  from: string;
  to: string;
}

async function plannedDates(db: Kysely<DB>): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom("plan_orders")
    .innerJoin("plan_status", "plan_status.current_run", "plan_orders.run_id")
    .select(["plan_orders.order_no", "plan_orders.planned_date"])
    .execute();
  return new Map(rows.map((r) => [r.order_no, r.planned_date]));
}

/**
 * Re-plans, then tells the owners of the orders the moves affect; returns those orders with their new
 * planned date. An order pegged to a line hears of that line; one whose planned date moved hears of the
 * latest of the moves (the re-plan does not say which one moved it).
 */
export async function replanAndTell(
  db: Kysely<DB>,
  actor: string,
  moves: LineMove[],
  trigger: "purchase.line.rescheduled" | "purchase.line.late" = "purchase.line.rescheduled",
) {
  if (!moves.length) return [];
  const before = await plannedDates(db);
  await replan(db, actor, "change");
  const after = await plannedDates(db);
  const latest = [...moves].sort((a, b) => (a.to < b.to ? 1 : -1))[0];
  const affected = new Map<string, LineMove>();
  for (const [orderNo, planned] of after) if (before.has(orderNo) && before.get(orderNo) !== planned) affected.set(orderNo, latest);
  for (const m of moves) if (m.orderNo) affected.set(m.orderNo, m);
  const told: { orderNo: string; plannedDate: string | null }[] = [];
  for (const [orderNo, move] of [...affected].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    await db.transaction().execute(async (tx) => {
      const order = await tx
        .selectFrom("orders")
        .select(["order_no", "status", "owner_role", "owner_user"])
        .where("order_no", "=", orderNo)
        .where("status", "in", OPEN_STATUSES)
        .executeTakeFirst();
      if (!order) return;
      const planned = after.get(orderNo) ?? null;
      if (trigger === "purchase.line.rescheduled") {
        const params = { poNo: move.poNo, line: move.line, sku: move.sku, from: move.from, to: move.to, orderNo, planned: planned ?? "—" };
        await openTask(tx, {
          title: translate("zh", "purchase.rescheduled_task", params),
          orderNo,
          assigneeRole: order.owner_role ?? "sales",
          assigneeUser: order.owner_user,
          createdBy: "purchasing",
        });
      }
      await runRulesOnOrder(tx, db, orderNo, { trigger, changedFields: [move.sku], from: move.from, to: move.to });
      told.push({ orderNo, plannedDate: planned });
    });
  }
  return told;
}
