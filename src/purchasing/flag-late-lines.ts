// Use case: open purchase lines whose date has passed without a receipt turn late, once each: the line's
// history says so, and the rules listening to purchase.line.late run on the customer orders it holds up
// (the order it is pegged to, and those whose plan counts on it as overdue supply). Runs before each
// re-plan (the background re-planner's tick), so the plan that follows rolls them forward.
import { type Kysely, sql } from "kysely";
import type { DB } from "../core/db/schema.js";
import { plantDay } from "../core/plant-day.js";
import { OPEN_STATUSES } from "../orders/model/lifecycle.js";
import { runRulesOnOrder } from "../rules/run-rules-on-order.js";
import { logLineEvent } from "./store.js";

export async function flagLateLines(db: Kysely<DB>, now = new Date(), limit = 200): Promise<number> {
  const today = plantDay(now);
  const late = await db
    .selectFrom("purchase_order_lines")
    .select(["po_no", "line_no", "sku", "order_no", "requested_date", "confirmed_date"])
    .where("state", "not in", ["received", "cancelled"])
    .where("late_on", "is", null)
    .where(sql<boolean>`coalesce(confirmed_date, requested_date) < ${today}::date`)
    .orderBy("po_no")
    .orderBy("line_no")
    .limit(limit)
    .execute();
  for (const l of late) {
    await db.transaction().execute(async (tx) => {
      const claimed = await tx
        .updateTable("purchase_order_lines")
        .set({ late_on: today })
        .where("po_no", "=", l.po_no)
        .where("line_no", "=", l.line_no)
        .where("late_on", "is", null)
        .returning("line_no")
        .executeTakeFirst();
      if (!claimed) return; // another instance took it
      const expected = l.confirmed_date ?? l.requested_date;
      await logLineEvent(tx, { poNo: l.po_no, line: l.line_no, kind: "late", from: expected, to: today, actor: "system" });
      const held = await tx
        .selectFrom("plan_orders")
        .innerJoin("plan_status", "plan_status.current_run", "plan_orders.run_id")
        .select("plan_orders.order_no")
        .where(sql<boolean>`plan_orders.supply_risk @> ${JSON.stringify([{ sku: l.sku }])}::jsonb`)
        .execute();
      const orders = [...new Set([...(l.order_no ? [l.order_no] : []), ...held.map((h) => h.order_no)])].sort();
      const open = orders.length
        ? await tx.selectFrom("orders").select("order_no").where("order_no", "in", orders).where("status", "in", OPEN_STATUSES).execute()
        : [];
      for (const o of open) await runRulesOnOrder(tx, db, o.order_no, { trigger: "purchase.line.late", changedFields: [l.sku], from: expected, to: today });
    });
  }
  return late.length;
}
