// The probe's smaller findings, each refused now: a rule silently disabled by `condition: null`, a
// no-op PATCH writing a version, a dry-run over a backwards range, an order line given away at 0.00,
// and robot webhooks / credit providers at `javascript:` or `file:` URLs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inDays, rowCounts } from "../support/helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

let t: TestApp;
let ruleId: number;
const rule = {
  name: "大额审核(安全测试)",
  trigger: { event: "order.created" },
  condition: { and: [{ "==": [{ var: "customer.grade" }, "B"] }, { ">": [{ var: "order.amount" }, 30000] }] },
  actions: [
    { type: "hold", reason: "大额需审核" },
    { type: "add_tag", tag: "审核" },
  ],
};
beforeAll(async () => {
  t = await startTestApp();
  const created = await t.api("POST", "/api/rules", { body: rule });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  ruleId = created.body.id;
});
afterAll(() => t?.close());

const versions = async () => (await t.database.db.selectFrom("rule_versions").select("version").where("rule_id", "=", ruleId).execute()).map((v) => v.version);

describe("rules", () => {
  it.each([null, 0, "true", []])("refuses condition %j (it would never match, silently) and keeps the rule as it was", async (condition) => {
    const res = await t.api("PATCH", `/api/rules/${ruleId}`, { body: { condition } });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.field).toBe("condition");
    expect(await versions()).toEqual([1]);
    const created = await t.api("POST", "/api/rules", { body: { ...rule, name: "空条件", condition } });
    expect(created.status).toBe(400);
  });

  it("writes no version for a PATCH that changes nothing (the whole rule sent back, keys in another order)", async () => {
    const reordered = {
      actions: rule.actions.map((a) => Object.fromEntries(Object.entries(a).reverse())),
      condition: { and: [...rule.condition.and] },
      trigger: { event: "order.created" },
      name: rule.name,
      enabled: true,
    };
    for (const body of [reordered, { enabled: true }, { name: rule.name }]) {
      const res = await t.api("PATCH", `/api/rules/${ruleId}`, { body });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.version).toBe(1);
    }
    expect(await versions()).toEqual([1]);
    const changed = await t.api("PATCH", `/api/rules/${ruleId}`, { body: { priority: 5 } });
    expect(changed.body.version).toBe(2);
  });

  it("refuses a dry-run whose end is before its start", async () => {
    const res = await t.api("POST", `/api/rules/${ruleId}/dry-run`, { body: { from: inDays(0), to: inDays(-30) } });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error).toMatchObject({ field: "to", reason: "rule.range_order" });
    const same = await t.api("POST", `/api/rules/${ruleId}/dry-run`, { body: { from: inDays(0), to: inDays(0) } });
    expect(same.status).toBe(200);
  });
});

describe("order prices", () => {
  it("refuses a line priced at 0.00 against a list price, and the preview says so; a discount goes through", async () => {
    const before = await rowCounts(t.database.db, ["orders", "order_lines"]);
    for (const unitPrice of ["0", "0.00"]) {
      const res = await t.api("POST", "/api/orders", { as: "sales", body: { customer: "C-B1", lines: [{ sku: "TT-200", qty: 5, unitPrice }] } });
      expect(res.status, JSON.stringify(res.body)).toBe(422);
      expect(res.body.error).toMatchObject({ reason: "order.zero_price", field: "lines[0].unitPrice" });
    }
    const preview = await t.api("POST", "/api/orders/preview", { as: "sales", body: { customer: "C-B1", lines: [{ sku: "TT-200", qty: 5, unitPrice: "0" }] } });
    expect(preview.body).toMatchObject({ accepted: false, refusal: { reason: "order.zero_price", field: "lines[0].unitPrice" } });
    expect(await rowCounts(t.database.db, ["orders", "order_lines"])).toEqual(before);
    const discounted = await t.api("POST", "/api/orders", { as: "sales", body: { customer: "C-B1", lines: [{ sku: "TT-200", qty: 1, unitPrice: "1.00" }] } });
    expect(discounted.status, JSON.stringify(discounted.body)).toBe(201);
  });
});

describe("promise re-confirmation", () => {
  // Found by the fuzz test: a date shaped YYYY-MM-DD but not on any calendar answered 500.
  it("refuses a date that is not on the calendar, naming the field, and writes nothing", async () => {
    const order = await t.api("POST", "/api/orders", { as: "sales", body: { customer: "C-B1", lines: [{ sku: "TT-200", qty: 1 }] } });
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    const before = await rowCounts(t.database.db, ["orders", "order_events"]);
    for (const date of ["9033-90-73", "2027-02-30"]) {
      const res = await t.api("POST", `/api/orders/${order.body.orderNo}/promise`, { as: "sales", body: { date, reason: "客户同意" } });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error.field).toBe("date");
    }
    expect(await rowCounts(t.database.db, ["orders", "order_events"])).toEqual(before);
  });
});

describe("version numbers", () => {
  it("refuses a version number past the column's range with 400 naming it, not a database error", async () => {
    const items = await t.api("GET", "/api/items/TT-200/diff?kind=bom&from=2147483648&to=1", { as: "engineering" });
    expect(items.status, JSON.stringify(items.body)).toBe(400);
    expect(items.body.error.field).toContain("from");
    const quotes = await t.api("GET", "/api/quotes/BJ20260101001/diff?from=1&to=2147483648", { as: "sales" });
    expect(quotes.status, JSON.stringify(quotes.body)).toBe(400);
    expect(quotes.body.error.field).toContain("to");
  });
});

describe("integration URLs", () => {
  it.each(["javascript:alert(1)", "file:///etc/passwd", "ftp://files.example.com/x", "data:text/html,hi"])(
    "refuses %s for a robot and a credit provider",
    async (url) => {
      const robot = await t.api("PUT", "/api/settings/integrations/robot-x", { body: { kind: "robot", config: { channel: "wecom", url } } });
      expect(robot.status).toBe(400);
      expect(robot.body.error.field).toMatch(/url/);
      const credit = await t.api("PUT", "/api/settings/integrations/credit-x", { body: { kind: "credit", config: { baseUrl: url, apiKey: "k" } } });
      expect(credit.status).toBe(400);
      expect(await t.database.db.selectFrom("integration_settings").select("name").where("name", "in", ["robot-x", "credit-x"]).execute()).toEqual([]);
    },
  );

  it("accepts http and https", async () => {
    const ok = await t.api("PUT", "/api/settings/integrations/robot-y", {
      body: { kind: "robot", config: { channel: "wecom", url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc" } },
    });
    expect(ok.status).toBe(200);
  });
});

describe("invoice export ids", () => {
  it("refuses an id past int4 with 400 on ids (the fuzz test found a 500)", async () => {
    const res = await t.api("GET", "/api/invoice-requests/export?ids=12,869999999999999999999574", { as: "finance" });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe("ids");
  });
});
