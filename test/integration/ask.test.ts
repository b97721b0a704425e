// The query box over a real database: the promise is never the requested date, per-customer questions
// answer for that customer (by code or by the short name people say), unknown questions say what to ask.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inDays, placeOrder } from "../support/helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

let t: TestApp;
const orders: Record<string, string> = {};
const ask = async (text: string, as: "sales" | "service" = "service") => {
  const res = await t.api("POST", "/api/ask", { as, body: { text } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { intent: string; answer: string };
};

beforeAll(async () => {
  t = await startTestApp();
  const line = [{ sku: "TT-200", qty: 1 }];
  orders.a1 = (await placeOrder(t, { customer: "C-A1", requestedDate: inDays(20), lines: line })).orderNo;
  orders.a1late = (await placeOrder(t, { customer: "C-A1", requestedDate: inDays(20), lines: line })).orderNo;
  orders.b1 = (await placeOrder(t, { customer: "C-B1", requestedDate: inDays(20), lines: line })).orderNo;
  orders.b1late = (await placeOrder(t, { customer: "C-B1", requestedDate: inDays(20), lines: line })).orderNo;
  // The plant promised a1 later than asked; time passes: two promises fall behind today; b1 has no promise yet.
  await t.database.db
    .updateTable("orders")
    .set({ promised_date: sql`${inDays(25)}::date` })
    .where("order_no", "=", orders.a1)
    .execute();
  await t.database.db
    .updateTable("orders")
    .set({ promised_date: sql`${inDays(-2)}::date` })
    .where("order_no", "in", [orders.a1late, orders.b1late])
    .execute();
  await t.database.db.updateTable("orders").set({ promised_date: null }).where("order_no", "=", orders.b1).execute();
});
afterAll(() => t?.close());

describe("the query box's answers", () => {
  it("says the promised date as promised, and a requested date never as a promise", async () => {
    const promised = (await t.api("GET", `/api/orders/${orders.a1}`)).body.promise.date as string;
    expect(promised).toBe(inDays(25));
    expect((await ask(`查订单${orders.a1}状态`)).answer).toContain(`承诺交期 ${promised}`);
    const none = await ask(`查订单${orders.b1}状态`);
    expect(none.answer).toContain(`尚未承诺交期（客户要求 ${inDays(20)}）`);
    expect(none.answer).not.toContain("承诺交期 ");
    expect((await ask(`status of ${orders.b1}`)).answer).toContain(`no promise yet (the customer asked for ${inDays(20)})`);
  });

  it("answers a customer's overdue orders for that customer only, by code or by short name", async () => {
    const all = await ask("哪些订单逾期");
    expect(all.answer).toMatch(/^有 2 个未完成订单已过交期/);
    const a1 = await ask("C-A1有几个订单逾期");
    expect(a1).toMatchObject({ intent: "overdue", answer: `苏州恒锐机电有限公司（C-A1）有 1 个未完成订单已过交期，最早的是：${orders.a1late}。` });
    const b1 = await ask("无锡华光有逾期的订单吗");
    expect(b1.answer).toBe(`无锡华光仪表有限责任公司（C-B1）有 1 个未完成订单已过交期，最早的是：${orders.b1late}。`);
    expect((await ask("常州精测自动化逾期订单")).answer).toBe("常州精测自动化有限公司（C-C1）没有逾期的未完成订单。");
  });

  it("answers 'a customer's orders' with its open orders by stage, the late ones and the next promise", async () => {
    const promised = (await t.api("GET", `/api/orders/${orders.a1}`)).body.promise.date as string;
    const byName = await ask("苏州恒锐的订单");
    expect(byName).toMatchObject({ intent: "customer_orders" });
    expect(byName.answer).toBe(`苏州恒锐机电有限公司（C-A1）有 2 个未完成订单（已确认 2），其中 1 个已逾期。最近的承诺交期：${orders.a1}，${promised}。`);
    const en = await ask("orders of c-b1");
    expect(en.answer).toBe("无锡华光仪表有限责任公司 (C-B1) has 2 open orders (2 confirmed); 1 past due.");
    expect((await ask("C-Z9的订单")).answer).toBe("没有找到客户C-Z9，请核对客户编码。");
    expect((await ask("今天苏州恒锐下了多少单", "sales")).answer).toBe("苏州恒锐机电有限公司（C-A1）今天已接 2 单。");
  });

  it("tells an unknown question what can be asked", async () => {
    const res = await ask("明天会下雨吗");
    expect(res.intent).toBe("unknown");
    expect(res.answer).toContain("可以问");
    expect(res.answer).toContain("C0003有几个订单逾期");
  });
});
