// The rule execution rate and the status agreement per week and per month, on the hand-built history of
// test/fixtures/outcome-history.ts: a rule whose evaluations of that history are run through the rule
// engine at chosen instants (runHandRules), and two orders made to disagree. Each figure is worked out
// by hand below.
import { beforeAll, describe, expect, it } from "vitest";
import { outcomeAppWithHistory, runHandRules } from "../fixtures/outcome-history.js";
import type { TestApp } from "../support/test-app.js";

const app = outcomeAppWithHistory(runHandRules);
let t: TestApp;
beforeAll(() => {
  t = app.t;
});

const PERIOD = "from=2026-03-02&to=2026-03-15";

describe("rule execution rate per bucket", () => {
  it("counts each week's evaluations, expected and actual firings, as the period's figure does", async () => {
    const weeks = await t.api("GET", `/api/metrics/outcomes/trends?${PERIOD}&by=week`, { as: "sales" });
    expect(weeks.status).toBe(200);
    expect(weeks.body.ruleExecution).toEqual([
      { bucket: "2026-W10", evaluations: 2, shouldHaveMatched: 1, matched: 1, executionRate: 1, successRate: 1 },
      // 0309 (07:00 plant time), 0220 fired and failed, 0220's missed copy.
      { bucket: "2026-W11", evaluations: 3, shouldHaveMatched: 2, matched: 1, executionRate: 0.5, successRate: 0 },
    ]);
    const months = await t.api("GET", `/api/metrics/outcomes/trends?${PERIOD}&by=month`);
    expect(months.body.ruleExecution).toEqual([
      { bucket: "2026-03", evaluations: 5, shouldHaveMatched: 3, matched: 2, executionRate: expect.closeTo(2 / 3, 10), successRate: 0.5 },
    ]);
    // The buckets add up to the period's figure.
    const period = await t.api("GET", `/api/metrics/outcomes?${PERIOD}`);
    expect(period.body.ruleExecution).toMatchObject({ evaluations: 5, shouldHaveMatched: 3, matched: 2, successRate: 0.5 });
    expect(period.body.ruleExecution.executionRate).toBeCloseTo(2 / 3, 10);
    // Around a pivot, each half is its weeks' figure (the halves come from the period's log, read once).
    const halves = await t.api("GET", `/api/metrics/outcomes?${PERIOD}&pivot=2026-03-09`);
    const { before, after, changes } = halves.body.comparison;
    expect([before.ruleExecutionRate, before.ruleSuccessRate, after.ruleExecutionRate, after.ruleSuccessRate]).toEqual([1, 1, 0.5, 0]);
    expect(changes.ruleExecutionRate).toEqual({ delta: -0.5, relative: -0.5 });
    expect(halves.body.ruleExecution).toMatchObject({ evaluations: 5, shouldHaveMatched: 3, matched: 2 });
  });
});

describe("status agreement per bucket of order creation", () => {
  it("counts the orders created in each bucket and those of them that disagree now", async () => {
    const healthy = await t.api("GET", `/api/metrics/outcomes/trends?${PERIOD}&by=week`);
    // W10: 0302, 0303. W11: 0309, 0310, 0311. 0220 was created in February.
    expect(healthy.body.agreement).toEqual([
      { bucket: "2026-W10", orders: 2, disagreeing: 0, agreementRate: 1 },
      { bucket: "2026-W11", orders: 3, disagreeing: 0, agreementRate: 1 },
    ]);
    const db = t.database.db;
    // 0310 set to shipped behind its log's back (two causes: event log and no shipment); cancelled 0311 holds stock.
    await db.updateTable("orders").set({ status: "shipped" }).where("order_no", "=", "DH20260310001").execute();
    await db
      .insertInto("reservations")
      .values({ order_no: "DH20260311001", line_no: 1, sku: "PM-CHIP", location: "WH-MAIN", qty: "5", kind: "soft", expires_at: null, rule_id: null })
      .execute();
    const weeks = await t.api("GET", `/api/metrics/outcomes/trends?${PERIOD}&by=week`);
    expect(weeks.body.agreement).toEqual([
      { bucket: "2026-W10", orders: 2, disagreeing: 0, agreementRate: 1 },
      { bucket: "2026-W11", orders: 3, disagreeing: 2, agreementRate: 0.3333 },
    ]);
    const months = await t.api("GET", `/api/metrics/outcomes/trends?${PERIOD}&by=month`);
    expect(months.body.agreement).toEqual([{ bucket: "2026-03", orders: 5, disagreeing: 2, agreementRate: 0.6 }]);
    const figure = await t.api("GET", `/api/metrics/outcomes?${PERIOD}`);
    expect(figure.body.agreement.disagreements).toBe(3);
    // A point drills down to the disagreements of the orders created in its days.
    const w11 = await t.api("GET", "/api/metrics/outcomes/disagreements?from=2026-03-09&to=2026-03-15");
    expect(w11.body.disagreements.map((d: { orderNo: string; cause: string }) => [d.orderNo, d.cause])).toEqual([
      ["DH20260310001", "event_log"],
      ["DH20260310001", "shipment_missing"],
      ["DH20260311001", "reservations"],
    ]);
    const w10 = await t.api("GET", "/api/metrics/outcomes/disagreements?from=2026-03-02&to=2026-03-08");
    expect(w10.body.disagreements).toEqual([]);
    const oneDay = await t.api("GET", "/api/metrics/outcomes/disagreements?from=2026-03-11&cause=reservations");
    expect(oneDay.body.disagreements.map((d: { orderNo: string }) => d.orderNo)).toEqual(["DH20260311001"]);
  });
});
