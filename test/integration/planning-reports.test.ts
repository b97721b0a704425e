import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../src/calendar/model/dates.js";
import { plantDay } from "../../src/orders/model/numbering.js";
import { placeSensorOrders } from "../support/helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

let t: TestApp;
const today = plantDay(new Date());
const orders: string[] = [];
beforeAll(async () => {
  t = await startTestApp();
  await t.database.db
    .insertInto("supply_lines")
    .values({ kind: "purchase", ref: "PO-9", sku: "PM-CHIP", location: "WH-MAIN", qty: "30", expected_date: addDays(today, 60) })
    .execute();
  // 3 × 50 pieces: 150 chips needed, 80 in stock; each loads the calibration bench 2.7 h of its 6.8 h a day.
  orders.push(
    ...(await placeSensorOrders(t, 50, [
      [5, true],
      [6, false],
      [7, true],
    ])),
  );
  expect((await t.api("POST", "/api/planning/replan", { as: "planner" })).status).toBe(200);
});
afterAll(() => t?.close());

describe("planning reports", () => {
  it("shortages per material with orders affected, open supply and a red flag for rush", async () => {
    const res = await t.api("GET", "/api/planning/shortages", { as: "purchasing" });
    expect(res.status).toBe(200);
    const [chip] = res.body.shortages;
    expect(chip).toMatchObject({ sku: "PM-CHIP", name: "压阻芯片", qtyShort: 70, red: true, onHand: 80, leadTimeDays: 20 });
    expect(chip.orders.map((o: { orderNo: string }) => o.orderNo).sort()).toEqual([orders[1], orders[2]].sort());
    expect(chip.openSupply).toEqual([{ kind: "purchase", ref: "PO-9", qty: 30, expectedDate: addDays(today, 60), location: "WH-MAIN", afterNeed: true }]);
    const red = await t.api("GET", "/api/planning/shortages?red=1", { as: "planner" });
    expect(red.body.shortages).toHaveLength(1);
    expect((await t.api("GET", "/api/planning/shortages", { as: "sales" })).status).toBe(403);
  });

  it("bottlenecks: load against capacity per centre and day, full days with the orders filling them", async () => {
    const res = await t.api("GET", `/api/planning/bottlenecks?from=${today}&to=${addDays(today, 13)}`, { as: "planner" });
    expect(res.status).toBe(200);
    const cal = res.body.workCentres.find((c: { code: string }) => c.code === "WC-CAL");
    expect(cal.days).toHaveLength(14);
    for (const d of cal.days) expect(d.loadHours).toBeLessThanOrEqual(d.limitHours + 0.01);
    const load = cal.days.reduce((s: number, d: { loadHours: number }) => s + d.loadHours, 0);
    // Only the first order has all its chips; the other two wait for supply beyond these two weeks.
    expect(load).toBeCloseTo(0.2 + 0.05 * 50, 1);
    if (cal.fullDays > 0) expect(cal.orders.length).toBeGreaterThan(0);
    expect((await t.api("GET", `/api/planning/bottlenecks?from=${addDays(today, 3)}&to=${today}`, { as: "planner" })).status).toBe(400);
  });

  it("orders we can still accept today, per product family", async () => {
    const res = await t.api("GET", "/api/planning/capacity-today", { as: "sales" });
    expect(res.status).toBe(200);
    const byFamily = new Map(res.body.families.map((f: { family: string }) => [f.family, f]));
    // The temperature transmitter has no routing or BOM here: nothing limits it.
    expect(byFamily.get("温度变送器")).toMatchObject({ acceptable: 50, capped: true, limitedBy: null });
    // Pressure sensors need chips that are all taken: none fits before its lead time.
    expect(byFamily.get("压力传感器")).toMatchObject({ capped: false, limitedBy: { kind: "material", sku: "PM-CHIP" } });
    expect((await t.api("GET", "/api/planning/capacity-today", { as: "purchasing" })).status).toBe(403);
  });

  it("ATP of an item by location and by date, after what the plan allocated; never negative", async () => {
    const res = await t.api("GET", "/api/planning/atp/PM-CHIP?days=90", { as: "warehouse" });
    expect(res.status).toBe(200);
    expect(res.body.locations).toEqual([{ location: "WH-MAIN", onHand: 80, reserved: 0, inTransit: 30, free: 80 }]);
    // A WMS line counts as confirmed; the date the plan counts it from is its own (it is not overdue).
    expect(res.body.inTransit).toEqual([
      {
        kind: "purchase",
        ref: "PO-9",
        location: "WH-MAIN",
        qty: 30,
        expectedDate: addDays(today, 60),
        countedFrom: addDays(today, 60),
        overdue: false,
        confirmed: true,
      },
    ]);
    // The plan took all 80 in stock; the shortfall waits for a purchase (20 days), which comes sooner than
    // the 30 on order for day 60, so those stay free.
    expect(res.body.timeline[0]).toMatchObject({ date: today, supplied: 80, available: 0, allocated: 80 });
    expect(res.body.timeline.at(-1)).toMatchObject({ date: addDays(today, 60), supplied: 110, available: 30, allocated: 80 });
    for (const d of res.body.timeline) expect(d.available).toBeGreaterThanOrEqual(0);
    expect((await t.api("GET", "/api/planning/atp/NOPE", { as: "sales" })).status).toBe(404);
  });
});
