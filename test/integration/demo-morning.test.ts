// A fresh demo opens on a working morning: the orders taken in through intake leave work for every role —
// holds with reasons, an engineering review queue, pinned rush orders, open tasks for each business role.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { takeMorningOrders } from "../../src/demo/take-morning-orders.js";
import { installDefaultRules } from "../../src/rules/install-default-rules.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await installDefaultRules(t.database.db);
});
afterAll(() => t?.close());

describe("the demo morning", () => {
  it("takes its orders in through intake and leaves each role work on its board", async () => {
    const summary = await takeMorningOrders(t.database.db);
    // The small test plant has four customers (A, B, C over its limit, D) and two finished items: a T+3
    // rush for A, more than C's credit, non-standard parameters for B, a standard order for D.
    expect(summary).toMatchObject({ orders: 4, held: 1, reviews: 1, pinned: 1 });
    const held = (await t.api("GET", "/api/orders?status=on_hold", { as: "finance" })).body.orders;
    expect(held.map((o: { holdReason: string }) => o.holdReason)).toEqual(["超信用额度"]);
    for (const role of ["sales", "service", "warehouse", "engineering", "finance"] as const) {
      const board = await t.api("GET", `/api/dashboards/${role}`, { as: role });
      expect(board.status).toBe(200);
      expect(board.body.tasks.total, role).toBeGreaterThan(0);
      expect(summary.tasksByRole[role], role).toBe(board.body.tasks.total);
    }
    // Every task names an order that exists, and says who left it.
    const tasks = await t.database.db.selectFrom("tasks").select(["title", "order_no", "created_by", "assignee_role"]).execute();
    for (const task of tasks) expect((await t.api("GET", `/api/orders/${task.order_no}`)).status, task.title).toBe(200);
    expect(tasks.find((x) => x.assignee_role === "warehouse")).toMatchObject({
      created_by: "planner",
      title: expect.stringMatching(/^加急备货：DH\d+（苏州恒锐机电有限公司）交期 /),
    });
  });
});
