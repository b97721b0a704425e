import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../src/calendar/dates.js";
import { plantDay } from "../../src/orders/model/numbering.js";
import { placeSensorOrders } from "../support/helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

let t: TestApp;
const today = plantDay(new Date());
const orders: string[] = [];
beforeAll(async () => {
  t = await startTestApp();
  // 80 chips in stock, 30 more on order in two weeks: the later orders are short.
  await t.database.db
    .insertInto("supply_lines")
    .values({ kind: "purchase", ref: "PO-7", sku: "PM-CHIP", location: "WH-MAIN", qty: "60", expected_date: addDays(today, 14) })
    .execute();
  orders.push(
    ...(await placeSensorOrders(t, 40, [
      [4, true],
      [5, false],
      [6, false],
    ])),
  );
  await t.api("POST", "/api/planning/replan", { as: "planner" });
});
afterAll(() => t?.close());

describe("POST /api/orders/batch-reschedule", () => {
  it("moves every order, recomputes promises and kitting, and tells purchasing how shortages changed", async () => {
    const dueDate = addDays(today, 21);
    const before = await t.api("GET", "/api/planning/shortages", { as: "purchasing" });
    expect(before.body.shortages[0]).toMatchObject({ sku: "PM-CHIP", qtyShort: 40 });
    // The customer postponed: sales moves the customer's requested date (and with it the promise).
    const res = await t.api("POST", "/api/orders/batch-reschedule", {
      as: "sales",
      body: { orderNos: [orders[0], orders[1]], dueDate, reason: "客户推迟收货" },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ count: 2, dueDate });
    for (const r of res.body.results) {
      expect(r).toMatchObject({ ok: true, requestedDate: dueDate, promisedDate: dueDate, late: false, planned: true });
      expect(r.kittingRate).toBeGreaterThanOrEqual(0);
    }
    const order = await t.api("GET", `/api/orders/${orders[0]}`, { as: "sales" });
    expect(order.body).toMatchObject({ requestedDate: dueDate, promisedDate: dueDate, version: 2 });
    expect(order.body.events.at(-1)).toMatchObject({ kind: "changed", actor: "sales", reason: "客户推迟收货" });
    // With the first two moved out, the third order (due sooner now) takes the chips in stock.
    const after = await t.api("GET", "/api/planning/shortages", { as: "purchasing" });
    const third = await t.api("GET", `/api/planning/orders/${orders[2]}`, { as: "planner" });
    expect(third.body.rank).toBe(1);
    expect(third.body.shortages).toEqual([]);
    expect(res.body.runId).toBe((await t.api("GET", "/api/planning/status", { as: "planner" })).body.run.id);
    // Stock now covers the third order, and stock plus the purchase order cover the two moved ones.
    expect(after.body.shortages).toEqual([]);
    expect(res.body.shortages.resolved).toEqual([{ sku: "PM-CHIP", before: 40, after: 0, dateNeeded: null, red: false }]);
    expect(res.body.notifications).toEqual([{ toRole: "purchasing", level: "warning", message: expect.stringContaining("解除 1 项") }]);
    const inbox = await t.database.db.selectFrom("notifications").selectAll().where("to_role", "=", "purchasing").execute();
    expect(inbox.at(-1)!.message).toContain("批量改期 2 单");
  });

  it("all or nothing: one order that cannot move stops the batch, with a reason per order", async () => {
    const cancelled = await t.api("POST", "/api/orders", { as: "sales", body: { customer: "C-B1", lines: [{ sku: "TT-200", qty: 1 }] } });
    await t.api("POST", `/api/orders/${cancelled.body.orderNo}/transitions`, { as: "sales", body: { to: "cancelled", reason: "客户取消" } });
    const res = await t.api("POST", "/api/orders/batch-reschedule", {
      as: "sales",
      body: { orderNos: [orders[2], cancelled.body.orderNo, "DH20990101001"], dueDate: addDays(today, 30), reason: "统一延期" },
    });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: "conflict", field: "orderNos" });
    const byNo = new Map(res.body.error.results.map((r: { orderNo: string }) => [r.orderNo, r]));
    expect(byNo.get(orders[2])).toEqual({ orderNo: orders[2], ok: true });
    expect(byNo.get(cancelled.body.orderNo)).toMatchObject({ ok: false, error: { reason: "reschedule.not_open" } });
    expect(byNo.get("DH20990101001")).toMatchObject({ ok: false, error: { code: "not_found" } });
    const untouched = await t.api("GET", `/api/orders/${orders[2]}`, { as: "sales" });
    expect(untouched.body.version).toBe(1);
    expect(
      (await t.api("POST", "/api/orders/batch-reschedule", { as: "purchasing", body: { orderNos: [orders[2]], dueDate: addDays(today, 30), reason: "x" } }))
        .status,
    ).toBe(403);
    const past = await t.api("POST", "/api/orders/batch-reschedule", {
      as: "planner",
      body: { orderNos: [orders[2]], dueDate: addDays(today, -1), reason: "x" },
    });
    expect(past.status).toBe(400);
    expect(past.body.error.field).toBe("dueDate");
  });

  it("a planner moves the promise and leaves the customer's requested date as the customer asked", async () => {
    const [orderNo] = await placeSensorOrders(t, 1, [[8, false]]);
    const placed = await t.api("GET", `/api/orders/${orderNo}`, { as: "planner" });
    const dueDate = addDays(today, 25);
    const res = await t.api("POST", "/api/orders/batch-reschedule", { as: "planner", body: { orderNos: [orderNo], dueDate, reason: "外壳供应商延期" } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.results[0]).toMatchObject({ orderNo, requestedDate: placed.body.requestedDate, promisedDate: dueDate });
    const order = await t.api("GET", `/api/orders/${orderNo}`, { as: "sales" });
    expect(order.body).toMatchObject({ requestedDate: placed.body.requestedDate, promisedDate: dueDate, version: placed.body.version + 1 });
    const event = order.body.events.at(-1);
    expect(event).toMatchObject({ kind: "changed", actor: "planner", reason: "外壳供应商延期" });
    expect(event.data.requestedDate).toBeUndefined();
    expect(event.data.promisedDate).toEqual({ from: placed.body.promisedDate, to: dueDate });
  });
});
