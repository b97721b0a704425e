// Use case: the WMS reports a purchase line received (its in-transit line `PO…/n` with status received):
// the buyer's line closes as received in full, in the sync's transaction. On-hand came with the WMS's own
// balances, so nothing is booked twice. Lines of other references (the WMS's own numbers) are left alone.
import type { Transaction } from "kysely";
import type { DB } from "../core/db/schema.js";
import { plantDay } from "../core/plant-day.js";
import { logLineEvent } from "./store.js";

const REF = /^(PO\d{8}-\d{4,})\/(\d+)$/;

export async function matchWmsReceipts(tx: Transaction<DB>, lines: { ref: string; sku: string; status: "open" | "received" | "cancelled" }[]) {
  const today = plantDay(new Date());
  let closed = 0;
  for (const l of lines) {
    const m = REF.exec(l.ref);
    if (!m || l.status !== "received") continue;
    const [, poNo, n] = m;
    const row = await tx
      .updateTable("purchase_order_lines")
      .set((eb) => ({ received_qty: eb.ref("qty"), state: "received", closed_on: today, version: eb("version", "+", 1), updated_at: new Date() }))
      .where("po_no", "=", poNo)
      .where("line_no", "=", Number(n))
      .where("sku", "=", l.sku)
      .where("state", "not in", ["received", "cancelled"])
      .returning(["qty", "received_qty"])
      .executeTakeFirst();
    if (!row) continue;
    closed++;
    await logLineEvent(tx, { poNo, line: Number(n), kind: "received", qty: Number(row.qty), actor: "wms" });
    const open = await tx
      .selectFrom("purchase_order_lines")
      .select("line_no")
      .where("po_no", "=", poNo)
      .where("state", "not in", ["received", "cancelled"])
      .executeTakeFirst();
    if (!open) await tx.updateTable("purchase_orders").set({ status: "closed" }).where("po_no", "=", poNo).execute();
  }
  return closed;
}
