// Promises protected, breaks never silent: a re-plan that can no longer keep a promise flags it at risk
// and asks sales to call; a re-confirmation keeps the first promise; a purchase a promise needs is requested.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../src/calendar/model/dates.js";
import { plantDay } from "../../src/orders/model/numbering.js";
import { placeOrder } from "../support/helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

let t: TestApp;
const today = plantDay(new Date());
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

describe("promise breaks", () => {
  it("a re-plan that cannot keep a promise flags it at risk, tells sales, and a re-confirmation keeps the first date", async () => {
    const requested = addDays(today, 8);
    const order = await placeOrder(t, { customer: "C-A1", lines: [{ sku: "PS-100", qty: 10 }], requestedDate: requested });
    expect(order.promise).toEqual({ date: requested, firstDate: requested, state: "promised", plannedDate: null });
    expect((await t.api("POST", "/api/planning/replan", { as: "planner" })).status).toBe(200);
    expect((await t.api("GET", `/api/orders/${order.orderNo}`, { as: "sales" })).body.promise.state).toBe("promised");

    // The calibration bench breaks down for three weeks: the promise cannot hold.
    const mw = await t.api("POST", "/api/calendar/maintenance", {
      as: "planner",
      body: { workCentre: "WC-CAL", startsAt: `${today}T00:00:00+08:00`, endsAt: `${addDays(today, 21)}T00:00:00+08:00`, reason: "故障" },
    });
    expect(mw.status).toBe(201);
    expect((await t.api("POST", "/api/planning/replan", { as: "planner" })).status).toBe(200);
    const atRisk = (await t.api("GET", `/api/orders/${order.orderNo}`, { as: "sales" })).body;
    expect(atRisk.promise.state).toBe("at_risk");
    expect(atRisk.promise.date).toBe(requested);
    expect(atRisk.promise.plannedDate > requested).toBe(true);
    const tasks = await t.database.db.selectFrom("tasks").selectAll().where("order_no", "=", order.orderNo).execute();
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ assignee_role: "sales", status: "open" });
    expect(tasks[0].title).toContain(atRisk.promise.plannedDate);
    // A second re-plan with the same outcome writes nothing new.
    const events = (await t.database.db.selectFrom("order_events").select("id").where("order_no", "=", order.orderNo).execute()).length;
    await t.api("POST", "/api/planning/replan", { as: "planner" });
    expect((await t.database.db.selectFrom("order_events").select("id").where("order_no", "=", order.orderNo).execute()).length).toBe(events);

    // Sales calls the customer: a date before the plan's is refused, the plan's date is taken.
    const early = await t.api("POST", `/api/orders/${order.orderNo}/promise`, { as: "sales", body: { date: addDays(requested, 1), reason: "客户同意" } });
    expect(early.status).toBe(422);
    const ok = await t.api("POST", `/api/orders/${order.orderNo}/promise`, { as: "sales", body: { date: atRisk.promise.plannedDate, reason: "客户同意延期" } });
    expect(ok.status).toBe(200);
    const after = (await t.api("GET", `/api/orders/${order.orderNo}`, { as: "sales" })).body;
    expect(after.promise).toEqual({ date: atRisk.promise.plannedDate, firstDate: requested, state: "promised", plannedDate: null });
    const history = (await t.api("GET", `/api/orders/${order.orderNo}/promises`, { as: "sales" })).body.history;
    expect(history.map((h: { kind: string }) => h.kind)).toEqual(["at_risk", "reconfirmed"]);
    expect(history[1]).toMatchObject({ actor: "sales", reason: "客户同意延期" });
    await t.api("DELETE", `/api/calendar/maintenance/${mw.body.id}`, { as: "planner" });
  });

  it("a promise that needs a purchase says so, and the plan requests it once for purchasing to confirm", async () => {
    const res = await t.api("POST", "/api/promise", { as: "sales", body: { customer: "C-A1", lines: [{ sku: "PS-100", qty: 300 }] } });
    expect(res.status).toBe(200);
    const chip = res.body.subjectTo.find((c: { sku: string }) => c.sku === "PM-CHIP");
    expect(chip).toMatchObject({ kind: "purchase", leadTimeDays: 20 });
    expect(res.body.explanations.en).toContain(`subject to purchase of ${chip.qty} × PM-CHIP, supplier lead time 20 days`);

    const order = await placeOrder(t, { customer: "C-A1", lines: [{ sku: "PS-100", qty: 300 }] });
    await t.api("POST", "/api/planning/replan", { as: "planner" });
    const listed = await t.api("GET", "/api/planning/purchase-requests", { as: "purchasing" });
    const mine = listed.body.requests.filter((r: { orderNo: string }) => r.orderNo === order.orderNo);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ sku: "PM-CHIP", leadTimeDays: 20 });
    // The next run counts the request as supply: nothing is requested twice.
    await t.api("POST", "/api/planning/replan", { as: "planner" });
    const again = (await t.api("GET", "/api/planning/purchase-requests", { as: "purchasing" })).body.requests;
    expect(again.filter((r: { orderNo: string }) => r.orderNo === order.orderNo)).toHaveLength(1);

    expect(
      (
        await t.api("POST", `/api/planning/purchase-requests/${mine[0].id}/confirm`, {
          as: "sales",
          body: { expectedDate: addDays(today, 15), location: "WH-MAIN" },
        })
      ).status,
    ).toBe(403);
    const bad = await t.api("POST", `/api/planning/purchase-requests/${mine[0].id}/confirm`, {
      as: "purchasing",
      body: { expectedDate: addDays(today, 15), location: "NOPE" },
    });
    expect(bad.status).toBe(400);
    const confirmed = await t.api("POST", `/api/planning/purchase-requests/${mine[0].id}/confirm`, {
      as: "purchasing",
      body: { expectedDate: addDays(today, 15), location: "WH-MAIN" },
    });
    expect(confirmed.status).toBe(200);
    const line = await t.database.db.selectFrom("supply_lines").selectAll().where("id", "=", confirmed.body.supplyLineId).executeTakeFirstOrThrow();
    expect(line).toMatchObject({ sku: "PM-CHIP", expected_date: addDays(today, 15), status: "open", ref: `PR-${mine[0].id}` });
    expect(
      (
        await t.api("POST", `/api/planning/purchase-requests/${mine[0].id}/confirm`, {
          as: "purchasing",
          body: { expectedDate: addDays(today, 15), location: "WH-MAIN" },
        })
      ).status,
    ).toBe(409);
  });
});
