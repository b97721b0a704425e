// Use case: goods arrive against a purchase order: per line a quantity (partial, or over/under within the
// supplier's tolerance). On-hand rises through the inventory capability, the in-transit line shrinks or
// closes, all in one transaction. A retried receipt with the same Idempotency-Key is taken once.
import type { Kysely } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { isUniqueViolation } from "../core/db/unique-violation.js";
import { AppError } from "../core/errors.js";
import { plantDay } from "../core/plant-day.js";
import { publishChange } from "../events/publish-change.js";
import type { InventoryHooks } from "../inventory/hooks.js";
import { receiveStock } from "../inventory/receive-stock.js";
import { isOpen, type PurchaseLineState, receive } from "./model/lines.js";
import { getPurchaseOrderView, logLineEvent, mirrorLines } from "./store.js";

export async function receivePurchase(
  db: Kysely<DB>,
  principal: Principal,
  poNo: string,
  lines: { line: number; qty: number }[],
  options: { hooks: InventoryHooks; idempotencyKey?: string },
) {
  const today = plantDay(new Date());
  const key = options.idempotencyKey ?? null;
  const seen = async () =>
    key ? Boolean(await db.selectFrom("purchase_line_events").select("id").where("po_no", "=", poNo).where("request_key", "=", key).executeTakeFirst()) : false;
  if (await seen()) return { replayed: true, order: await getPurchaseOrderView(db, poNo, today) };
  try {
    await db.transaction().execute(async (tx) => {
      const po = await tx
        .selectFrom("purchase_orders as po")
        .innerJoin("suppliers as s", "s.code", "po.supplier_code")
        .select(["po.po_no", "po.location", "s.receipt_tolerance_pct"])
        .where("po.po_no", "=", poNo)
        .forUpdate()
        .executeTakeFirst();
      if (!po) throw new AppError("not_found", "purchase_order.not_found", { poNo }, "poNo");
      const rows = await tx.selectFrom("purchase_order_lines").selectAll().where("po_no", "=", poNo).orderBy("line_no").forUpdate().execute();
      const tolerance = Number(po.receipt_tolerance_pct);
      for (const [i, r] of lines.entries()) {
        const row = rows.find((x) => x.line_no === r.line);
        if (!row) throw new AppError("invalid", "purchase_line.not_found", { poNo, line: r.line }, `lines[${i}].line`);
        const state = row.state as PurchaseLineState;
        if (!isOpen(state)) throw new AppError("business_rule", "purchase_line.closed", { poNo, line: r.line, state }, `lines[${i}].line`);
        const facts = { qty: Number(row.qty), received: Number(row.received_qty), requestedDate: row.requested_date, confirmedDate: row.confirmed_date, state };
        const outcome = receive(facts, r.qty, tolerance);
        if (!outcome.ok)
          throw new AppError(
            "business_rule",
            "purchase_line.over_tolerance",
            { line: r.line, total: outcome.total, qty: facts.qty, tolerance, max: outcome.max },
            `lines[${i}].qty`,
          );
        await tx
          .updateTable("purchase_order_lines")
          .set({
            received_qty: outcome.received,
            state: outcome.state,
            closed_on: outcome.closed ? today : null,
            version: row.version + 1,
            updated_at: new Date(),
          })
          .where("po_no", "=", poNo)
          .where("line_no", "=", r.line)
          .execute();
        await logLineEvent(tx, { poNo, line: r.line, kind: "received", qty: r.qty, actor: principal.name, requestKey: key });
      }
      await receiveStock(
        tx,
        db,
        lines.map((r) => ({ sku: rows.find((x) => x.line_no === r.line)!.sku, location: po.location, qty: r.qty })),
        options.hooks,
      );
      await mirrorLines(
        tx,
        poNo,
        lines.map((l) => l.line),
      );
      const open = await tx
        .selectFrom("purchase_order_lines")
        .select("line_no")
        .where("po_no", "=", poNo)
        .where("state", "not in", ["received", "cancelled"])
        .executeTakeFirst();
      if (!open) await tx.updateTable("purchase_orders").set({ status: "closed" }).where("po_no", "=", poNo).execute();
      await publishChange(tx, { kind: "master", entity: "purchase_order", key: poNo });
    });
  } catch (error) {
    // The same receipt taken by another request at the same moment: answer with what it did.
    if (isUniqueViolation(error, "purchase_line_events_request") && (await seen()))
      return { replayed: true, order: await getPurchaseOrderView(db, poNo, today) };
    throw error;
  }
  return { replayed: false, order: await getPurchaseOrderView(db, poNo, today) };
}
