import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drainOutbox } from "../../src/core/outbox/drain-outbox.js";
import { OUTBOX_HANDLERS } from "../../src/outbox/handlers.js";
import { installDefaultRules } from "../../src/rules/install-default-rules.js";
import { startCreditProvider } from "../../src/stand-ins/credit-provider.js";
import { startRobotReceiver } from "../../src/stand-ins/robot-receiver.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

let t: TestApp;
let credit: Awaited<ReturnType<typeof startCreditProvider>>;
let robots: Awaited<ReturnType<typeof startRobotReceiver>>;

beforeAll(async () => {
  t = await startTestApp();
  await installDefaultRules(t.database.db);
  credit = await startCreditProvider({ apiKey: "k-test" });
  robots = await startRobotReceiver({ secrets: { dingtalk: { "tok-1": "SEC-1" } } });
  expect(
    (await t.api("PUT", "/api/settings/integrations/default", { body: { kind: "credit", config: { baseUrl: credit.url, apiKey: "k-test", timeoutMs: 2000 } } }))
      .status,
  ).toBe(200);
  await t.api("PUT", "/api/settings/integrations/ding", {
    body: { kind: "robot", config: { channel: "dingtalk", url: robots.urls("dingtalk", "tok-1"), secret: "SEC-1" } },
  });
  await t.api("POST", "/api/rules", {
    body: {
      name: "大单钉钉通知(测试)",
      trigger: { event: "order.created" },
      condition: { ">": [{ var: "order.amount" }, 100000] },
      actions: [{ type: "notify", channels: ["dingtalk"], webhook: "ding", message: "大单 {orderNo} 金额 {amount}" }],
    },
  });
});
afterAll(async () => {
  await robots?.stop();
  await credit?.stop();
  await t?.close();
});

const drainAll = async () => {
  while ((await drainOutbox(t.database.db, OUTBOX_HANDLERS, { backoffMs: 0 })) > 0) {}
};

describe("the outbox delivers after commit", () => {
  it("a credit pre-check approved by the provider lifts the hold and resumes the order", async () => {
    const created = await t.api("POST", "/api/orders", { as: "sales", body: { customer: "C-A1", lines: [{ sku: "TT-200", qty: 60 }] } });
    expect(created.body.status).toBe("on_hold");
    await drainAll();
    expect(credit.requests.at(-1)).toMatchObject({ body: { order: { orderNo: created.body.orderNo, amount: "53940.00" } } });
    const order = await t.api("GET", `/api/orders/${created.body.orderNo}`);
    expect(order.body.status).toBe("confirmed");
    expect(order.body.events.at(-1)).toMatchObject({ actor: "credit:default", from: "on_hold", to: "confirmed" });
    const action = await t.database.db
      .selectFrom("rule_actions")
      .selectAll()
      .where("order_no", "=", created.body.orderNo)
      .where("type", "=", "credit_check")
      .executeTakeFirstOrThrow();
    expect(action.status).toBe("done");
    expect(action.detail).toMatchObject({ decision: "approved" });
  });

  it("sends the robot message in DingTalk's signed format", async () => {
    const created = await t.api("POST", "/api/orders", { as: "sales", body: { customer: "C-B1", lines: [{ sku: "TT-200", qty: 150 }] } });
    await drainAll();
    const got = robots.received.find((m) => JSON.stringify(m.body).includes(created.body.orderNo));
    expect(got).toMatchObject({ channel: "dingtalk", token: "tok-1", body: { msgtype: "text" } });
  });

  it("a webhook that is down leaves the order intact; the message is retried, then marked failed with the error", async () => {
    robots.setMode("error5xx");
    const created = await t.api("POST", "/api/orders", { as: "sales", body: { customer: "C-B1", lines: [{ sku: "TT-200", qty: 200 }] } });
    expect(created.status).toBe(201);
    expect(created.body.status).toBe("confirmed");
    await drainOutbox(t.database.db, OUTBOX_HANDLERS, { backoffMs: 0 });
    const pending = await t.database.db.selectFrom("outbox").selectAll().where("order_no", "=", created.body.orderNo).executeTakeFirstOrThrow();
    expect(pending).toMatchObject({ status: "pending", attempts: 1 });
    expect(pending.last_error).toBeTruthy();
    await drainAll();
    const failed = await t.database.db.selectFrom("outbox").selectAll().where("order_no", "=", created.body.orderNo).executeTakeFirstOrThrow();
    expect(failed).toMatchObject({ status: "failed", attempts: 5 });
    const action = await t.database.db.selectFrom("rule_actions").selectAll().where("id", "=", failed.rule_action_id!).executeTakeFirstOrThrow();
    expect(action.status).toBe("failed");
    expect(action.error).toBe(failed.last_error);
    const order = await t.api("GET", `/api/orders/${created.body.orderNo}`);
    expect(order.body.status).toBe("confirmed");
    robots.setMode("ok");
  });

  it("an unconfigured webhook fails at once, visibly", async () => {
    await t.database.db.deleteFrom("integration_settings").where("name", "=", "ding").execute();
    const created = await t.api("POST", "/api/orders", { as: "sales", body: { customer: "C-B1", lines: [{ sku: "TT-200", qty: 120 }] } });
    await drainAll();
    const failed = await t.database.db.selectFrom("outbox").selectAll().where("order_no", "=", created.body.orderNo).executeTakeFirstOrThrow();
    expect(failed).toMatchObject({ status: "failed", attempts: 1 });
    expect(failed.last_error).toContain("not configured");
  });

  it("hides secrets when settings are read back", async () => {
    const res = await t.api("GET", "/api/settings/integrations");
    expect(JSON.stringify(res.body)).not.toContain("k-test");
    expect((await t.api("GET", "/api/settings/integrations", { as: "sales" })).status).toBe(403);
  });
});
