// SQL for finance's own tables: invoicing profiles, item invoicing, invoice requests and their lines,
// payments and allocations, the exposure settings and overrides.
import { type Kysely, sql, type Transaction } from "kysely";
import type { DB } from "../core/db/schema.js";
import { toFen } from "../core/money.js";
import type { ItemInvoicing } from "./model/invoice-plan.js";
import type { OpenItem } from "./model/receivables.js";

type Db = Kysely<DB> | Transaction<DB>;

export async function readSettings(db: Db) {
  const s = await db.selectFrom("finance_settings").selectAll().where("id", "=", 1).executeTakeFirstOrThrow();
  return {
    receivables: s.include_receivables,
    unbilled: s.include_unbilled,
    openOrders: s.include_open_orders,
    ledgerStart: s.ledger_start,
    updatedBy: s.updated_by,
    updatedAt: s.updated_at.toISOString(),
  };
}

export async function readItemInvoicing(db: Db, skus: string[]): Promise<Map<string, ItemInvoicing>> {
  if (!skus.length) return new Map();
  const rows = await db
    .selectFrom("invoice_items")
    .selectAll()
    .where("sku", "in", [...new Set(skus)])
    .execute();
  return new Map(rows.map((r) => [r.sku, { sku: r.sku, taxCode: r.tax_code, taxRate: r.tax_rate, invoiceName: r.invoice_name, unit: r.unit }]));
}

/** Shipment lines already claimed by an invoice request ("shipmentId|line"). */
export async function claimedLines(
  db: Db,
  shipmentIds: number[],
): Promise<Map<string, { requestId: number; serial: string; status: string; invoiceNo: string | null }>> {
  if (!shipmentIds.length) return new Map();
  const rows = await db
    .selectFrom("invoice_request_lines as l")
    .innerJoin("invoice_requests as r", "r.id", "l.request_id")
    .select(["l.shipment_id", "l.order_line", "r.id", "r.serial", "r.status", "r.invoice_no"])
    .where("l.claims", "=", true)
    .where("l.shipment_id", "in", shipmentIds)
    .execute();
  return new Map(
    rows.map((r) => [`${r.shipment_id}|${r.order_line}`, { requestId: Number(r.id), serial: r.serial, status: r.status, invoiceNo: r.invoice_no }]),
  );
}

export interface LedgerTotals {
  openingFen: bigint;
  /** Issued invoices, red ones negative. */
  invoicedFen: bigint;
  /** Value of shipment lines on an issued invoice (what left "shipped not invoiced"). */
  invoicedLinesFen: bigint;
  paymentsFen: bigint;
  /** Issued invoices past their due date, less what was allocated to them. */
  overdueFen: bigint;
}

/** Per customer: the opening balance, issued invoices, the shipped value they cover, and payments received. */
export async function ledgerTotals(db: Db, customers: string[], today: string): Promise<Map<string, LedgerTotals>> {
  const out = new Map<string, LedgerTotals>(
    customers.map((c) => [c, { openingFen: 0n, invoicedFen: 0n, invoicedLinesFen: 0n, paymentsFen: 0n, overdueFen: 0n }]),
  );
  if (!customers.length) return out;
  const { rows } = await sql<{ code: string; opening: string; invoiced: string; lines: string; paid: string; overdue: string }>`
    select c.code, c.open_receivables::text as opening,
      coalesce((select sum(r.amount) from invoice_requests r where r.customer_code = c.code and r.status in ('issued', 'reversed')), 0)::numeric(14,2)::text as invoiced,
      coalesce((select sum(l.amount) from invoice_request_lines l join invoice_requests r on r.id = l.request_id
                where r.customer_code = c.code and l.claims and r.status in ('issued', 'reversed')), 0)::numeric(14,2)::text as lines,
      coalesce((select sum(p.amount) from payments p where p.customer_code = c.code), 0)::numeric(14,2)::text as paid,
      coalesce((select sum(greatest(r.amount
          + coalesce((select sum(x.amount) from invoice_requests x where x.reverses_id = r.id and x.status = 'issued'), 0)
          - coalesce((select sum(a.amount) from payment_allocations a where a.invoice_request_id = r.id), 0), 0))
        from invoice_requests r where r.customer_code = c.code and r.kind = 'blue' and r.status in ('issued', 'reversed') and r.due_on < ${today}), 0)::numeric(14,2)::text as overdue
    from customers c where c.code in (${sql.join(customers)})
  `.execute(db);
  for (const r of rows)
    out.set(r.code, {
      openingFen: toFen(r.opening),
      invoicedFen: toFen(r.invoiced),
      invoicedLinesFen: toFen(r.lines),
      paymentsFen: toFen(r.paid),
      overdueFen: toFen(r.overdue),
    });
  return out;
}

/** Finance's unexpired overrides per customer: extra limit in fen. */
export async function overridesFen(db: Db, customers: string[], at: Date): Promise<Map<string, bigint>> {
  if (!customers.length) return new Map();
  const rows = await db
    .selectFrom("credit_overrides")
    .select(["customer_code", sql<string>`sum(extra_limit)::numeric(14,2)::text`.as("extra")])
    .where("customer_code", "in", customers)
    .where("expires_at", ">", at)
    .groupBy("customer_code")
    .execute();
  return new Map(rows.map((r) => [r.customer_code, toFen(r.extra)]));
}

/** A customer's open items: the opening balance and its issued invoices (net of red ones), less what was allocated. */
export async function openItems(db: Db, customer: string): Promise<OpenItem[]> {
  const { rows } = await sql<{ id: number | null; invoice_no: string | null; issued_on: string; due_on: string; open: string }>`
    select null::bigint as id, null::text as invoice_no, '1970-01-01' as issued_on, '1970-01-01' as due_on,
      (c.open_receivables - coalesce((select sum(a.amount) from payment_allocations a where a.customer_code = c.code and a.invoice_request_id is null), 0))::numeric(14,2)::text as open
    from customers c where c.code = ${customer}
    union all
    select r.id, r.invoice_no, r.issued_on::text, r.due_on::text,
      (r.amount + coalesce((select sum(x.amount) from invoice_requests x where x.reverses_id = r.id and x.status = 'issued'), 0)
        - coalesce((select sum(a.amount) from payment_allocations a where a.invoice_request_id = r.id), 0))::numeric(14,2)::text as open
    from invoice_requests r
    where r.customer_code = ${customer} and r.kind = 'blue' and r.status in ('issued', 'reversed')
  `.execute(db);
  return rows.map((r) => ({
    invoiceId: r.id === null ? null : Number(r.id),
    invoiceNo: r.invoice_no,
    issuedOn: r.issued_on,
    dueOn: r.due_on,
    openFen: toFen(r.open),
  }));
}

/** What is left of a payment to allocate. */
export async function unallocatedFen(db: Db, paymentId: number): Promise<bigint> {
  const { rows } = await sql<{ left: string }>`
    select (p.amount - coalesce((select sum(a.amount) from payment_allocations a where a.payment_id = p.id), 0))::numeric(14,2)::text as left
    from payments p where p.id = ${paymentId}
  `.execute(db);
  return rows.length ? toFen(rows[0].left) : 0n;
}
