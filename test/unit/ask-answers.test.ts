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
