// Use case: available-to-promise of one item, by location and by date: stock on hand less reserved
// per location, open supply by expected date, and what the current plan has not allocated, day by day.
import type { Kysely } from "kysely";
import { addDays, dayNumber } from "../calendar/model/dates.js";
import type { DB } from "../core/db/schema.js";
import { notFound } from "../core/errors.js";
import { plantDay } from "../core/plant-day.js";
import { getPurchasingSettings } from "../settings/purchasing-settings.js";
import { currentRunId } from "./list-shortages.js";

const r3 = (x: number) => Math.round(x * 1000) / 1000;

export async function getAtp(db: Kysely<DB>, sku: string, days = 60) {
  const today = plantDay(new Date());
  const to = addDays(today, days - 1);
  const runId = await currentRunId(db);
  const [item, stock, supply, left, settings] = await Promise.all([
    db.selectFrom("items").select(["sku", "name", "kind", "uom"]).where("sku", "=", sku).executeTakeFirst(),
    db.selectFrom("inventory_balances").select(["location", "on_hand", "reserved"]).where("sku", "=", sku).orderBy("location").execute(),
    db
      .selectFrom("supply_lines")
      .select(["kind", "ref", "location", "qty", "expected_date", "confirmed"])
      .where("sku", "=", sku)
      .where("status", "=", "open")
      .orderBy("expected_date")
      .execute(),
    db
      .selectFrom("plan_atp")
      .select(["day", "free"])
      .where("run_id", "=", runId ?? 0)
      .where("sku", "=", sku)
      .execute(),
    getPurchasingSettings(db),
  ]);
  // As the plan counts it: an overdue line arrives a set delay after today, never in the past.
  const arrives = (expected: string) => (expected < today ? addDays(today, settings.overdueSupplyDelayDays) : expected);
  if (!item) throw notFound("item.not_found", { sku }, "sku");
  const locations = new Map<string, { location: string; onHand: number; reserved: number; inTransit: number }>();
  for (const s of stock) locations.set(s.location, { location: s.location, onHand: r3(Number(s.on_hand)), reserved: r3(Number(s.reserved)), inTransit: 0 });
  for (const s of supply) {
    const l = locations.get(s.location) ?? { location: s.location, onHand: 0, reserved: 0, inTransit: 0 };
    l.inTransit = r3(l.inTransit + Number(s.qty));
    locations.set(s.location, l);
  }
  const todayN = dayNumber(today);
  // Day by day: stock and supply arrived so far (overdue supply counts from today), and what the plan left.
  const timeline: { date: string; supplied: number; allocated: number; available: number }[] = [];
  for (let i = 0; i < days; i++) {
    const n = todayN + i;
    const date = addDays(today, i);
    const supplied =
      stock.reduce((s, b) => s + Math.max(0, Number(b.on_hand) - Number(b.reserved)), 0) +
      supply.filter((s) => dayNumber(arrives(s.expected_date)) <= n).reduce((s, x) => s + Number(x.qty), 0);
    const available = runId ? left.filter((a) => dayNumber(a.day) <= n).reduce((s, a) => s + Number(a.free), 0) : supplied;
    timeline.push({ date, supplied: r3(supplied), allocated: r3(Math.max(0, supplied - available)), available: r3(Math.max(0, available)) });
  }
  return {
    sku: item.sku,
    name: item.name,
    uom: item.uom,
    runId,
    from: today,
    to,
    locations: [...locations.values()].map((l) => ({ ...l, free: r3(Math.max(0, l.onHand - l.reserved)) })),
    inTransit: supply.map((s) => ({
      kind: s.kind,
      ref: s.ref,
      location: s.location,
      qty: r3(Number(s.qty)),
      expectedDate: s.expected_date,
      countedFrom: arrives(s.expected_date),
      overdue: s.expected_date < today,
      confirmed: s.confirmed,
    })),
    timeline: timeline.filter((t, i) => i === 0 || t.supplied !== timeline[i - 1].supplied || t.available !== timeline[i - 1].available),
  };
}
