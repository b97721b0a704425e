import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drainOutbox } from "../../src/core/outbox/drain-outbox.js";
import { OUTBOX_HANDLERS } from "../../src/outbox/handlers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await t.database.db.updateTable("customers").set({ contact_name: "陈工", contact_phone: "13800000000" }).where("code", "=", "C-B1").execute();
});
afterAll(() => t?.close());

describe("a rule sends the customer's status link", () => {
  it("on shipping: a link is made with the transition, and service is told the URL and whom to send it to", async () => {
    const rule = await t.api("POST", "/api/rules", {
      body: {
        name: "发货后发送进度链接",
        trigger: { event: "order.transition", to: ["shipped"] },
        condition: { "==": [1, 1] },
        actions: [{ type: "send_status_link", expiresInDays: 14 }],
      },
    });
    expect(rule.status, JSON.stringify(rule.body)).toBe(201);
    const created = await t.api("POST", "/api/orders", { as: "sales", body: { customer: "C-B1", lines: [{ sku: "TT-200", qty: 1 }] } });
    const no = created.body.orderNo;
    for (const [to, as] of [
      ["scheduled", "planner"],
      ["in_production", "planner"],
      ["ready", "planner"],
      ["shipped", "warehouse"],
    ] as const) {
      expect((await t.api("POST", `/api/orders/${no}/transitions`, { as, body: { to } })).status).toBe(200);
    }
    const view = await t.api("GET", `/api/orders/${no}`, { as: "service" });
    expect(view.body.statusLink).not.toBeNull();
    const days = (Date.parse(view.body.statusLink.expiresAt) - Date.now()) / 86_400_000;
    expect(Math.round(days)).toBe(14);
    const action = await t.database.db
      .selectFrom("rule_actions")
      .selectAll()
      .where("order_no", "=", no)
      .where("type", "=", "send_status_link")
      .executeTakeFirstOrThrow();
    expect(action.status).toBe("queued");

    while ((await drainOutbox(t.database.db, OUTBOX_HANDLERS, { backoffMs: 0 })) > 0) {}
    const note = await t.database.db
      .selectFrom("notifications")
      .selectAll()
      .where("order_no", "=", no)
      .where("to_role", "=", "service")
      .executeTakeFirstOrThrow();
    const path = new URL(view.body.statusLink.url).pathname;
    expect(note.message).toContain(path);
    expect(note.message).toContain("陈工 13800000000");
    const done = await t.database.db.selectFrom("rule_actions").select(["status", "detail"]).where("id", "=", action.id).executeTakeFirstOrThrow();
    expect(done.status).toBe("done");

    const page = await fetch(`${t.url}${path}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('data-status="shipped"');
  });

  it("a rule naming an unknown robot fails visibly on the action, and the link itself still works", async () => {
    await t.api("POST", "/api/rules", {
      body: {
        name: "送达后机器人发链接",
        trigger: { event: "order.transition", to: ["in_production"] },
        condition: { "==": [1, 1] },
        actions: [{ type: "send_status_link", webhook: "nowhere" }],
      },
    });
    const created = await t.api("POST", "/api/orders", { as: "sales", body: { customer: "C-A1", lines: [{ sku: "TT-200", qty: 1 }] } });
    const no = created.body.orderNo;
    await t.api("POST", `/api/orders/${no}/transitions`, { as: "planner", body: { to: "scheduled" } });
    await t.api("POST", `/api/orders/${no}/transitions`, { as: "planner", body: { to: "in_production" } });
    while ((await drainOutbox(t.database.db, OUTBOX_HANDLERS, { backoffMs: 0 })) > 0) {}
    const action = await t.database.db
      .selectFrom("rule_actions")
      .selectAll()
      .where("order_no", "=", no)
      .where("type", "=", "send_status_link")
      .executeTakeFirstOrThrow();
    expect(action.status).toBe("failed");
    expect(action.error).toContain('"nowhere" is not configured');
    const view = await t.api("GET", `/api/orders/${no}`);
    expect((await fetch(`${t.url}${new URL(view.body.statusLink.url).pathname}`)).status).toBe(200);
  });
});
