// Use case: sales lowers line quantities of an order not yet scheduled (If-Match): the amounts and the
// total follow, stock held above the new quantity goes back, and the change is the order's event, its
// rules and its live update, through the one door. A larger quantity is a further order, judged afresh.
import type { Kysely } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { AppError, refused } from "../core/errors.js";
import { lineAmount, sumMoney } from "../core/money.js";
import { trimLineReservations } from "../inventory/reserve-stock.js";
import { applyOrderChange, lockOrder } from "./apply-order-change.js";
import { getOrderView } from "./get-order.js";
import { LINE_RULE, mayChangeLines } from "./model/field-rules.js";
import { type LineQty, planLineChange } from "./model/order-lines.js";
import { getOrderLines, setLineQty } from "./store.js";

export async function changeOrderLines(db: Kysely<DB>, principal: Principal, orderNo: string, expectedVersion: number, requested: LineQty[]) {
  await db.transaction().execute(async (tx) => {
    const row = await lockOrder(tx, orderNo, expectedVersion);
    if (!mayChangeLines(principal.roles)) {
      throw new AppError("forbidden", "order.field_role", { roles: principal.roles.join(","), field: "lines", allowed: LINE_RULE.roles.join(",") }, "lines");
    }
    const stage = row.status === "on_hold" ? row.held_from : row.status;
    if (!LINE_RULE.statuses.includes(stage as never)) throw refused("order.lines_locked", { status: row.status }, "lines");
    const lines = await getOrderLines(tx, orderNo);
    const changes = planLineChange(lines, requested);
    if (!changes.length) return;
    const amounts = new Map(lines.map((l) => [l.line_no, l.amount]));
    for (const c of changes) {
      const line = lines.find((l) => l.line_no === c.line) as (typeof lines)[number];
      const amount = lineAmount(line.unit_price, c.to);
      amounts.set(c.line, amount);
      await setLineQty(tx, orderNo, c.line, c.to, amount);
      await trimLineReservations(tx, orderNo, c.line, c.to);
    }
    const total = sumMoney([...amounts.values()]);
    await applyOrderChange(tx, db, row, {
      actor: principal.name,
      columns: { total_amount: total },
      events: [
        {
          kind: "changed",
          data: {
            lines: { from: changes.map((c) => ({ line: c.line, qty: c.from })), to: changes.map((c) => ({ line: c.line, qty: c.to })) },
            totalAmount: { from: row.total_amount, to: total },
          },
        },
      ],
      trigger: { trigger: "order.changed", changedFields: ["lines", "totalAmount"] },
    });
  });
  return getOrderView(db, orderNo);
}
