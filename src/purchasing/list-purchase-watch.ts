// Use case: what purchasing chases today: lines the supplier has not confirmed (oldest first; overdue
// after two days), and lines past their date with the customer orders they hold up (the order a line is
// pegged to, and the orders the current plan counts on it for).
import { type Kysely, sql } from "kysely";
import { daysBetween } from "../calendar/model/dates.js";
import type { DB } from "../core/db/schema.js";
import { plantDay } from "../core/plant-day.js";
import { expectedDate, openQty } from "./model/lines.js";

/** A supplier that has not answered within this many days is chased. */
export const CONFIRMATION_DAYS = 2;
const LIMIT = 100;

export async function listPurchaseWatch(db: Kysely<DB>, now = new Date()) {
  const today = plantDay(now);
  const base = db
    .selectFrom("purchase_order_lines as l")
    .innerJoin("purchase_orders as po", "po.po_no", "l.po_no")
    .innerJoin("suppliers as s", "s.code", "po.supplier_code")
    .innerJoin("items", "items.sku", "l.sku")
    .select([
      "l.po_no",
      "l.line_no",
      "l.sku",
      "items.name",
      "l.qty",
      "l.received_qty",
      "l.requested_date",
      "l.confirmed_date",
      "l.state",
      "l.order_no",
      "l.version",
      "po.supplier_code",
      "s.name as supplier_name",
      "po.created_at",
    ])
    .where("l.state", "not in", ["received", "cancelled"]);
  const [unconfirmed, late] = await Promise.all([
    base.where("l.confirmed_date", "is", null).orderBy("po.created_at").orderBy("l.po_no").orderBy("l.line_no").limit(LIMIT).execute(),
    base
      .where(sql<boolean>`coalesce(l.confirmed_date, l.requested_date) < ${today}::date`)
      .orderBy(sql`coalesce(l.confirmed_date, l.requested_date)`)
      .orderBy("l.po_no")
      .orderBy("l.line_no")
      .limit(LIMIT)
      .execute(),
  ]);
  const lateSkus = [...new Set(late.map((l) => l.sku))];
  const held = lateSkus.length
    ? await db
        .selectFrom("plan_orders as p")
        .innerJoin("plan_status", "plan_status.current_run", "p.run_id")
        .select(["p.order_no", "p.planned_date", sql<{ sku: string; kind: string }[]>`p.supply_risk`.as("risk")])
        .where("p.supply_risk", "is not", null)
        .execute()
    : [];
  const heldBy = new Map<string, string[]>();
  for (const h of held)
    for (const r of h.risk ?? []) if (r.kind === "overdue" && lateSkus.includes(r.sku)) heldBy.set(r.sku, [...(heldBy.get(r.sku) ?? []), h.order_no]);
  const orderNos = [...new Set([...late.flatMap((l) => (l.order_no ? [l.order_no] : [])), ...[...heldBy.values()].flat()])];
  const orders = orderNos.length
    ? await db
        .selectFrom("orders")
        .innerJoin("customers", "customers.code", "orders.customer_code")
        .select(["orders.order_no", "customers.name", "orders.promised_date", "orders.promise_state", "orders.rush"])
        .where("orders.order_no", "in", orderNos)
        .execute()
    : [];
  const orderOf = new Map(orders.map((o) => [o.order_no, o]));
  const line = (l: (typeof late)[number]) => ({
    poNo: l.po_no,
    line: l.line_no,
    sku: l.sku,
    name: l.name,
    supplier: { code: l.supplier_code, name: l.supplier_name },
    open: openQty({ qty: Number(l.qty), received: Number(l.received_qty) }),
    requestedDate: l.requested_date,
    confirmedDate: l.confirmed_date,
    expectedDate: expectedDate({ requestedDate: l.requested_date, confirmedDate: l.confirmed_date }),
    orderNo: l.order_no,
    version: l.version,
  });
  return {
    today,
    unconfirmed: unconfirmed.map((l) => {
      const waiting = daysBetween(plantDay(l.created_at), today);
      return { ...line(l), daysWaiting: waiting, overdue: waiting >= CONFIRMATION_DAYS };
    }),
    late: late.map((l) => {
      const v = line(l);
      const holds = [...new Set([...(l.order_no ? [l.order_no] : []), ...(heldBy.get(l.sku) ?? [])])].sort();
      return {
        ...v,
        daysLate: daysBetween(v.expectedDate, today),
        orders: holds.flatMap((no) => {
          const o = orderOf.get(no);
          return o ? [{ orderNo: no, customer: o.name, promisedDate: o.promised_date, promiseState: o.promise_state, rush: o.rush }] : [];
        }),
      };
    }),
  };
}
