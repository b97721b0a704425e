// Pure generator of the demo plant's purchasing: suppliers by material category (with contacts, their
// Spring Festival shutdown and a reliability of their own), the open purchase orders behind the demo's
// in-transit purchase lines (some confirmed, some rescheduled, some still unconfirmed, some late), and
// half a year of received lines as the reliability history. The in-transit purchase lines are rewritten
// as the open lines' mirrors (ref `PO…/line`), so the plan counts each purchase once.
import { addDays, plantInstant } from "./dates.js";
import type { ItemMaster } from "./items.js";
import type { Rng } from "./random.js";
import type { SupplyLineRow } from "./rows.js";

interface DemoSupplier {
  code: string;
  name: string;
  contact: string;
  phone: string;
  prefixes: string[];
  /** Chance a line comes by its confirmed date; the late ones are 1–9 days late. */
  onTime: number;
}

const SUPPLIERS: DemoSupplier[] = [
  { code: "SUP-HR", name: "苏州恒瑞精密五金有限公司", contact: "陈建国", phone: "0512-65823301", prefixes: ["HSG", "FLG", "FIT", "SCR"], onTime: 0.92 },
  { code: "SUP-MF", name: "宁波美孚密封件有限公司", contact: "周丽", phone: "0574-87731820", prefixes: ["ORG", "DIA", "OIL"], onTime: 0.8 },
  { code: "SUP-XD", name: "深圳芯达电子科技有限公司", contact: "黄志伟", phone: "0755-83345678", prefixes: ["IC", "RES", "CAP", "PCB"], onTime: 0.68 },
  { code: "SUP-CX", name: "无锡传讯传感技术有限公司", contact: "吴海燕", phone: "0510-85206633", prefixes: ["SEN", "MAG"], onTime: 0.75 },
  { code: "SUP-LT", name: "上海联泰线缆有限公司", contact: "徐强", phone: "021-57706612", prefixes: ["CBL", "CON"], onTime: 0.88 },
  { code: "SUP-JM", name: "昆山嘉铭包装印刷有限公司", contact: "孙晓梅", phone: "0512-57712290", prefixes: ["BOX", "LBL", "LCD"], onTime: 0.95 },
];

export interface PurchasingRows {
  suppliers: {
    code: string;
    name: string;
    contacts: string;
    lead_time_days: number;
    closures: string;
    receipt_tolerance_pct: number;
    created_by: string;
    created_at: Date;
  }[];
  supplierItems: { supplier_code: string; sku: string; lead_time_days: number; price_fen: number; preferred: boolean }[];
  orders: { po_no: string; supplier_code: string; location: string; status: "open" | "closed"; created_by: string; created_at: Date }[];
  lines: {
    po_no: string;
    line_no: number;
    sku: string;
    qty: string;
    received_qty: string;
    price_fen: number;
    requested_date: string;
    confirmed_date: string | null;
    state: "unconfirmed" | "confirmed" | "rescheduled" | "received" | "cancelled";
    closed_on: string | null;
    updated_at: Date;
  }[];
  events: {
    po_no: string;
    line_no: number;
    kind: "created" | "confirmed" | "rescheduled" | "received" | "cancelled";
    from_date: string | null;
    to_date: string | null;
    qty: string | null;
    actor: string;
    at: Date;
  }[];
  /** The in-transit rows, purchase lines rewritten as mirrors of the open purchase order lines. */
  supply: (SupplyLineRow & { confirmed: boolean; requested_date?: string | null })[];
}

/** Spring Festival shutdown around the next (or this) Lunar New Year: late January to mid-February. */
function springFestival(today: string): { from: string; to: string; reason: string } {
  const year = Number(today.slice(0, 4)) + (today.slice(5) > "02-20" ? 1 : 0);
  return { from: `${year}-01-28`, to: `${year}-02-12`, reason: "春节停工" };
}

/** The last purchase order number used (the sequence continues after it). */
export const lastPoSeq = (rows: PurchasingRows) => rows.orders.length;

