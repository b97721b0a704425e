// Use case: purchase orders with their lines, newest first; open ones by default.
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import { plantDay } from "../core/plant-day.js";
import { lineView } from "./store.js";

export async function listPurchaseOrders(db: Kysely<DB>, filter: { status?: "open" | "closed" | "cancelled"; supplier?: string; orderNo?: string }) {
  const today = plantDay(new Date());
  let q = db
    .selectFrom("purchase_orders as po")
    .innerJoin("suppliers as s", "s.code", "po.supplier_code")
    .select(["po.po_no", "po.supplier_code", "s.name", "po.location", "po.status", "po.note", "po.created_by", "po.created_at"])
    .orderBy("po.created_at", "desc")
    .orderBy("po.po_no", "desc")
    .limit(200);
  if (filter.status) q = q.where("po.status", "=", filter.status);
  if (filter.supplier) q = q.where("po.supplier_code", "=", filter.supplier);
  if (filter.orderNo) {
    const orderNo = filter.orderNo;
    q = q.where((eb) =>
      eb.exists(eb.selectFrom("purchase_order_lines as l").select("l.po_no").whereRef("l.po_no", "=", "po.po_no").where("l.order_no", "=", orderNo)),
    );
  }
  const pos = await q.execute();
  const lines = pos.length
    ? await db
        .selectFrom("purchase_order_lines as l")
        .innerJoin("items", "items.sku", "l.sku")
        .selectAll("l")
        .select("items.name")
        .where(
          "l.po_no",
          "in",
          pos.map((p) => p.po_no),
        )
        .orderBy("l.po_no")
        .orderBy("l.line_no")
        .execute()
    : [];
  return {
    orders: pos.map((p) => {
      const mine = lines.filter((l) => l.po_no === p.po_no).map((l) => lineView(l, today));
      return {
        poNo: p.po_no,
        supplier: { code: p.supplier_code, name: p.name },
        location: p.location,
        status: p.status,
        note: p.note,
        createdBy: p.created_by,
        createdAt: p.created_at.toISOString(),
        amountFen: mine.reduce((n, l) => n + Math.round(l.priceFen * l.qty), 0),
        lines: mine,
      };
    }),
  };
}
