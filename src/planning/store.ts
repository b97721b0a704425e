// SQL that turns the database into the planning model's plain inputs: calendar, engineering, supply
// (stock, open supply, reservations) and the open orders the plan schedules.
import { type Kysely, sql, type Transaction } from "kysely";
import { addDays } from "../calendar/model/dates.js";
import { loadCalendarInputs } from "../calendar/store.js";
import { nowMs, plantToday } from "../core/clock.js";
import type { DB } from "../core/db/schema.js";
import { getPromiseSettings } from "../settings/promise-settings.js";
import { getPurchasingSettings } from "../settings/purchasing-settings.js";
import type { EngineeringData, PlanOrder, SupplyData } from "./model/types.js";
import { loadDowntime, loadReleasedWork, shopFloorMark } from "./shop-floor-inputs.js";

type Db = Kysely<DB> | Transaction<DB>;

/** Orders the plan schedules: taken and not yet made. Held and draft orders wait; ready ones are made. */
export const PLANNED_STATUSES = ["confirmed", "scheduled", "in_production"] as const;

export async function loadEngineering(db: Db, today: string): Promise<EngineeringData> {
  const [items, boms, bomLines, routings, ops] = await Promise.all([
    db.selectFrom("items").select(["sku", "name", "kind", "family", "lead_time_days"]).execute(),
    db.selectFrom("bom_versions").select(["id", "sku", "version", "effective_from", "status"]).execute(),
    db.selectFrom("bom_lines").select(["bom_version_id", "component_sku", "qty_per"]).execute(),
    db.selectFrom("routing_versions").select(["id", "sku", "version", "effective_from", "status"]).execute(),
    db.selectFrom("routing_operations").selectAll().orderBy("routing_version_id").orderBy("seq").execute(),
  ]);
  const eng: EngineeringData = { items: new Map(), boms: new Map(), routings: new Map(), currentBom: new Map(), currentRouting: new Map() };
  for (const i of items) eng.items.set(i.sku, { sku: i.sku, name: i.name, kind: i.kind, family: i.family, leadTimeDays: i.lead_time_days });
  for (const b of boms) eng.boms.set(b.id, { id: b.id, sku: b.sku, lines: [] });
  for (const l of bomLines) eng.boms.get(l.bom_version_id)?.lines.push({ sku: l.component_sku, qtyPer: Number(l.qty_per) });
  for (const r of routings) eng.routings.set(r.id, { id: r.id, sku: r.sku, ops: [] });
  for (const o of ops) {
    eng.routings.get(o.routing_version_id)?.ops.push({
      seq: o.seq,
      workCentre: o.work_centre,
      setupHours: Number(o.setup_hours),
      runHoursPerUnit: Number(o.run_hours_per_unit),
      splittable: o.splittable,
    });
  }
  // The version effective today: the newest whose date has come (as intake pins them).
  const pick = (rows: { id: number; sku: string; version: number; effective_from: string; status: string }[], into: Map<string, number>) => {
    const best = new Map<string, { id: number; version: number }>();
    for (const r of rows) {
      if (r.effective_from > today || r.status === "draft") continue;
      const b = best.get(r.sku);
      if (!b || r.version > b.version) best.set(r.sku, r);
    }
    for (const [sku, b] of best) into.set(sku, b.id);
  };
  pick(boms, eng.currentBom);
  pick(routings, eng.currentRouting);
  return eng;
}

/**
 * Stock, open supply, requests and reservations. Open supply never arrives in the past: a line past its
 * date is counted `overdueDelayDays` after today and marked overdue; a purchase line the supplier has not
 * confirmed keeps its requested date and is marked unconfirmed (decision 0067).
 */
export async function loadSupply(db: Db, today: string, overdueDelayDays = 0): Promise<SupplyData> {
  const [stock, receipts, requested, reservations] = await Promise.all([
    db.selectFrom("inventory_balances").select(["sku", "location", "on_hand", "reserved"]).execute(),
    db.selectFrom("supply_lines").select(["sku", "location", "qty", "expected_date", "confirmed"]).where("status", "=", "open").execute(),
    // Requested, not yet confirmed: expected a lead time after the request (overdue once that has passed).
    db
      .selectFrom("purchase_requests")
      .select([
        "sku",
        "qty",
        sql<string>`to_char(((requested_at at time zone 'UTC') + interval '8 hours')::date + lead_time_days, 'YYYY-MM-DD')`.as("expected"),
      ])
      .where("status", "=", "requested")
      .execute(),
    db
      .selectFrom("reservations")
      .select(["order_no", "sku", sql<string>`sum(qty)`.as("qty")])
      .where("status", "=", "active")
      .groupBy(["order_no", "sku"])
      .execute(),
  ]);
  return {
    stock: stock.map((s) => ({ sku: s.sku, location: s.location, free: Math.max(0, Number(s.on_hand) - Number(s.reserved)) })),
    receipts: [
      ...receipts.map((r) =>
        r.expected_date < today
          ? { sku: r.sku, location: r.location, qty: Number(r.qty), date: addDays(today, overdueDelayDays), risk: "overdue" as const }
          : { sku: r.sku, location: r.location, qty: Number(r.qty), date: r.expected_date, ...(r.confirmed ? {} : { risk: "unconfirmed" as const }) },
      ),
      ...requested.map((r) => ({ sku: r.sku, location: "", qty: Number(r.qty), date: r.expected })),
    ],
    reservations: reservations.map((r) => ({ orderNo: r.order_no, sku: r.sku, qty: Number(r.qty) })),
  };
}

