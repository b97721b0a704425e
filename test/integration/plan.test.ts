import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../src/calendar/model/dates.js";
import { plantDay } from "../../src/orders/model/numbering.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

let t: TestApp;
const today = plantDay(new Date());
const orders: string[] = [];
beforeAll(async () => {
  t = await startTestApp();
  for (const [qty, due, rush] of [
    [40, 20, false],
    [30, 3, true],
    [120, 10, false],
  ] as const) {
    const res = await t.api("POST", "/api/orders", {
      as: "sales",
      body: { customer: "C-A1", rush, lines: [{ sku: "PS-100", qty }], requestedDate: addDays(today, due) },
    });
    expect(res.status).toBe(201);
    orders.push(res.body.orderNo);
  }
});
afterAll(() => t?.close());

describe("the plan", () => {
  it("is stale until re-planned; a re-plan saves every open order with its operations, loads, shortages", async () => {
    const before = await t.api("GET", "/api/planning/status", { as: "sales" });
    expect(before.body).toMatchObject({ stale: true, reasons: ["no_plan"], run: null });
    expect((await t.api("POST", "/api/planning/replan", { as: "sales" })).status).toBe(403);
    const res = await t.api("POST", "/api/planning/replan", { as: "planner" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ orders: 3, today });
    const status = await t.api("GET", "/api/planning/status", { as: "sales" });
    expect(status.body).toMatchObject({ stale: false, reasons: [], run: { id: res.body.runId, orders: 3, trigger: "manual", actor: "planner" } });
    // Rush and earliest due first.
    const rush = await t.api("GET", `/api/planning/orders/${orders[1]}`, { as: "sales" });
    expect(rush.body).toMatchObject({ rank: 1, dueDate: addDays(today, 3) });
    expect(rush.body.operations.map((o: { workCentre: string }) => o.workCentre)).toEqual(["WC-ASM", "WC-CAL"]);
    // 190 pieces need 190 chips; 80 are in stock: the last order in line is short.
    const big = await t.api("GET", `/api/planning/orders/${orders[2]}`, { as: "sales" });
    expect(big.body.shortages).toEqual([{ sku: "PM-CHIP", qtyShort: 110, dateNeeded: expect.any(String) }]);
    expect(big.body.kittingRate).toBe(0.5);
    expect(big.body.bottleneck).toMatchObject({ kind: "material", sku: "PM-CHIP" });
    const loads = await t.database.db.selectFrom("plan_loads").selectAll().where("run_id", "=", res.body.runId).execute();
    for (const l of loads) expect(Number(l.load_hours)).toBeLessThanOrEqual(Number(l.limit_hours) + 1e-3);
  });

  it("a change makes it stale; promises read the saved plan's loads", async () => {
    const created = await t.api("POST", "/api/orders", { as: "sales", body: { customer: "C-B1", lines: [{ sku: "TT-200", qty: 1 }] } });
    expect(created.status).toBe(201);
    const status = await t.api("GET", "/api/planning/status", { as: "planner" });
    expect(status.body.stale).toBe(true);
    expect(status.body.reasons).toContain("orders_changed");
    // The chips left after the plan: none today, so a promise must wait for a purchase.
    const promise = await t.api("POST", "/api/promise", { as: "sales", body: { customer: "C-A1", lines: [{ sku: "PS-100", qty: 5 }] } });
    expect(promise.body.bottleneck).toMatchObject({ kind: "material", sku: "PM-CHIP", newPurchase: true });
    await t.database.db
      .insertInto("supply_lines")
      .values({ kind: "purchase", ref: "PO-S1", sku: "PM-CHIP", location: "WH-MAIN", qty: "10", expected_date: "2099-01-01" })
      .execute();
    expect((await t.api("GET", "/api/planning/status", { as: "planner" })).body.reasons).toContain("supply_changed");
    const again = await t.api("POST", "/api/planning/replan", { as: "admin" });
    expect(again.body.orders).toBe(4);
    const runs = await t.database.db.selectFrom("plan_runs").select("id").execute();
    expect(runs.length).toBeLessThanOrEqual(2);
    expect((await t.api("GET", "/api/planning/orders/DH20990101001", { as: "sales" })).status).toBe(404);
  });
});
