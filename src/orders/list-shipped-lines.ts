// Read use case for finance: the lines that went out (per shipment, with the order line's price), what
// customers have shipped and have still open on confirmed orders, and the orders a credit limit holds.
import { type Kysely, sql, type Transaction } from "kysely";
import type { DB } from "../core/db/schema.js";
import { toFen } from "../core/money.js";
import { isCreditLimitHold } from "./model/credit-holds.js";

type Db = Kysely<DB> | Transaction<DB>;

export interface ShippedLineRow {
  shipmentId: number;
  orderNo: string;
  customer: string;
  line: number;
  sku: string;
  itemName: string;
  qty: number;
  unitPrice: string;
  amountFen: bigint;
  shippedAt: string;
}

export async function listShippedLines(
  db: Db,
  filter: { customers?: string[]; shipmentIds?: number[]; orderNos?: string[]; shippedSince?: Date },
): Promise<ShippedLineRow[]> {
  if ((filter.customers && !filter.customers.length) || (filter.shipmentIds && !filter.shipmentIds.length) || (filter.orderNos && !filter.orderNos.length))
    return [];
  const rows = await db
    .selectFrom("shipment_lines as sl")
    .innerJoin("shipments as s", "s.id", "sl.shipment_id")
    .innerJoin("order_lines as ol", (j) => j.onRef("ol.order_no", "=", "sl.order_no").onRef("ol.line_no", "=", "sl.line_no"))
    .innerJoin("orders as o", "o.order_no", "sl.order_no")
    .innerJoin("items as i", "i.sku", "ol.sku")
    .select(["sl.shipment_id", "sl.order_no", "o.customer_code", "sl.line_no", "ol.sku", "i.name", "sl.qty", "ol.unit_price", "s.shipped_at"])
    .select(sql<string>`(ol.unit_price * sl.qty)::numeric(14,2)::text`.as("amount"))
    .$if(!!filter.customers, (q) => q.where("o.customer_code", "in", filter.customers as string[]))
    .$if(!!filter.shipmentIds, (q) => q.where("sl.shipment_id", "in", filter.shipmentIds as number[]))
    .$if(!!filter.orderNos, (q) => q.where("sl.order_no", "in", filter.orderNos as string[]))
    .$if(!!filter.shippedSince, (q) => q.where("s.shipped_at", ">=", filter.shippedSince as Date))
    .where("o.status", "!=", "cancelled")
    .orderBy("s.shipped_at")
    .orderBy("sl.shipment_id")
    .orderBy("sl.line_no")
    .execute();
  return rows.map((r) => ({
    shipmentId: Number(r.shipment_id),
    orderNo: r.order_no,
    customer: r.customer_code,
    line: r.line_no,
    sku: r.sku,
    itemName: r.name,
    qty: r.qty,
    unitPrice: r.unit_price,
    amountFen: toFen(r.amount),
    shippedAt: r.shipped_at.toISOString(),
  }));
}

/** Statuses whose orders count as confirmed and not yet shipped (a held order counts once it is released). */
const COMMITTED = ["confirmed", "scheduled", "in_production", "ready"];

/**
 * Per customer: the value of the lines shipped since `shippedSince`, and the unshipped value of its
 * committed orders (without `excludeOrderNo`).
 */
export async function customerOrderValues(
  db: Db,
  customers: string[],
  options: { excludeOrderNo?: string; shippedSince: Date },
): Promise<Map<string, { shippedFen: bigint; openFen: bigint }>> {
  const excludeOrderNo = options.excludeOrderNo;
  const out = new Map(customers.map((c) => [c, { shippedFen: 0n, openFen: 0n }]));
  if (!customers.length) return out;
  // Two parts, each reading only what it sums: the committed orders (each with what has shipped of it,
  // through the index on shipment lines), and the lines shipped since the date. Reading every order the
  // customer ever placed made the credit check cost more with every order taken in (decision 0078).
  const { rows } = await sql<{ customer_code: string; shipped: string | null; open: string | null }>`
    with open as (
      select o.customer_code, sum(o.total_amount - coalesce(s.value, 0)) as value
      from orders o
      left join lateral (
        select sum(ol.unit_price * sl.qty) as value
        from shipment_lines sl join order_lines ol on ol.order_no = sl.order_no and ol.line_no = sl.line_no
        where sl.order_no = o.order_no
      ) s on true
      where o.customer_code in (${sql.join(customers)}) and o.status in (${sql.join(COMMITTED)}) and o.order_no <> ${excludeOrderNo ?? ""}
      group by o.customer_code
    ), shipped as (
      select o.customer_code, sum(ol.unit_price * sl.qty) as value
      from shipments sh
      join shipment_lines sl on sl.shipment_id = sh.id
      join order_lines ol on ol.order_no = sl.order_no and ol.line_no = sl.line_no
      join orders o on o.order_no = sl.order_no
      where sh.shipped_at >= ${options.shippedSince} and o.customer_code in (${sql.join(customers)}) and o.status <> 'cancelled'
      group by o.customer_code
    )
    select coalesce(open.customer_code, shipped.customer_code) as customer_code,
      shipped.value::numeric(14,2)::text as shipped, open.value::numeric(14,2)::text as open
    from open full join shipped on shipped.customer_code = open.customer_code
  `.execute(db);
  for (const r of rows) out.set(r.customer_code, { shippedFen: toFen(r.shipped ?? "0"), openFen: toFen(r.open ?? "0") });
  return out;
}

export interface CreditHeldOrder {
  orderNo: string;
  customer: string;
  amountFen: bigint;
  /** The status it resumes when released. */
  heldFrom: string | null;
  heldSince: string;
  reasons: string[];
  /** Every open hold is a credit-limit hold: a payment or an override can release it. */
  creditOnly: boolean;
}

/** Orders on hold with a credit-limit hold, oldest hold first. */
export async function listCreditHeldOrders(db: Db, customers?: string[]): Promise<CreditHeldOrder[]> {
  if (customers && !customers.length) return [];
  const rows = await db
    .selectFrom("orders as o")
    .innerJoin("order_blocks as b", "b.order_no", "o.order_no")
    .select(["o.order_no", "o.customer_code", "o.total_amount", "o.held_from", "b.reason", "b.releasable_by", "b.created_at"])
    .where("o.status", "=", "on_hold")
    .where("b.to_status", "=", "*")
    .where("b.cleared_at", "is", null)
    .$if(!!customers, (q) => q.where("o.customer_code", "in", customers as string[]))
    .orderBy("b.created_at")
    .orderBy("o.order_no")
    .execute();
  const byOrder = new Map<string, CreditHeldOrder & { credit: boolean }>();
  for (const r of rows) {
    const entry = byOrder.get(r.order_no) ?? {
      orderNo: r.order_no,
      customer: r.customer_code,
      amountFen: toFen(r.total_amount),
      heldFrom: r.held_from,
      heldSince: r.created_at.toISOString(),
      reasons: [],
      creditOnly: true,
      credit: false,
    };
    entry.reasons.push(r.reason);
    if (isCreditLimitHold(r)) entry.credit = true;
    else entry.creditOnly = false;
    byOrder.set(r.order_no, entry);
  }
  return [...byOrder.values()].filter((o) => o.credit).map(({ credit: _c, ...o }) => o);
}
