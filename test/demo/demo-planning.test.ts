// The planning use cases on the demo plant: a plan of its open book, a promise, a batch reschedule.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// The app assembly plugs the rules into orders (a reschedule runs the order.changed rules).
import "../../src/app.js";
import { centreDays, plantDays } from "../../src/calendar/model/calendar.js";
import { addDays } from "../../src/calendar/model/dates.js";
import { loadCalendarInputs } from "../../src/calendar/store.js";
import { SYSTEM } from "../../src/core/auth/principal.js";
import { type Database, openDatabase } from "../../src/core/db/connect.js";
import { migrateToLatest } from "../../src/core/db/migrate.js";
import { loadDemoPlant } from "../../src/demo/load-demo-plant.js";
import { plantDay } from "../../src/orders/model/numbering.js";
import { batchReschedule } from "../../src/planning/batch-reschedule.js";
import { promiseNewOrder } from "../../src/planning/promise-order.js";
import { replan } from "../../src/planning/replan.js";

let database: Database;
const today = plantDay(new Date());
beforeAll(async () => {
  database = await openDatabase({});
  await migrateToLatest(database.db);
  await loadDemoPlant(database.db);
}, 240_000);
afterAll(() => database?.close());

describe("planning on the demo plant", () => {
  it("plans the whole open book within the horizon, never beyond a day's limit or on a day without capacity", { timeout: 120_000 }, async () => {
    const summary = await replan(database.db, "system", "manual");
    expect(summary.orders).toBeGreaterThan(100);
    expect(summary.unplanned).toBe(0);
    const loads = await database.db.selectFrom("plan_loads").selectAll().where("run_id", "=", summary.runId).execute();
    for (const l of loads) expect(Number(l.load_hours)).toBeLessThanOrEqual(Number(l.limit_hours) + 1e-3);
    // Days the calendar gives no capacity (weekends, holidays, whole-day maintenance) carry no load.
    const inputs = await loadCalendarInputs(database.db, today, addDays(today, 60));
    const days = plantDays(today, addDays(today, 60), inputs);
    const closed = new Set(
      inputs.centres.flatMap((c) =>
        centreDays(c, days, inputs.maintenance)
          .filter((d) => d.limitHours === 0)
          .map((d) => `${c.code}|${d.date}`),
      ),
    );
    for (const l of loads) expect(closed.has(`${l.work_centre}|${l.day}`)).toBe(false);
  });

  it("promises a demo order with a date, the binding constraint and an explanation", { timeout: 60_000 }, async () => {
    const item = await database.db.selectFrom("items").select("sku").where("kind", "=", "finished").orderBy("sku").executeTakeFirstOrThrow();
    const customer = await database.db.selectFrom("customers").select("code").where("grade", "=", "A").orderBy("code").executeTakeFirstOrThrow();
    const promise = await promiseNewOrder(
      database.db,
      { customer: customer.code, lines: [{ sku: item.sku, qty: 20 }], requestedDate: addDays(today, 3) },
      "zh",
    );
    expect(promise.earliestDate).not.toBeNull();
    expect(promise.bottleneck.kind).toMatch(/work_centre|material|processing/);
    expect(promise.explanation.length).toBeGreaterThan(10);
    expect(promise.explanations.en).toMatch(/earliest|holds/);
    expect(promise.ctp.operations.length).toBeGreaterThan(0);
  });

  it("batch-reschedules every open order with per-order results and tells purchasing what changed", { timeout: 120_000 }, async () => {
    const open = await database.db
      .selectFrom("orders")
      .select("order_no")
      .where("status", "in", ["confirmed", "scheduled", "in_production", "on_hold"])
      .execute();
    const result = await batchReschedule(
      database.db,
      SYSTEM,
      { orderNos: open.map((o) => o.order_no), dueDate: addDays(today, 25), reason: "供应商壳体延期" },
      "zh",
    );
    expect(result.results).toHaveLength(open.length);
    for (const r of result.results) expect(r.requestedDate).toBe(addDays(today, 25));
    expect(result.notifications).toHaveLength(1);
    const inbox = await database.db.selectFrom("notifications").selectAll().where("to_role", "=", "purchasing").execute();
    expect(inbox.at(-1)!.message).toContain(`批量改期 ${open.length} 单`);
  });
});
