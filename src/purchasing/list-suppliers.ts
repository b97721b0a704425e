// Use case: the suppliers with their items, open lines and reliability from history (share of lines
// received by the confirmed date, mean delay), most reliable last so the weak ones are read first.
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import { type ClosedLine, reliability } from "./model/reliability.js";

export async function listSuppliers(db: Kysely<DB>, filter: { code?: string } = {}) {
  let q = db.selectFrom("suppliers").selectAll().orderBy("code");
  if (filter.code) q = q.where("code", "=", filter.code);
  const suppliers = await q.execute();
  if (!suppliers.length) return [];
  const codes = suppliers.map((s) => s.code);
  const [items, lines] = await Promise.all([
    db
      .selectFrom("supplier_items as si")
      .innerJoin("items", "items.sku", "si.sku")
      .select(["si.supplier_code", "si.sku", "items.name", "si.lead_time_days", "si.price_fen", "si.preferred"])
      .where("si.supplier_code", "in", codes)
      .orderBy("si.sku")
      .execute(),
    db
      .selectFrom("purchase_order_lines as l")
      .innerJoin("purchase_orders as po", "po.po_no", "l.po_no")
      .select(["po.supplier_code", "l.state", "l.requested_date", "l.confirmed_date", "l.closed_on"])
      .where("po.supplier_code", "in", codes)
      .where("l.state", "!=", "cancelled")
      .execute(),
  ]);
  return suppliers.map((s) => {
    const mine = lines.filter((l) => l.supplier_code === s.code);
    const closed: ClosedLine[] = mine
      .filter((l) => l.state === "received" && l.closed_on)
      .map((l) => ({ promised: l.confirmed_date ?? l.requested_date, closedOn: l.closed_on! }));
    return {
      code: s.code,
      name: s.name,
      contacts: s.contacts ?? [],
      leadTimeDays: s.lead_time_days,
      closures: s.closures ?? [],
      receiptTolerancePct: Number(s.receipt_tolerance_pct),
      items: items
        .filter((i) => i.supplier_code === s.code)
        .map((i) => ({ sku: i.sku, name: i.name, leadTimeDays: i.lead_time_days, priceFen: Number(i.price_fen), preferred: i.preferred })),
      reliability: reliability(closed),
      openLines: mine.filter((l) => l.state !== "received").length,
    };
  });
}
