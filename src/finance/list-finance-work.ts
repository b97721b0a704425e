// Use case (read): finance's work list — orders a credit limit holds with their customer's exposure,
// shipped orders waiting for invoicing, invoice requests waiting for the platform, overdue receivables,
// and the payments of the last days not yet fully allocated.
import { type Kysely, sql } from "kysely";
import type { DB } from "../core/db/schema.js";
import { fromFen, toFen } from "../core/money.js";
import { plantDay } from "../core/plant-day.js";
import { listCreditHeldOrders, listShippedLines } from "../orders/list-shipped-lines.js";
import { creditExposures } from "./credit-exposure.js";
import { claimedLines, readSettings } from "./store.js";

const LIMIT = 50;

export async function listFinanceWork(db: Kysely<DB>, at = new Date()) {
  const today = plantDay(at);
  const settings = await readSettings(db);
  const held = await listCreditHeldOrders(db);
  const customers = await db.selectFrom("customers").select(["code", "name"]).execute();
  const nameOf = new Map(customers.map((c) => [c.code, c.name]));
  const exposures = await creditExposures(db, [...new Set(held.map((h) => h.customer))], { at });

  // Shipped since the ledger started and not on a request: grouped by order, oldest shipment first.
  const shipped = await listShippedLines(db, { shippedSince: settings.ledgerStart });
  const claimed = await claimedLines(db, [...new Set(shipped.map((l) => l.shipmentId))]);
  const byOrder = new Map<string, { orderNo: string; customer: string; amountFen: bigint; lines: number; lastShippedAt: string }>();
  for (const l of shipped) {
    if (claimed.has(`${l.shipmentId}|${l.line}`)) continue;
    const entry = byOrder.get(l.orderNo) ?? { orderNo: l.orderNo, customer: l.customer, amountFen: 0n, lines: 0, lastShippedAt: l.shippedAt };
    entry.amountFen += l.amountFen;
    entry.lines++;
    if (l.shippedAt > entry.lastShippedAt) entry.lastShippedAt = l.shippedAt;
    byOrder.set(l.orderNo, entry);
  }
  const toInvoice = [...byOrder.values()].sort((a, b) => a.lastShippedAt.localeCompare(b.lastShippedAt));

  const [requested, overdue, payments] = await Promise.all([
    db
      .selectFrom("invoice_requests")
      .select(["id", "serial", "customer_code", "kind", "invoice_type", "amount", "tax_rate", "created_at"])
      .where("status", "=", "requested")
      .orderBy("id")
      .limit(200)
      .execute(),
    sql<{ customer_code: string; overdue: string; invoices: number; oldest: string }>`
      select r.customer_code, sum(r.amount - coalesce(a.paid, 0))::numeric(14,2)::text as overdue, count(*)::int as invoices, min(r.due_on)::text as oldest
      from invoice_requests r
      left join (select invoice_request_id, sum(amount) as paid from payment_allocations group by invoice_request_id) a on a.invoice_request_id = r.id
      where r.kind = 'blue' and r.status = 'issued' and r.due_on < ${today} and r.amount - coalesce(a.paid, 0) > 0
      group by r.customer_code
      order by min(r.due_on), r.customer_code
      limit ${LIMIT}`.execute(db),
    sql<{ id: number; payer_name: string; customer_code: string | null; amount: string; left: string; received_on: string; matched_by: string | null }>`
      select p.id, p.payer_name, p.customer_code, p.amount::text, (p.amount - coalesce(sum(a.amount), 0))::numeric(14,2)::text as left, p.received_on::text, p.matched_by
      from payments p left join payment_allocations a on a.payment_id = p.id
      where p.received_on >= ${plantDay(new Date(at.getTime() - 7 * 86_400_000))}
      group by p.id
      having p.customer_code is null or p.amount - coalesce(sum(a.amount), 0) > 0
      order by p.received_on desc, p.id
      limit ${LIMIT}`.execute(db),
  ]);

  return {
    held: held.slice(0, LIMIT).map((h) => {
      const e = exposures.get(h.customer);
      return {
        orderNo: h.orderNo,
        customer: h.customer,
        customerName: nameOf.get(h.customer) ?? h.customer,
        amount: fromFen(h.amountFen),
        heldFrom: h.heldFrom,
        heldSince: h.heldSince,
        reasons: h.reasons,
        creditOnly: h.creditOnly,
        exposure: e ? fromFen(e.totalFen) : "0.00",
        limit: e ? fromFen(e.effectiveLimitFen) : "0.00",
        shortfall: e ? fromFen(e.totalFen + h.amountFen - e.effectiveLimitFen) : "0.00",
      };
    }),
    toInvoice: {
      count: toInvoice.length,
      amount: fromFen(toInvoice.reduce((s, o) => s + o.amountFen, 0n)),
      orders: toInvoice.slice(0, LIMIT).map((o) => ({
        orderNo: o.orderNo,
        customer: o.customer,
        customerName: nameOf.get(o.customer) ?? o.customer,
        amount: fromFen(o.amountFen),
        lines: o.lines,
        lastShippedAt: o.lastShippedAt,
      })),
    },
    requested: requested.map((r) => ({
      id: Number(r.id),
      serial: r.serial,
      customer: r.customer_code,
      customerName: nameOf.get(r.customer_code) ?? r.customer_code,
      kind: r.kind as "blue" | "red",
      type: r.invoice_type as "special" | "normal",
      taxRate: r.tax_rate,
      amount: r.amount,
      createdAt: r.created_at.toISOString(),
    })),
    overdue: overdue.rows.map((o) => ({
      customer: o.customer_code,
      customerName: nameOf.get(o.customer_code) ?? o.customer_code,
      overdue: o.overdue,
      invoices: o.invoices,
      oldestDueOn: o.oldest,
    })),
    payments: payments.rows.map((p) => ({
      id: Number(p.id),
      payerName: p.payer_name,
      customer: p.customer_code,
      customerName: p.customer_code ? (nameOf.get(p.customer_code) ?? p.customer_code) : null,
      amount: p.amount,
      left: p.left,
      receivedOn: p.received_on,
      matchedBy: p.matched_by,
    })),
    overdueTotal: fromFen(overdue.rows.reduce((s, o) => s + toFen(o.overdue), 0n)),
  };
}
