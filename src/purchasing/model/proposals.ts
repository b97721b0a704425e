// What purchasing should buy, from the plan: the purchases promises asked for (purchase requests), and
// shortages nothing on order covers even late. One line per material and customer order (MTO pegging),
// grouped by supplier; rush orders first, then the earliest need. Pure: the caller reads the plan.
import { maxDay, minDay } from "./dates.js";
import { type Closure, earliestDelivery } from "./supplier-calendar.js";

export interface ShortageRow {
  sku: string;
  orderNo: string;
  qtyShort: number;
  dateNeeded: string;
  rush: boolean;
}
export interface RequestRow {
  id: number;
  sku: string;
  qty: number;
  needDate: string;
  orderNo: string;
  rush: boolean;
}
export interface OpenSupplyRow {
  sku: string;
  qty: number;
  expectedDate: string;
}
export interface SupplierOffer {
  supplierCode: string;
  supplierName: string;
  leadTimeDays: number;
  priceFen: number;
  closures: Closure[];
}

export interface ProposalLine {
  /** Stable across reads: `pr:<id>` for a request, `short:<sku>:<orderNo>` for a shortage. */
  key: string;
  source: "request" | "shortage";
  sku: string;
  qty: number;
  needDate: string;
  /** What to ask the supplier for: the need date, or the earliest it can deliver when that is later. */
  requestedDate: string;
  earliestDelivery: string | null;
  orderNo: string;
  rush: boolean;
  requestId: number | null;
  supplierCode: string | null;
  priceFen: number | null;
}

export interface ProposalGroup {
  supplierCode: string | null;
  supplierName: string | null;
  rush: boolean;
  needDate: string;
  lines: ProposalLine[];
  amountFen: number;
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;
const EPS = 1e-6;
const urgent = (a: { rush: boolean; needDate: string; key: string }, b: { rush: boolean; needDate: string; key: string }) =>
  Number(b.rush) - Number(a.rush) || (a.needDate < b.needDate ? -1 : a.needDate > b.needDate ? 1 : a.key < b.key ? -1 : 1);

export function proposePurchases(input: {
  today: string;
  shortages: ShortageRow[];
  requests: RequestRow[];
  openSupply: OpenSupplyRow[];
  offerOf: (sku: string) => SupplierOffer | undefined;
  /** Keys already turned into purchase order lines: never proposed again. */
  taken: ReadonlySet<string>;
}): ProposalGroup[] {
  const lines: Omit<ProposalLine, "requestedDate" | "earliestDelivery" | "supplierCode" | "priceFen">[] = [];
  for (const r of input.requests) {
    lines.push({ key: `pr:${r.id}`, source: "request", sku: r.sku, qty: r3(r.qty), needDate: r.needDate, orderNo: r.orderNo, rush: r.rush, requestId: r.id });
  }
  // Shortages: what the plan could not cover by the need date, less what is already coming (even late)
  // and what was requested; the rest goes to the orders by urgency.
  const bySku = new Map<string, ShortageRow[]>();
  for (const s of input.shortages) bySku.set(s.sku, [...(bySku.get(s.sku) ?? []), s]);
  for (const [sku, rows] of bySku) {
    const firstNeed = rows.reduce((d, r) => minDay(d, r.dateNeeded), rows[0].dateNeeded);
    const coming =
      input.openSupply.filter((o) => o.sku === sku && o.expectedDate > firstNeed).reduce((n, o) => n + o.qty, 0) +
      input.requests.filter((r) => r.sku === sku).reduce((n, r) => n + r.qty, 0);
    let left = rows.reduce((n, r) => n + r.qtyShort, 0) - coming;
    const perOrder = new Map<string, ShortageRow>();
    for (const r of rows) {
      const p = perOrder.get(r.orderNo);
      perOrder.set(r.orderNo, p ? { ...p, qtyShort: p.qtyShort + r.qtyShort, dateNeeded: minDay(p.dateNeeded, r.dateNeeded), rush: p.rush || r.rush } : r);
    }
    const ordered = [...perOrder.values()].sort((a, b) =>
      urgent({ rush: a.rush, needDate: a.dateNeeded, key: a.orderNo }, { rush: b.rush, needDate: b.dateNeeded, key: b.orderNo }),
    );
    for (const r of ordered) {
      if (left <= EPS) break;
      const qty = Math.min(left, r.qtyShort);
      left -= qty;
      lines.push({
        key: `short:${sku}:${r.orderNo}`,
        source: "shortage",
        sku,
        qty: r3(qty),
        needDate: r.dateNeeded,
        orderNo: r.orderNo,
        rush: r.rush,
        requestId: null,
      });
    }
  }
  const groups = new Map<string, ProposalGroup>();
  for (const l of lines) {
    if (input.taken.has(l.key) || l.qty <= EPS) continue;
    const offer = input.offerOf(l.sku);
    const earliest = offer ? earliestDelivery(input.today, offer.leadTimeDays, offer.closures) : null;
    const line: ProposalLine = {
      ...l,
      requestedDate: earliest ? maxDay(l.needDate, earliest) : maxDay(l.needDate, input.today),
      earliestDelivery: earliest,
      supplierCode: offer?.supplierCode ?? null,
      priceFen: offer?.priceFen ?? null,
    };
    const key = offer?.supplierCode ?? "";
    const g = groups.get(key) ?? {
      supplierCode: offer?.supplierCode ?? null,
      supplierName: offer?.supplierName ?? null,
      rush: false,
      needDate: line.needDate,
      lines: [],
      amountFen: 0,
    };
    g.lines.push(line);
    g.rush ||= line.rush;
    if (line.needDate < g.needDate) g.needDate = line.needDate;
    g.amountFen += Math.round((line.priceFen ?? 0) * line.qty);
    groups.set(key, g);
  }
  for (const g of groups.values()) g.lines.sort(urgent);
  return [...groups.values()].sort((a, b) => urgent({ ...a, key: a.supplierCode ?? "" }, { ...b, key: b.supplierCode ?? "" }));
}
