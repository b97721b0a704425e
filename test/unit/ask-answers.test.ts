import { describe, expect, it } from "vitest";
import { say } from "../../src/ask/model/answers.js";

const asm = { kind: "work_centre", workCentre: "WC-ASM2", name: "总装二线" };
const families = [
  { family: "流量计", acceptable: 5, capped: false, limitedBy: asm },
  { family: "温度变送器", acceptable: 50, capped: true, limitedBy: null },
  { family: "压力传感器", acceptable: 0, capped: false, limitedBy: { kind: "material", sku: "PM-CHIP", name: "压阻芯片" } },
  { family: "液位计", acceptable: 0, capped: false, limitedBy: asm },
];

describe("the query box's planning answers", () => {
  it("today's capacity: the total and per family, the full families and what limits them", () => {
    expect(say.capacity("zh", families)).toBe(
      "今天还能接 55+ 单标准单：温度变送器 50+ 单、流量计 5 单。压力传感器、液位计今天接不下，受限于压阻芯片（PM-CHIP）、总装二线（WC-ASM2）。",
    );
    expect(say.capacity("en", families)).toBe(
      "We can still take 55+ standard orders today: 温度变送器 50+, 流量计 5. None more of 压力传感器, 液位计 today. Limited by 压阻芯片 (PM-CHIP), 总装二线 (WC-ASM2).",
    );
    expect(say.capacity("zh", families.slice(2))).toBe("今天各产品系列都接不下新的标准单了。受限于压阻芯片（PM-CHIP）、总装二线（WC-ASM2）。");
    expect(say.capacity("en", [])).toBe("There is no product family to count yet.");
  });

  it("shortages: how many, how many for rush orders, the first five", () => {
    const list = [
      { sku: "PM-CHIP", name: "压阻芯片", qtyShort: 70, dateNeeded: "2026-12-01", red: true },
      { sku: "PM-CASE", name: "外壳", qtyShort: 5, dateNeeded: "2026-12-03", red: false },
    ];
    expect(say.shortages("zh", list)).toBe(
      "当前计划缺料 2 种，其中 1 种影响加急订单：压阻芯片（PM-CHIP）缺 70，2026-12-01 需要，影响加急单；外壳（PM-CASE）缺 5，2026-12-03 需要。",
    );
    expect(say.shortages("en", list)).toBe(
      "2 materials are short in the current plan, 1 of them for rush orders: 压阻芯片 (PM-CHIP) short 70, needed 2026-12-01, a rush order waits; 外壳 (PM-CASE) short 5, needed 2026-12-03.",
    );
    expect(say.shortages("zh", [])).toBe("当前计划没有缺料。");
    const many = Array.from({ length: 7 }, (_, i) => ({ ...list[1], sku: `S${i}` }));
    expect(say.shortages("en", many).match(/short 5/g)).toHaveLength(5);
  });

  it("bottlenecks: the full centres and the orders they make late", () => {
    const centres = [
      { code: "WC-ASM2", name: "总装二线", fullDays: 14, lateCount: 13 },
      { code: "WC-CAL", name: "校准台", fullDays: 0, lateCount: 2 },
    ];
    expect(say.bottlenecks("zh", centres, 28)).toBe(
      "未来 28 天有 2 个瓶颈工作中心：总装二线（WC-ASM2）满负荷 14 天，13 单将延期；校准台（WC-CAL）有订单排不下，2 单将延期。",
    );
    expect(say.bottlenecks("en", [], 28)).toBe("No work centre is full over the next 28 days.");
  });
});

describe("the query box's order and customer answers", () => {
  const order = { orderNo: "DH20261201001", stage: "生产中", owner: "周计划（计划员）", holdReason: null };
  it("calls only the plant's promise a promise; a requested date is the customer's wish", () => {
    expect(say.orderStatus("zh", { ...order, promised: "2026-12-09", requested: "2026-12-05" })).toBe(
      "订单DH20261201001当前阶段：生产中，负责人：周计划（计划员），承诺交期 2026-12-09。",
    );
    expect(say.orderStatus("zh", { ...order, promised: null, requested: "2026-12-05" })).toBe(
      "订单DH20261201001当前阶段：生产中，负责人：周计划（计划员），尚未承诺交期（客户要求 2026-12-05）。",
    );
    expect(say.orderStatus("en", { ...order, stage: "in production", promised: null, requested: null })).toBe(
      "Order DH20261201001 is in production; responsible: 周计划（计划员）; no promise yet.",
    );
  });

  it("a customer's open orders by stage, the late ones and the next promise", () => {
    const o = {
      open: 3,
      byStage: [
        ["生产中", 2],
        ["待发货", 1],
      ] as [string, number][],
      overdue: 1,
      next: { orderNo: "DH20261201002", promised: "2026-12-08" },
    };
    expect(say.customerOrders("zh", "宁波永威流体设备有限公司（C0001）", o)).toBe(
      "宁波永威流体设备有限公司（C0001）有 3 个未完成订单（生产中 2、待发货 1），其中 1 个已逾期。最近的承诺交期：DH20261201002，2026-12-08。",
    );
    expect(say.customerOrders("en", "Acme (C0005)", { ...o, byStage: [["in production", 3]], overdue: 0, next: null })).toBe(
      "Acme (C0005) has 3 open orders (3 in production).",
    );
    expect(say.customerOrders("zh", "X（C1）", { open: 0, byStage: [], overdue: 0, next: null })).toBe("X（C1）目前没有未完成的订单。");
  });

  it("an unknown question is told what can be asked, with a per-customer example", () => {
    expect(say.unknown("zh")).toContain("C0003有几个订单逾期");
    expect(say.unknown("en")).toContain("You can ask");
  });
});