export async function loadOpenOrders(db: Db, orderNos?: string[]): Promise<PlanOrder[]> {
  let query = db
    .selectFrom("orders")
    .innerJoin("customers", "customers.code", "orders.customer_code")
    .select([
      "orders.order_no",
      "orders.customer_code",
      "customers.grade",
      "orders.rush",
      "orders.priority",
      "orders.requested_date",
      "orders.promised_date",
      "orders.created_at",
      "orders.status",
    ])
    .where("orders.status", "in", [...PLANNED_STATUSES]);
  if (orderNos) query = query.where("orders.order_no", "in", orderNos.length ? orderNos : [""]);
  const [orders, lines, released] = await Promise.all([
    query.execute(),
    db
      .selectFrom("order_lines")
      .innerJoin("orders", "orders.order_no", "order_lines.order_no")
      .select([
        "order_lines.order_no",
        "order_lines.line_no",
        "order_lines.sku",
        "order_lines.qty",
        "order_lines.nonstandard",
        "order_lines.bom_version_id",
        "order_lines.routing_version_id",
      ])
      .where("orders.status", "in", [...PLANNED_STATUSES])
      .$if(orderNos !== undefined, (q) => q.where("orders.order_no", "in", orderNos?.length ? orderNos : [""]))
      .orderBy("order_lines.order_no")
      .orderBy("order_lines.line_no")
      .execute(),
    loadReleasedWork(db, orderNos),
  ]);
  const byOrder = new Map<string, PlanOrder["lines"]>();
  for (const l of lines) {
    const list = byOrder.get(l.order_no) ?? [];
    list.push({ lineNo: l.line_no, sku: l.sku, qty: l.qty, bomVersionId: l.bom_version_id, routingVersionId: l.routing_version_id, standard: !l.nonstandard });
    byOrder.set(l.order_no, list);
  }
  return orders.map((o) => ({
    orderNo: o.order_no,
    customer: o.customer_code,
    grade: o.grade,
    rush: o.rush,
    priority: o.priority,
    dueDate: o.promised_date ?? o.requested_date,
    requestedDate: o.requested_date,
    promisedDate: o.promised_date,
    createdAt: o.created_at.getTime(),
    materialsIssued: o.status === "in_production",
    lines: byOrder.get(o.order_no) ?? [],
    ...(released.has(o.order_no) ? { released: released.get(o.order_no) } : {}),
  }));
}

/**
 * Lead times suppliers have shown: an open purchase line the supplier confirmed later than asked took
 * (confirmed date − the day it was placed) days. A new purchase of that item is then counted no sooner
 * than that, not at the item's nominal lead time: the supplier's word wins over the master data, and the
 * plan does not buy again elsewhere on a lead time the supplier just said it cannot meet (decision 0067).
 */
export async function shownLeadTimes(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom("supply_lines")
    .select(["sku", sql<number>`max(expected_date - ((created_at at time zone 'UTC') + interval '8 hours')::date)::int`.as("days")])
    .where("status", "=", "open")
    .where("kind", "=", "purchase")
    .where("confirmed", "=", true)
    .where("requested_date", "is not", null)
    .whereRef("expected_date", ">", "requested_date")
    .groupBy("sku")
    .execute();
  return new Map(rows.map((r) => [r.sku, Number(r.days)]));
}

export const HORIZON_DAYS = 365;

/** Everything but the orders, for `today` over the planning horizon. */
export async function loadPlanningBase(db: Db, today: string, horizonDays = HORIZON_DAYS) {
  const purchasing = await getPurchasingSettings(db);
  const [calendar, engineering, supply, moves, downtime, buffers, shown] = await Promise.all([
    loadCalendarInputs(db, today, addDays(today, horizonDays - 1)),
    loadEngineering(db, today),
    loadSupply(db, today, purchasing.overdueSupplyDelayDays),
    db.selectFrom("work_centres").select(["code", "move_hours"]).where("move_hours", ">", "0").execute(),
    loadDowntime(db, today),
    getPromiseSettings(db),
    shownLeadTimes(db),
  ]);
  for (const [sku, days] of shown) {
    const item = engineering.items.get(sku);
    if (item && days > item.leadTimeDays) engineering.items.set(sku, { ...item, leadTimeDays: days });
  }
  calendar.maintenance.push(...downtime);
  const moveHours = Object.fromEntries(moves.map((m) => [m.code, Number(m.move_hours)]));
  return {
    today,
    horizonDays,
    calendar,
    engineering,
    supply,
    // The hours of today already gone are not capacity: nothing is planned or promised before now.
    nowMs: today === plantToday() ? nowMs() : undefined,
    moveHours,
    materialBufferDays: buffers.materialBufferDays,
    shippingBufferDays: buffers.shippingBufferDays,
  };
}

/** High-water marks of what the plan depends on: a plan older than them is stale. */
export async function changeMarks(db: Db) {
  const row = await sql<{ events: string | null; master: string | null; stock: Date | null; supply: string }>`
    select (select max(id) from order_events) as events,
           (select max(id) from master_changes) as master,
           (select max(updated_at) from inventory_balances) as stock,
           (select coalesce(max(id), 0) || ':' || count(*) || ':' || coalesce(floor(extract(epoch from max(updated_at)) * 1000)::bigint, 0) from supply_lines)
             || ':' || (select coalesce(max(id), 0) || ':' || count(*) from purchase_requests where status = 'requested') as supply`.execute(db);
  const r = row.rows[0];
  const shopFloor = await shopFloorMark(db);
  return { events: Number(r.events ?? 0), master: Number(r.master ?? 0), stock: r.stock ? new Date(r.stock) : null, supply: r.supply, shopFloor };
}
