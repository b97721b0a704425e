import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plantDay } from "../../src/orders/model/numbering.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

const today = plantDay(new Date());

describe("rule execution rate, from the logs", () => {
  it("counts should-have-matched, matched, succeeded and failed per rule, and lists failures", async () => {
    const created = await t.api("POST", "/api/rules", {
      body: {
        name: "B级订单提醒(测试)",
        trigger: { event: "order.created" },
        condition: { "==": [{ var: "customer.grade" }, "B"] },
        actions: [{ type: "add_tag", tag: "B" }],
      },
    });
    const id = created.body.id as number;
    const matching = await t.api("POST", "/api/orders", { as: "sales", body: { customer: "C-B1", lines: [{ sku: "TT-200", qty: 1 }] } });
    await t.api("POST", "/api/orders", { as: "sales", body: { customer: "C-B1", lines: [{ sku: "TT-200", qty: 2 }] } });
    await t.api("POST", "/api/orders", { as: "sales", body: { customer: "C-A1", lines: [{ sku: "TT-200", qty: 1 }] } });
    // A missed firing: an evaluation whose facts match, logged without the rule.
    const logged = await t.database.db.selectFrom("rule_evaluations").selectAll().where("order_no", "=", matching.body.orderNo).executeTakeFirstOrThrow();
    await t.database.db
      .insertInto("rule_evaluations")
      .values({ order_no: matching.body.orderNo, trigger: "order.created", revision: 0, facts: JSON.stringify(logged.facts), matched: "[]" })
      .execute();
    // One of the actions failed.
    await t.database.db.updateTable("rule_actions").set({ status: "failed", error: "boom" }).where("order_no", "=", matching.body.orderNo).execute();

    const res = await t.api("GET", `/api/rules/execution-rate?from=${today}&to=${today}`, { as: "planner" });
    expect(res.status).toBe(200);
    const rate = res.body.rules.find((r: { ruleId: number }) => r.ruleId === id);
    expect(rate).toMatchObject({
      shouldHaveMatched: 3,
      matched: 2,
      matchedAsExpected: 2,
      unexpected: 0,
      succeeded: 1,
      failed: 1,
      executionRate: 0.6667,
      successRate: 0.5,
    });
    expect(rate.failures).toEqual([{ orderNo: matching.body.orderNo, type: "add_tag", error: "boom" }]);
    expect(res.body.evaluations).toBe(4);
  });

  it("a disabled rule is not expected to match", async () => {
    const created = await t.api("POST", "/api/rules", {
      body: { name: "停用测试", trigger: { event: "order.created" }, condition: true, enabled: false, actions: [{ type: "add_tag", tag: "x" }] },
    });
    await t.api("POST", "/api/orders", { as: "sales", body: { customer: "C-A1", lines: [{ sku: "TT-200", qty: 1 }] } });
    const res = await t.api("GET", `/api/rules/execution-rate?from=${today}&to=${today}`);
    const rate = res.body.rules.find((r: { ruleId: number }) => r.ruleId === created.body.id);
    expect(rate).toMatchObject({ shouldHaveMatched: 0, matched: 0, executionRate: null });
  });
});
