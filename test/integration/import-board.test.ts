// "Done when" 3 of issue 6: imported legacy orders count in the sales board's customer health scores,
// alongside live orders, with the same 365-day window and the same on-time rule (delivered by the due day).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plantDay } from "../../src/orders/model/numbering.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { upload, workbook } from "../support/workbooks.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

const day = (n: number) => plantDay(new Date(Date.now() + n * 86_400_000));
type BoardCustomer = {
  code: string;
  name: string;
  delivered: number;
  onTime: number;
  onTimeRate: number | null;
  creditLimit: string;
  creditHeadroom: string;
  score: number;
};
const board = async () => (await t.api("GET", "/api/dashboards/sales", { as: "sales" })).body.customers as BoardCustomer[];

describe("imported history on the sales board", () => {
  it("counts each customer's legacy deliveries in its on-time rate, order count and score", async () => {
    // One live order of C-B1, delivered today ahead of its requested date: on time.
    const live = await t.api("POST", "/api/orders", { as: "sales", body: { customer: "C-B1", requestedDate: day(10), lines: [{ sku: "TT-200", qty: 1 }] } });
    for (const [to, as] of [
      ["scheduled", "planner"],
      ["in_production", "planner"],
      ["ready", "warehouse"],
      ["shipped", "warehouse"],
      ["delivered", "warehouse"],
    ] as const) {
      expect((await t.api("POST", `/api/orders/${live.body.orderNo}/transitions`, { as, body: { to } })).status).toBe(200);
    }
    const before = (await board()).find((c) => c.code === "C-B1");
    expect(before).toMatchObject({ delivered: 1, onTime: 1, onTimeRate: 1 });

    const header = ["订单号", "客户编码", "客户名称", "下单日期", "交货日期", "实际交货日期", "金额", "状态"];
    const rows = [
      ["H1", "C-B1", "", day(-100), day(-90), day(-91), "100", "已交货"], // on time
      ["H2", "C-B1", "", day(-80), day(-70), day(-70), "100", "已交货"], // on time, on the day
      ["H3", "C-B1", "", day(-60), day(-50), day(-45), "100", "已交货"], // late
      ["H4", "C-B1", "", day(-40), day(-30), day(-29), "100", "已交货"], // late by a day
      ["H5", "C-B1", "", day(-20), day(-15), day(-16), "100", "已交货"], // on time
      ["H6", "C-B1", "", day(-10), day(-5), "", "100", "生产中"], // not delivered: not counted
      ["H7", "C-B1", "", day(-30), "", day(-20), "100", "已交货"], // no due date: not counted
      ["H8", "C-B1", "", day(-500), day(-490), day(-480), "100", "已交货"], // older than the board's year
      ["N1", "", "宁波甬新传感有限公司", day(-50), day(-40), day(-41), "200", "已交货"], // on time
      ["N2", "", "宁波甬新传感有限责任公司", day(-30), day(-20), day(-10), "200", "已交货"], // late
    ];
    const res = await upload(t, await workbook([{ name: "历史", rows: [header, ...rows] }]), "history.xlsx", "", { as: "sales" });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ valid: 10, invalid: 0, create: { orders: 10, customers: 1 } });
    const created = res.body.customers.find((c: { action: string }) => c.action === "create");

    const after = await board();
    const b1 = after.find((c) => c.code === "C-B1");
    // 1 live + 5 legacy deliveries with a due date in the last 365 days; on time: the live one, H1, H2, H5.
    expect(b1).toMatchObject({ delivered: 6, onTime: 4, onTimeRate: 4 / 6 });
    const creditShare = Math.max(0, Math.min(1, Number(b1?.creditHeadroom) / Number(b1?.creditLimit)));
    expect(b1?.score).toBe(Math.round((0.6 * (4 / 6) + 0.25 + 0.15 * creditShare) * 100));
    expect(b1?.score).toBeLessThan(before?.score ?? 0);
    // A customer first seen in the ledger (two spellings, one customer): on the board with its history only.
    const newcomer = after.find((c) => c.code === created.code);
    expect(newcomer).toMatchObject({ name: "宁波甬新传感有限公司", delivered: 2, onTime: 1, onTimeRate: 0.5, creditLimit: "0.00", score: 55 });
  });
});
