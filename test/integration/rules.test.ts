import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installDefaultRules } from "../../src/rules/install-default-rules.js";
import { inDays, placeOrder, rowCounts, ruleIdByName } from "../support/helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await installDefaultRules(t.database.db);
});
afterAll(() => t?.close());

const order = (body: Record<string, unknown>) => placeOrder(t, body);
const ruleId = (name: string) => ruleIdByName(t, name);

describe("the seed's default rules", () => {
  it("amount over 50,000 and grade A → credit pre-check queued, order held until it answers", async () => {
    const o = await order({ customer: "C-A1", lines: [{ sku: "TT-200", qty: 60 }] }); // 53,940.00
    expect(o.status).toBe("on_hold");
    expect(o.holdReason).toContain("等待外部信用审核");
    expect(o.owner.role).toBe("finance");
    const check = o.actions.find((a: { type: string }) => a.type === "credit_check");
    expect(check).toMatchObject({ rule: "大额A级客户信用预审", status: "queued", ruleVersion: 1 });
    const hold = o.events.at(-1);
    expect(hold).toMatchObject({ from: "confirmed", to: "on_hold", actor: `rule:${check.ruleId}@v1` });
    const outbox = await t.database.db.selectFrom("outbox").selectAll().where("order_no", "=", o.orderNo).execute();
    expect(outbox.map((m) => m.topic)).toEqual(["credit_check"]);
    expect(outbox[0].payload).toMatchObject({ orderNo: o.orderNo, amount: "53940.00", customer: { code: "C-A1" } });
  });

  it("non-standard parameters → engineering review task @ technical director, and no scheduling until it is done", async () => {
    const o = await order({ customer: "C-B1", lines: [{ sku: "PS-100", qty: 2, params: { pressureRating: "10MPa" } }] });
    expect(o.status).toBe("confirmed");
    const tasks = await t.api("GET", "/api/tasks?mine=1", { as: "engineering" });
    const review = tasks.body.tasks.find((x: { orderNo: string; title: string }) => x.orderNo === o.orderNo && x.title.startsWith("工程评审"));
    expect(review).toMatchObject({ assignee: { user: "engineering", role: "engineering" }, mentions: ["engineering"], status: "open" });
    const early = await t.api("POST", `/api/orders/${o.orderNo}/transitions`, { as: "planner", body: { to: "scheduled" } });
    expect(early.status).toBe(422);
    expect(early.body.error.message).toContain("等待工程评审");
    expect((await t.api("POST", `/api/tasks/${review.id}/done`, { as: "sales" })).status).toBe(403);
    expect((await t.api("POST", `/api/tasks/${review.id}/done`, { as: "engineering" })).status).toBe(200);
    const later = await t.api("POST", `/api/orders/${o.orderNo}/transitions`, { as: "planner", body: { to: "scheduled" } });
    expect(later.status).toBe(200);
  });

  it("due in fewer than 7 days → the needed stock is soft-locked with an expiry, never beyond what is available", async () => {
    const before = await t.database.db.selectFrom("inventory_balances").select("reserved").where("sku", "=", "PM-CHIP").executeTakeFirstOrThrow();
    const o = await order({
      customer: "C-B1",
      requestedDate: inDays(3),
      lines: [
        { sku: "PM-CHIP", qty: 100 },
        { sku: "PM-HOUSING", qty: 10 },
      ],
    });
    const reservations = await t.database.db.selectFrom("reservations").selectAll().where("order_no", "=", o.orderNo).orderBy("line_no").execute();
    expect(reservations.map((r) => [r.sku, Number(r.qty), r.kind])).toEqual([
      ["PM-CHIP", 80 - Number(before.reserved), "soft"],
      ["PM-HOUSING", 10, "soft"],
    ]);
    const hours = (reservations[0].expires_at!.getTime() - Date.now()) / 3600_000;
    expect(hours).toBeGreaterThan(47);
    expect(hours).toBeLessThanOrEqual(48);
    const after = await t.database.db.selectFrom("inventory_balances").select(["on_hand", "reserved"]).where("sku", "=", "PM-CHIP").executeTakeFirstOrThrow();
    expect(Number(after.reserved)).toBe(80);
    const log = o.actions.find((a: { type: string }) => a.type === "soft_reserve");
    expect(log.rule).toBe("7天内交期虚拟锁库");
    // Cancelling gives the stock back.
    await t.api("POST", `/api/orders/${o.orderNo}/transitions`, { as: "sales", body: { to: "cancelled", reason: "客户取消" } });
    const released = await t.database.db.selectFrom("inventory_balances").select("reserved").where("sku", "=", "PM-CHIP").executeTakeFirstOrThrow();
    expect(Number(released.reserved)).toBe(Number(before.reserved));
  });

  it("tag T+3 and grade A → top of the production board in red and a red alert to purchasing", async () => {
    const o = await order({ customer: "C-A1", tags: ["T+3"], lines: [{ sku: "TT-200", qty: 1 }] });
    const pins = await t.database.db.selectFrom("order_pins").selectAll().where("order_no", "=", o.orderNo).execute();
    expect(pins.map((p) => [p.board, p.colour])).toEqual([["production", "red"]]); // red wins over the rush rule's orange
    const alerts = await t.database.db.selectFrom("notifications").selectAll().where("order_no", "=", o.orderNo).where("to_role", "=", "purchasing").execute();
    expect(alerts).toHaveLength(1);
    expect(alerts[0].level).toBe("critical");
    expect(o.tags).toContain("加急");
  });

  it("credit limit exceeded → held; only finance can release it, and the release is logged", async () => {
    const o = await order({ customer: "C-C1", lines: [{ sku: "TT-200", qty: 1 }] });
    expect(o.status).toBe("on_hold");
    expect(o.holdReason).toContain("超信用额度");
    const bySales = await t.api("POST", `/api/orders/${o.orderNo}/transitions`, { as: "sales", body: { to: "confirmed" } });
    expect(bySales.status).toBe(403);
    expect(bySales.body.error.message).toContain("finance");
    const byFinance = await t.api("POST", `/api/orders/${o.orderNo}/transitions`, { as: "finance", body: { to: "confirmed", reason: "客户已付款 5 万" } });
    expect(byFinance.status).toBe(200);
    expect(byFinance.body.events.at(-1)).toMatchObject({ actor: "finance", from: "on_hold", to: "confirmed", reason: "客户已付款 5 万" });
  });
});

