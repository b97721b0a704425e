import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plantDay } from "../../src/orders/model/numbering.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

let t: TestApp;
const inDays = (n: number) => plantDay(new Date(Date.now() + n * 86_400_000));
const create = async (customer: string, qty = 1) => {
  const res = await t.api("POST", "/api/orders", { as: "sales", body: { customer, requestedDate: inDays(10), lines: [{ sku: "TT-200", qty }] } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.orderNo as string;
};
const move = async (orderNo: string, path: [string, "planner" | "warehouse"][]) => {
  for (const [to, as] of path) {
    const res = await t.api("POST", `/api/orders/${orderNo}/transitions`, { as, body: { to } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
};
const toReady: [string, "planner" | "warehouse"][] = [
  ["scheduled", "planner"],
  ["in_production", "planner"],
  ["ready", "warehouse"],
];

let shipped: string;
let ready: string;
beforeAll(async () => {
  t = await startTestApp();
  shipped = await create("C-B1");
  await move(shipped, [...toReady, ["shipped", "warehouse"], ["delivered", "warehouse"]]);
  ready = await create("C-A1", 2);
  await move(ready, toReady);
  await create("C-A1");
});
afterAll(() => t?.close());

describe("GET /api/dashboards/:role", () => {
  it("is for that role and admin only, and names a bad role", async () => {
    expect((await t.api("GET", "/api/dashboards/sales", { as: "warehouse" })).status).toBe(403);
    expect((await t.api("GET", "/api/dashboards/sales", { as: "admin" })).status).toBe(200);
    const bad = await t.api("GET", "/api/dashboards/pilot", { as: "admin" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe("role");
  });

  it("sales: each customer's delivery health, worst first, with credit headroom", async () => {
    const res = await t.api("GET", "/api/dashboards/sales", { as: "sales" });
    expect(res.status).toBe(200);
    expect(res.body.acceptableToday.families.length).toBeGreaterThan(0);
    const b1 = res.body.customers.find((c: { code: string }) => c.code === "C-B1");
    expect(b1).toMatchObject({ delivered: 1, onTime: 1, onTimeRate: 1, open: 0, overdue: 0, creditHeadroom: "500000.00", score: 100, band: "good" });
    const a1 = res.body.customers.find((c: { code: string }) => c.code === "C-A1");
    expect(a1).toMatchObject({ open: 2, onTimeRate: null, openAmount: "2697.00", creditHeadroom: "1847303.00" });
    // C-C1 owes more than its limit: no credit room, the lowest score.
    expect(res.body.customers[0]).toMatchObject({ code: "C-C1", creditHeadroom: "-20000.00" });
  });

  it("warehouse: ready orders grouped into pick waves by date and region", async () => {
    const res = await t.api("GET", "/api/dashboards/warehouse", { as: "warehouse" });
    expect(res.status).toBe(200);
    const orders = res.body.waves.flatMap((w: { orders: { orderNo: string }[] }) => w.orders.map((o) => o.orderNo));
    expect(orders).toEqual([ready]);
    expect(res.body.waves[0].date).toBe(inDays(10));
  });

  it("planner, service, purchasing, admin, engineering and finance boards answer with their figures", async () => {
    const planner = await t.api("GET", "/api/dashboards/planner", { as: "planner" });
    expect(planner.body.toSchedule.map((o: { status: string }) => o.status)).toEqual(["confirmed"]);
    const service = await t.api("GET", "/api/dashboards/service", { as: "service" });
    expect(service.body.statusCounts).toMatchObject({ delivered: 1, ready: 1, confirmed: 1 });
    const admin = await t.api("GET", "/api/dashboards/admin", { as: "admin" });
    expect(admin.body.users.map((u: { username: string }) => u.username)).toContain("planner");
    for (const role of ["purchasing", "engineering", "finance"] as const) {
      const res = await t.api("GET", `/api/dashboards/${role}`, { as: role });
      expect(res.status, role).toBe(200);
      expect(res.body.tasks.total).toBe(0);
    }
  });
});

describe("POST /api/ask", () => {
  it("names an order's stage and the people responsible, in the question's language", async () => {
    const zh = await t.api("POST", "/api/ask", { as: "service", body: { text: `查订单${ready}状态` } });
    expect(zh.status).toBe(200);
    expect(zh.body).toMatchObject({ intent: "order_status", orderNo: ready, status: "ready", stage: "待发货", owner: "孙仓管（仓库）" });
    expect(zh.body.answer).toContain("待发货");
    const en = await t.api("POST", "/api/ask", { as: "service", body: { text: `where is ${ready.toLowerCase()}?` } });
    expect(en.body).toMatchObject({ stage: "ready to ship", owner: "孙仓管 (warehouse)" });
  });

  it("says so when the order does not exist, and answers the other questions from the data", async () => {
    const missing = await t.api("POST", "/api/ask", { as: "service", body: { text: "DH20200101999到哪了" } });
    expect(missing.body).toMatchObject({ orderNo: "DH20200101999", stage: null, owner: null });
    expect(missing.body.answer).toContain("没有找到");
    const today = await t.api("POST", "/api/ask", { as: "sales", body: { text: "今天接了多少单" } });
    expect(today.body.intent).toBe("orders_today");
    expect(today.body.answer).toBe("今天已接 3 单。");
    // Shortages are for planning's readers (as GET /api/planning/shortages): sales is told so.
    const short = await t.api("POST", "/api/ask", { as: "sales", body: { text: "which materials are short?" } });
    expect(short.body).toMatchObject({ intent: "shortages", answer: "Only planner, purchasing may see this; your role cannot." });
  });

  it("refuses an empty question naming the field", async () => {
    const res = await t.api("POST", "/api/ask", { as: "sales", body: { text: "  " } });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe("text");
  });
});
