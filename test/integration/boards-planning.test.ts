// The planner, purchasing and sales boards show the current plan's figures (the same as /api/planning/*).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, weekday } from "../../src/calendar/model/dates.js";
import { plantDay } from "../../src/orders/model/numbering.js";
import { placeSensorOrders } from "../support/helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

let t: TestApp;
const today = plantDay(new Date());
// A weekday two or more days ahead, for a maintenance window inside the shift.
const maintenanceDay = [2, 3, 4, 5].map((n) => addDays(today, n)).find((d) => weekday(d) >= 1 && weekday(d) <= 5)!;
beforeAll(async () => {
  t = await startTestApp();
  // 3 × 50 pressure sensors: 150 chips needed, 80 in stock; two of them rush.
  await placeSensorOrders(t, 50, [
    [5, true],
    [6, false],
    [7, true],
  ]);
  const window = await t.api("POST", "/api/calendar/maintenance", {
    as: "planner",
    body: { workCentre: "WC-CAL", startsAt: `${maintenanceDay}T09:00:00+08:00`, endsAt: `${maintenanceDay}T11:00:00+08:00`, reason: "校准台保养" },
  });
  expect(window.status, JSON.stringify(window.body)).toBe(201);
  expect((await t.api("POST", "/api/planning/replan", { as: "planner" })).status).toBe(200);
});
afterAll(() => t?.close());

describe("boards with the plan", () => {
  it("planner: plan run, top materials by kitting impact, load over four weeks, bottlenecks and the calendar", async () => {
    const b = (await t.api("GET", "/api/dashboards/planner", { as: "planner" })).body;
    expect(b.plan).toMatchObject({ stale: false });
    expect(b.plan.runId).toBeGreaterThan(0);
    expect(b.horizon).toEqual({ from: today, to: addDays(today, 27) });
    // The chips hold back the two orders the stock does not cover, both rush-flagged as a material.
    expect(b.kittingImpact[0]).toMatchObject({ sku: "PM-CHIP", ordersShort: 2, qtyShort: 70, red: true });
    expect(b.kittingImpact.length).toBeLessThanOrEqual(5);
    // The load chart matches the bottleneck report day by day.
    const report = await t.api("GET", `/api/planning/bottlenecks?from=${today}&to=${addDays(today, 27)}`, { as: "planner" });
    const cal = report.body.workCentres.find((c: { code: string }) => c.code === "WC-CAL");
    expect(b.load.dates).toHaveLength(28);
    const series = b.load.series.find((s: { code: string }) => s.code === "WC-CAL");
    expect(series.loadHours).toEqual(cal.days.map((d: { loadHours: number }) => d.loadHours));
    expect(b.load.total.loadHours.reduce((s: number, x: number) => s + x, 0)).toBeGreaterThan(0);
    const overloaded = report.body.workCentres.filter((c: { overloaded: boolean }) => c.overloaded).map((c: { code: string }) => c.code);
    expect(b.bottlenecks.map((a: { code: string }) => a.code)).toEqual(overloaded);
    // The calendar names the maintenance window (and any holiday or shutdown in the four weeks).
    const day = b.calendar.days.find((d: { date: string }) => d.date === maintenanceDay);
    expect(day.maintenance).toEqual([{ workCentre: "WC-CAL", hours: 2, reason: "校准台保养" }]);
    for (const d of b.calendar.days) expect(d.reason === "workday" || d.reason === "weekend" ? d.maintenance.length : 1).toBeGreaterThan(0);
  });

  it("purchasing: the plan's shortages, red first when a rush order is short", async () => {
    const res = await t.api("GET", "/api/dashboards/purchasing", { as: "purchasing" });
    expect(res.status).toBe(200);
    const report = await t.api("GET", "/api/planning/shortages", { as: "purchasing" });
    expect(res.body.shortages).toEqual(report.body.shortages);
    expect(res.body.shortages[0]).toMatchObject({ sku: "PM-CHIP", red: true, qtyShort: 70 });
  });

  it("sales: orders we can still accept today per family, as capacity-today answers", async () => {
    const res = await t.api("GET", "/api/dashboards/sales", { as: "sales" });
    const report = await t.api("GET", "/api/planning/capacity-today", { as: "sales" });
    expect(res.body.acceptableToday.families).toEqual(report.body.families);
    const sensors = res.body.acceptableToday.families.find((f: { family: string }) => f.family === "压力传感器");
    expect(sensors).toMatchObject({ capped: false, limitedBy: { kind: "material", sku: "PM-CHIP" } });
  });

  it("a stale plan is said so on the board", async () => {
    await t.api("POST", "/api/orders", { as: "sales", body: { customer: "C-B1", lines: [{ sku: "TT-200", qty: 1 }] } });
    const res = await t.api("GET", "/api/dashboards/planner", { as: "planner" });
    expect(res.body.plan.stale).toBe(true);
    expect(res.body.plan.reasons).toContain("orders_changed");
  });
});

describe("POST /api/ask from the plan", () => {
  it("今天还能接多少单 / how many more orders: per family, from the same count as the sales board", async () => {
    const report = await t.api("GET", "/api/planning/capacity-today", { as: "sales" });
    const open = report.body.families.filter((f: { acceptable: number }) => f.acceptable > 0);
    const zh = await t.api("POST", "/api/ask", { as: "sales", body: { text: "今天还能接多少单" } });
    expect(zh.body.intent).toBe("capacity_today");
    expect(zh.body.answer).toMatch(/^今天还能接 \d+\+? 单标准单：/);
    for (const f of open) expect(zh.body.answer).toContain(`${f.family} ${f.acceptable}`);
    // The pressure sensors wait for chips: named as what limits them.
    expect(zh.body.answer).toContain("压力传感器");
    expect(zh.body.answer).toContain("PM-CHIP");
    const en = await t.api("POST", "/api/ask", { as: "service", body: { text: "how many more orders can we take today" } });
    expect(en.body.answer).toMatch(/^We can still take \d+\+? standard orders today: /);
    const warehouse = await t.api("POST", "/api/ask", { as: "warehouse", body: { text: "今天还能接多少单" } });
    expect(warehouse.body.answer).toContain("你的角色不能查看");
  });

  it("哪些物料缺料 / which materials are short: the plan's shortages, rush first", async () => {
    const zh = await t.api("POST", "/api/ask", { as: "purchasing", body: { text: "哪些物料缺料" } });
    expect(zh.body).toMatchObject({ intent: "shortages" });
    expect(zh.body.answer).toMatch(/^当前计划缺料 \d+ 种，其中 \d+ 种影响加急订单：压阻芯片（PM-CHIP）缺 70，/);
    const en = await t.api("POST", "/api/ask", { as: "planner", body: { text: "which materials are short?" } });
    expect(en.body.answer).toContain("压阻芯片 (PM-CHIP) short 70");
  });

  it("瓶颈 / bottlenecks: the full work centres over four weeks", async () => {
    const report = await t.api("GET", `/api/planning/bottlenecks?from=${today}&to=${addDays(today, 27)}`, { as: "planner" });
    const overloaded = report.body.workCentres.filter((c: { overloaded: boolean }) => c.overloaded);
    const res = await t.api("POST", "/api/ask", { as: "planner", body: { text: "哪里是瓶颈" } });
    expect(res.body.intent).toBe("bottlenecks");
    if (overloaded.length) expect(res.body.answer).toContain(`${overloaded[0].name}（${overloaded[0].code}）`);
    else expect(res.body.answer).toBe("未来 28 天没有满负荷的工作中心。");
  });
});