export function generatePurchasing(rng: Rng, master: ItemMaster, supply: SupplyLineRow[], today: string): PurchasingRows {
  const supplierOf = new Map<string, DemoSupplier>();
  const out: PurchasingRows = { suppliers: [], supplierItems: [], orders: [], lines: [], events: [], supply: [] };
  for (const s of SUPPLIERS) {
    out.suppliers.push({
      code: s.code,
      name: s.name,
      contacts: JSON.stringify([{ name: s.contact, phone: s.phone }]),
      lead_time_days: 20,
      closures: JSON.stringify([springFestival(today)]),
      receipt_tolerance_pct: 5,
      created_by: "purchasing",
      created_at: plantInstant(addDays(today, -300), 10),
    });
  }
  for (const item of master.purchased) {
    const prefix = item.sku.split("-")[0];
    const s = SUPPLIERS.find((x) => x.prefixes.includes(prefix));
    if (!s) continue;
    supplierOf.set(item.sku, s);
    out.supplierItems.push({
      supplier_code: s.code,
      sku: item.sku,
      lead_time_days: item.lead_time_days,
      price_fen: Math.max(1, Math.round(Number(item.unit_price) * 100 * 0.85)),
      preferred: true,
    });
  }
  let seq = 0;
  const poNo = (day: string) => `PO${day.replaceAll("-", "")}-${String(++seq).padStart(4, "0")}`;
  const priceOf = (sku: string) => out.supplierItems.find((i) => i.sku === sku)?.price_fen ?? 100;
  const purchasable = master.purchased.filter((i) => supplierOf.has(i.sku));

  // Half a year of history: lines received on, or some days after, the date their supplier confirmed.
  for (const s of SUPPLIERS) {
    const items = purchasable.filter((i) => supplierOf.get(i.sku) === s);
    for (let k = 0; k < 12; k++) {
      const placed = addDays(today, -rng.int(40, 190));
      const no = poNo(placed);
      out.orders.push({
        po_no: no,
        supplier_code: s.code,
        location: "WH-MAIN",
        status: "closed",
        created_by: "purchasing",
        created_at: plantInstant(placed, rng.float(9, 17)),
      });
      for (const [i, item] of rng.sample(items, rng.int(1, 3)).entries()) {
        const requested = addDays(placed, item.lead_time_days);
        const confirmed = addDays(requested, rng.chance(0.7) ? 0 : rng.int(1, 5));
        const closedOn = rng.chance(s.onTime) ? addDays(confirmed, -rng.int(0, 1)) : addDays(confirmed, rng.int(1, 9));
        const qty = String(Math.max(1, Math.round(rng.float(50, 500))));
        out.lines.push({
          po_no: no,
          line_no: i + 1,
          sku: item.sku,
          qty,
          received_qty: qty,
          price_fen: priceOf(item.sku),
          requested_date: requested,
          confirmed_date: confirmed,
          state: "received",
          closed_on: closedOn,
          updated_at: plantInstant(closedOn, 15),
        });
        out.events.push(
          { po_no: no, line_no: i + 1, kind: "created", from_date: null, to_date: requested, qty, actor: "purchasing", at: plantInstant(placed, 17) },
          {
            po_no: no,
            line_no: i + 1,
            kind: "confirmed",
            from_date: requested,
            to_date: confirmed,
            qty: null,
            actor: "purchasing",
            at: plantInstant(addDays(placed, 2), 10),
          },
          { po_no: no, line_no: i + 1, kind: "received", from_date: null, to_date: null, qty, actor: "warehouse", at: plantInstant(closedOn, 15) },
        );
      }
    }
  }

  // The open purchase orders: the demo's in-transit purchase lines, one order per reference.
  const byRef = new Map<string, SupplyLineRow[]>();
  for (const row of supply) {
    if (row.kind !== "purchase") {
      out.supply.push({ ...row, confirmed: true });
      continue;
    }
    if (row.status === "open" && supplierOf.has(row.sku)) byRef.set(row.ref, [...(byRef.get(row.ref) ?? []), row]);
    else out.supply.push({ ...row, confirmed: true });
  }
  for (const rows of byRef.values()) {
    const s = supplierOf.get(rows[0].sku)!;
    const placedAt = rows[0].created_at;
    const placed = placedAt.toISOString().slice(0, 10);
    const no = poNo(placed);
    out.orders.push({ po_no: no, supplier_code: s.code, location: rows[0].location, status: "open", created_by: "purchasing", created_at: placedAt });
    rows.forEach((row, i) => {
      const line = i + 1;
      const expected = row.expected_date;
      const ahead = expected >= today;
      // Most suppliers have answered; orders placed in the last days, and a few older ones, have not.
      const unconfirmed = rng.chance(ahead ? 0.3 : 0.4);
      const moved = !unconfirmed && rng.chance(0.2);
      const requested = unconfirmed ? expected : addDays(expected, moved ? -rng.int(3, 8) : 0);
      const confirmed = unconfirmed ? null : expected;
      out.lines.push({
        po_no: no,
        line_no: line,
        sku: row.sku,
        qty: row.qty,
        received_qty: "0",
        price_fen: priceOf(row.sku),
        requested_date: requested,
        confirmed_date: confirmed,
        state: unconfirmed ? "unconfirmed" : moved ? "rescheduled" : "confirmed",
        closed_on: null,
        updated_at: placedAt,
      });
      out.events.push({ po_no: no, line_no: line, kind: "created", from_date: null, to_date: requested, qty: row.qty, actor: "purchasing", at: placedAt });
      if (confirmed) {
        out.events.push({
          po_no: no,
          line_no: line,
          kind: "confirmed",
          from_date: requested,
          to_date: requested,
          qty: null,
          actor: "purchasing",
          at: new Date(placedAt.getTime() + 86_400_000),
        });
        if (moved)
          out.events.push({
            po_no: no,
            line_no: line,
            kind: "rescheduled",
            from_date: requested,
            to_date: confirmed,
            qty: null,
            actor: "purchasing",
            at: new Date(placedAt.getTime() + 3 * 86_400_000),
          });
      }
      out.supply.push({ ...row, ref: `${no}/${line}`, confirmed: confirmed !== null, requested_date: requested });
    });
  }
  return out;
}
