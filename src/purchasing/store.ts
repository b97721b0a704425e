// Purchasing's reads and the small writes every use case shares: a purchase order with its lines in
// the reply's shape, the supplier offers per item, the line history, and an open line's in-transit mirror.
import type { Kysely, Transaction } from "kysely";
import type { DB, PurchaseOrderLinesTable } from "../core/db/schema.js";
import { notFound } from "../core/errors.js";
import { type PurchaseSupply, recordPurchaseSupply } from "../inventory/record-purchase-supply.js";
import { expectedDate, isOpen, openQty, type PurchaseLineState } from "./model/lines.js";
import type { SupplierOffer } from "./model/proposals.js";

type Db = Kysely<DB> | Transaction<DB>;
type LineRow = { [K in keyof PurchaseOrderLinesTable]: PurchaseOrderLinesTable[K] extends { __select__: infer S } ? S : PurchaseOrderLinesTable[K] };

export const supplyRef = (poNo: string, line: number) => `${poNo}/${line}`;

/** The line as in-transit supply: open quantity and the date the plan counts, or closed. */
export function supplyOf(
  row: Pick<LineRow, "po_no" | "line_no" | "sku" | "qty" | "received_qty" | "requested_date" | "confirmed_date" | "state">,
  location: string,
): PurchaseSupply {
  const facts = { qty: Number(row.qty), received: Number(row.received_qty) };
  const open = isOpen(row.state as PurchaseLineState) && openQty(facts) > 0;
  return {
    ref: supplyRef(row.po_no, row.line_no),
    sku: row.sku,
    location,
    qty: open ? openQty(facts) : Number(row.qty),
    expectedDate: expectedDate({ requestedDate: row.requested_date, confirmedDate: row.confirmed_date }),
    confirmed: row.confirmed_date !== null,
    requestedDate: row.requested_date,
    status: open ? "open" : row.state === "cancelled" ? "cancelled" : "received",
  };
}

export async function mirrorLines(tx: Transaction<DB>, poNo: string, lineNos?: number[]) {
  const po = await tx.selectFrom("purchase_orders").select("location").where("po_no", "=", poNo).executeTakeFirstOrThrow();
  let q = tx.selectFrom("purchase_order_lines").selectAll().where("po_no", "=", poNo);
  if (lineNos) q = q.where("line_no", "in", lineNos.length ? lineNos : [0]);
  const rows = await q.execute();
  return recordPurchaseSupply(
    tx,
    rows.map((r) => supplyOf(r, po.location)),
  );
}

export async function logLineEvent(
  tx: Transaction<DB>,
  e: {
    poNo: string;
    line: number;
    kind: "created" | "confirmed" | "rescheduled" | "received" | "cancelled" | "late";
    from?: string | null;
    to?: string | null;
    qty?: number | null;
    actor: string;
    requestKey?: string | null;
  },
) {
  await tx
    .insertInto("purchase_line_events")
    .values({
      po_no: e.poNo,
      line_no: e.line,
      kind: e.kind,
      from_date: e.from ?? null,
      to_date: e.to ?? null,
      qty: e.qty ?? null,
      request_key: e.requestKey ?? null,
      actor: e.actor,
    })
    .execute();
}

/** Per item, the supplier to buy from: the preferred one, else the shortest lead time. */
export async function supplierOffers(db: Db, skus: string[]): Promise<Map<string, SupplierOffer>> {
  if (!skus.length) return new Map();
  const rows = await db
    .selectFrom("supplier_items as si")
    .innerJoin("suppliers as s", "s.code", "si.supplier_code")
    .select(["si.sku", "si.supplier_code", "s.name", "si.lead_time_days", "si.price_fen", "si.preferred", "s.closures"])
    .where("si.sku", "in", skus)
    .orderBy("si.sku")
    .orderBy("si.preferred", "desc")
    .orderBy("si.lead_time_days")
    .orderBy("si.supplier_code")
    .execute();
  const out = new Map<string, SupplierOffer>();
  for (const r of rows) {
    if (out.has(r.sku)) continue;
    out.set(r.sku, {
      supplierCode: r.supplier_code,
      supplierName: r.name,
      leadTimeDays: r.lead_time_days,
      priceFen: Number(r.price_fen),
      closures: r.closures ?? [],
    });
  }
  return out;
}

export async function getPurchaseOrderView(db: Db, poNo: string, today: string) {
  const po = await db
    .selectFrom("purchase_orders as po")
    .innerJoin("suppliers as s", "s.code", "po.supplier_code")
    .select(["po.po_no", "po.supplier_code", "s.name as supplier_name", "po.location", "po.status", "po.note", "po.created_by", "po.created_at"])
    .where("po.po_no", "=", poNo)
    .executeTakeFirst();
  if (!po) throw notFound("purchase_order.not_found", { poNo }, "poNo");
  const lines = await db
    .selectFrom("purchase_order_lines as l")
    .innerJoin("items", "items.sku", "l.sku")
    .selectAll("l")
    .select("items.name")
    .where("l.po_no", "=", poNo)
    .orderBy("l.line_no")
    .execute();
  const view = lines.map((l) => lineView(l, today));
  return {
    poNo: po.po_no,
    supplier: { code: po.supplier_code, name: po.supplier_name },
    location: po.location,
    status: po.status,
    note: po.note,
    createdBy: po.created_by,
    createdAt: po.created_at.toISOString(),
    amountFen: view.reduce((n, l) => n + Math.round(l.priceFen * l.qty), 0),
    lines: view,
  };
}

export function lineView(l: LineRow & { name: string }, today: string) {
  const expected = expectedDate({ requestedDate: l.requested_date, confirmedDate: l.confirmed_date });
  const qty = Number(l.qty);
  const received = Number(l.received_qty);
  const open = isOpen(l.state as PurchaseLineState);
  return {
    line: l.line_no,
    sku: l.sku,
    name: l.name,
    qty,
    received,
    open: open ? openQty({ qty, received }) : 0,
    priceFen: Number(l.price_fen),
    requestedDate: l.requested_date,
    confirmedDate: l.confirmed_date,
    expectedDate: expected,
    state: l.state as PurchaseLineState,
    late: open && expected < today,
    orderNo: l.order_no,
    version: l.version,
  };
}
