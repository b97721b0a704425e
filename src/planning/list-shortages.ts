// Use case: purchasing's shortage list from the current plan: per material, how much is short, when it
// is first needed, which orders wait for it, what is on order, and a red flag when a rush order is short.
import { type Kysely, sql } from "kysely";
import type { DB } from "../core/db/schema.js";
import type { ShortageView } from "./model/shortage-view.js";

export async function currentRunId(db: Kysely<DB>): Promise<number | null> {
  const row = await db.selectFrom("plan_status").select("current_run").where("id", "=", 1).executeTakeFirst();
  return row?.current_run ?? null;
}

export type { ShortageView };

const r3 = (x: number) => Math.round(x * 1000) / 1000;

export async function shortagesOfRun(db: Kysely<DB>, runId: number, filter: { sku?: string } = {}): Promise<ShortageView[]> {
  let query = db.selectFrom("plan_shortages").select(["sku", "order_no", "qty_short", "date_needed", "rush"]).where("run_id", "=", runId);
  if (filter.sku) query = query.where("sku", "=", filter.sku);
  const rows = await query.orderBy("date_needed").orderBy("order_no").execute();
  if (!rows.length) return [];
  const skus = [...new Set(rows.map((r) => r.sku))];
  const [items, stock, supply] = await Promise.all([
    db.selectFrom("items").select(["sku", "name", "lead_time_days"]).where("sku", "in", skus).execute(),
    db
      .selectFrom("inventory_balances")
      .select(["sku", sql<string>`sum(on_hand)`.as("on_hand"), sql<string>`sum(reserved)`.as("reserved")])
      .where("sku", "in", skus)
      .groupBy("sku")
      .execute(),
    db
      .selectFrom("supply_lines")
      .select(["sku", "kind", "ref", "qty", "expected_date", "location"])
      .where("sku", "in", skus)
      .where("status", "=", "open")
      .orderBy("expected_date")
      .execute(),
  ]);
  const itemOf = new Map(items.map((i) => [i.sku, i]));
  const stockOf = new Map(stock.map((s) => [s.sku, s]));
  const bySku = new Map<string, ShortageView>();
  for (const r of rows) {
    const view = bySku.get(r.sku) ?? {
      sku: r.sku,
      name: itemOf.get(r.sku)?.name ?? r.sku,
      leadTimeDays: itemOf.get(r.sku)?.lead_time_days ?? 0,
      qtyShort: 0,
      dateNeeded: r.date_needed,
      red: false,
      onHand: r3(Number(stockOf.get(r.sku)?.on_hand ?? 0)),
      reserved: r3(Number(stockOf.get(r.sku)?.reserved ?? 0)),
      orders: [],
      openSupply: [],
    };
    view.qtyShort = r3(view.qtyShort + Number(r.qty_short));
    if (r.date_needed < view.dateNeeded) view.dateNeeded = r.date_needed;
    view.red ||= r.rush;
    view.orders.push({ orderNo: r.order_no, qtyShort: r3(Number(r.qty_short)), dateNeeded: r.date_needed, rush: r.rush });
    bySku.set(r.sku, view);
  }
  for (const s of supply) {
    const view = bySku.get(s.sku);
    if (view)
      view.openSupply.push({
        kind: s.kind,
        ref: s.ref,
        qty: r3(Number(s.qty)),
        expectedDate: s.expected_date,
        location: s.location,
        afterNeed: s.expected_date > view.dateNeeded,
      });
  }
  // Red (a rush order is short) first, then the earliest need.
  return [...bySku.values()].sort((a, b) => Number(b.red) - Number(a.red) || (a.dateNeeded < b.dateNeeded ? -1 : a.dateNeeded > b.dateNeeded ? 1 : 0));
}

export async function listShortages(db: Kysely<DB>, filter: { sku?: string; redOnly?: boolean }) {
  const runId = await currentRunId(db);
  if (!runId) return { runId: null, shortages: [] };
  const shortages = await shortagesOfRun(db, runId, filter);
  return { runId, shortages: filter.redOnly ? shortages.filter((s) => s.red) : shortages };
}