describe("changing rules at run time", () => {
  it("disabling a rule stops it on the very next order; the older order still names the version that acted", async () => {
    const id = await ruleId("A级客户新单通知客服");
    const first = await order({ customer: "C-A1", lines: [{ sku: "TT-200", qty: 1 }] });
    expect(first.actions.some((a: { ruleId: number }) => a.ruleId === id)).toBe(true);
    const patched = await t.api("PATCH", `/api/rules/${id}`, { body: { enabled: false } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ version: 2, enabled: false });
    expect(patched.body.versions[0]).toMatchObject({ version: 2, createdBy: "admin", diff: { enabled: { from: true, to: false } } });
    const next = await order({ customer: "C-A1", lines: [{ sku: "TT-200", qty: 1 }] });
    expect(next.actions.some((a: { ruleId: number }) => a.ruleId === id)).toBe(false);
    const logged = await t.database.db
      .selectFrom("rule_actions")
      .select("rule_version")
      .where("order_no", "=", first.orderNo)
      .where("rule_id", "=", id)
      .execute();
    expect(logged.map((l) => l.rule_version)).toEqual([1]);
  });

  it("creates a rule that applies at once, and refuses bad rules naming the part at fault", async () => {
    const rule = {
      name: "B级大于3万信用检查(测试)",
      trigger: { event: "order.created" },
      condition: { and: [{ "==": [{ var: "customer.grade" }, "B"] }, { ">": [{ var: "order.amount" }, 30000] }] },
      actions: [{ type: "hold", reason: "B 级大额需审核" }],
    };
    expect((await t.api("POST", "/api/rules", { as: "planner", body: rule })).status).toBe(403);
    const created = await t.api("POST", "/api/rules", { body: rule });
    expect(created.status).toBe(201);
    const o = await order({ customer: "C-B1", lines: [{ sku: "TT-200", qty: 40 }] });
    expect(o.status).toBe("on_hold");
    const bad = async (body: unknown, field: string) => {
      const res = await t.api("POST", "/api/rules", { body });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error.field).toBe(field);
    };
    await bad({ ...rule, name: "x1", condition: { eval: ["1"] } }, "condition");
    await bad({ ...rule, name: "x2", condition: { "==": [{ var: "customer.password" }, "x"] } }, "condition.==[0].var");
    await bad({ ...rule, name: "x3", actions: [{ type: "launch_rocket" }] }, "actions[0].type");
    await bad({ ...rule, name: "x4", actions: [{ type: "notify", channels: ["wecom"], message: "hi" }] }, "actions[0].webhook");
    await bad({ ...rule, name: "x5", trigger: { event: "order.deleted" } }, "trigger.event");
    const dup = await t.api("POST", "/api/rules", { body: rule });
    expect(dup.status).toBe(409);
  });

  it("a dry-run shows what a rule would have matched and done over 30 days, changing nothing", async () => {
    const id = await ruleId("非标参数工程评审");
    const tables = ["orders", "order_events", "tasks", "order_blocks", "rule_actions", "rule_evaluations", "reservations", "outbox", "rule_versions"];
    const count = () => rowCounts(t.database.db, tables);
    const before = await count();
    const res = await t.api("POST", `/api/rules/${id}/dry-run`, { body: { from: inDays(-30), to: inDays(0) } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.matched).toBeGreaterThan(0);
    expect(res.body.matches[0].actions.map((a: { type: string }) => a.type)).toEqual(["create_task", "block_transition"]);
    const draft = await t.api("POST", `/api/rules/${id}/dry-run`, { body: { from: inDays(-30), to: inDays(0), draft: { condition: false } } });
    expect(draft.body.matched).toBe(0);
    expect(await count()).toEqual(before);
  });
});
