// Use case: the supplier answers for a schedule line: the date it confirms (or moves to) and the quantity
// it confirms. If-Match carries the line version the caller saw. A moved date re-plans at once and tells
// the owners of the affected customer orders (tell-affected-orders.ts).
import type { Kysely, Transaction } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { AppError } from "../core/errors.js";
import { plantDay } from "../core/plant-day.js";
import { publishChange } from "../events/publish-change.js";
import { expectedDate, isOpen, type PurchaseLineState, stateAfterConfirm } from "./model/lines.js";
import type { PatchLine } from "./schemas.js";
import { getPurchaseOrderView, logLineEvent, mirrorLines } from "./store.js";
import { replanAndTell } from "./tell-affected-orders.js";

/**
 * The change in the caller's transaction; `ifMatch` null: the caller speaks for the supplier's file (an
 * import), which is the newer word. Returns the move to tell, or null when the date and quantity stand.
 */
export async function applyLineChange(
  tx: Transaction<DB>,
  actor: string,
  poNo: string,
  lineNo: number,
  ifMatch: number | null,
  input: PatchLine,
  today: string,
) {
  const row = await tx.selectFrom("purchase_order_lines").selectAll().where("po_no", "=", poNo).where("line_no", "=", lineNo).forUpdate().executeTakeFirst();
  if (!row) {
    const po = await tx.selectFrom("purchase_orders").select("po_no").where("po_no", "=", poNo).executeTakeFirst();
    throw new AppError("not_found", po ? "purchase_line.not_found" : "purchase_order.not_found", { poNo, line: lineNo }, po ? "line" : "poNo");
  }
  if (ifMatch !== null && row.version !== ifMatch)
    throw new AppError("stale_version", "purchase_line.stale_version", { poNo, line: lineNo, current: row.version, given: ifMatch }, "If-Match", {
      currentVersion: row.version,
    });
  const state = row.state as PurchaseLineState;
  if (!isOpen(state)) throw new AppError("business_rule", "purchase_line.closed", { poNo, line: lineNo, state }, "line");
  const received = Number(row.received_qty);
  if (input.qty !== undefined && Math.round(input.qty * 1000) < Math.round(received * 1000))
    throw new AppError("business_rule", "purchase_line.below_received", { qty: input.qty, received }, "qty");
  const facts = { qty: Number(row.qty), received, requestedDate: row.requested_date, confirmedDate: row.confirmed_date, state };
  const from = expectedDate(facts);
  const confirmedDate = input.confirmedDate ?? row.confirmed_date;
  const nextState = input.confirmedDate ? stateAfterConfirm(facts, input.confirmedDate) : state;
  const to = expectedDate({ requestedDate: row.requested_date, confirmedDate });
  await tx
    .updateTable("purchase_order_lines")
    .set({
      confirmed_date: confirmedDate,
      qty: input.qty ?? row.qty,
      state: nextState,
      // A new date in the future makes the line no longer late (it may turn late again).
      late_on: to >= today ? null : row.late_on,
      version: row.version + 1,
      updated_at: new Date(),
    })
    .where("po_no", "=", poNo)
    .where("line_no", "=", lineNo)
    .execute();
  if (input.confirmedDate)
    await logLineEvent(tx, {
      poNo,
      line: lineNo,
      kind: row.confirmed_date && row.confirmed_date !== input.confirmedDate ? "rescheduled" : "confirmed",
      from,
      to,
      qty: input.qty ?? null,
      actor,
    });
  await mirrorLines(tx, poNo, [lineNo]);
  await publishChange(tx, { kind: "master", entity: "purchase_order", key: poNo });
  return from !== to || (input.qty !== undefined && input.qty !== Number(row.qty))
    ? { poNo, line: lineNo, sku: row.sku, orderNo: row.order_no, from, to }
    : null;
}

export async function changePurchaseLine(db: Kysely<DB>, principal: Principal, poNo: string, lineNo: number, ifMatch: number, input: PatchLine) {
  const today = plantDay(new Date());
  const moved = await db.transaction().execute((tx) => applyLineChange(tx, principal.name, poNo, lineNo, ifMatch, input, today));
  const affected = moved ? await replanAndTell(db, principal.name, [moved]) : [];
  return { order: await getPurchaseOrderView(db, poNo, today), affected };
}
