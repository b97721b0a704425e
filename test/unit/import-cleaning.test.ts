import { describe, expect, it } from "vitest";
import { customerKey } from "../../src/customers/model/customer-key.js";
import { cleanDate, yearFromSheet } from "../../src/imports/model/clean-date.js";
import { cleanAmount, cleanQuantity } from "../../src/imports/model/clean-number.js";
import { CustomerIndex, generatedCustomerCode } from "../../src/imports/model/customer-names.js";
import { cleanStatus } from "../../src/imports/model/statuses.js";

const value = <T>(r: { ok: true; value: T } | { ok: false; reason: string }) => (r.ok ? r.value : `!${r.reason}`);

describe("cleanDate", () => {
  it.each([
    [new Date(Date.UTC(2025, 0, 3)), "2025-01-03"],
    [45660, "2025-01-03"],
    [45660.75, "2025-01-03"],
    ["45660", "2025-01-03"],
    ["2025/1/3", "2025-01-03"],
    ["2025-01-03", "2025-01-03"],
    ["2025.1.3", "2025-01-03"],
    ["2025年1月3日", "2025-01-03"],
    ["２０２５年１月３日", "2025-01-03"],
    ["2025 年 1 月 3 日", "2025-01-03"],
    ["20250103", "2025-01-03"],
    ["2025-01-03 00:00:00", "2025-01-03"],
    ["2025/1/3 8:30", "2025-01-03"],
    ["2024-02-29", "2024-02-29"],
    ["1900-01-01", "!date.out_of_range"],
  ])("%s → %s", (input, expected) => {
    expect(value(cleanDate(input))).toBe(expected);
  });

  it("takes the year for 1月3日 from the context, and refuses without one", () => {
    expect(value(cleanDate("1月3日", { year: 2025 }))).toBe("2025-01-03");
    expect(value(cleanDate("12/31", { year: 2024 }))).toBe("2024-12-31");
    expect(value(cleanDate("1月3日"))).toBe("!date.no_year");
  });

  it.each(["2025-02-29", "2025/13/1", "2025年4月31日", "2月30日", "2025-00-10"])("rejects the impossible date %s", (input) => {
    expect(value(cleanDate(input, { year: 2025 }))).toBe("!date.impossible");
  });

  it.each(["明天", "2025-1", "abc", "1/2/3/4"])("cannot read %s", (input) => {
    expect(value(cleanDate(input))).toBe("!date.unreadable");
  });

  it("says a blank date is required", () => {
    expect(value(cleanDate(null))).toBe("!field.required");
    expect(value(cleanDate("  "))).toBe("!field.required");
  });

  it("finds the year in the sheet name or a title row", () => {
    expect(yearFromSheet("2025", [])).toBe(2025);
    expect(yearFromSheet("2024年订单", [])).toBe(2024);
    expect(yearFromSheet("Sheet1", ["恒锐 2023年销售台账"])).toBe(2023);
    expect(yearFromSheet("Sheet1", ["订单明细 12345"])).toBeUndefined();
  });
});

describe("cleanAmount", () => {
  it.each([
    ["¥12,345.00", "12345.00"],
    ["￥12,345.00", "12345.00"],
    ["12,345.5元", "12345.50"],
    ["1.2万", "12000.00"],
    ["1.23456万", "12345.60"],
    ["12345", "12345.00"],
    [" 12345.1 ", "12345.10"],
    ["-500.00", "-500.00"],
    ["(500.00)", "-500.00"],
    ["¥-1,000", "-1000.00"],
    ["RMB 88", "88.00"],
    ["１２３.４５", "123.45"],
    [12345.5, "12345.50"],
    [0.1 + 0.2, "0.30"],
    [-99.99, "-99.99"],
  ])("%s → %s", (input, expected) => {
    expect(value(cleanAmount(input))).toBe(expected);
  });

  it.each([
    ["12.345", "!amount.precision"],
    [12.345, "!amount.precision"],
    ["1.2345678万", "!amount.precision"],
    ["面议", "!amount.unreadable"],
    ["12,34.00", "!amount.unreadable"],
    ["1e5", "!amount.unreadable"],
    ["", "!field.required"],
    [null, "!field.required"],
    ["999999999999999", "!amount.too_large"],
  ])("refuses %s", (input, expected) => {
    expect(value(cleanAmount(input as string))).toBe(expected);
  });
});

describe("cleanQuantity", () => {
  it.each([
    ["100件", "100"],
    ["100 pcs", "100"],
    ["1,000 PCS", "1000"],
    ["12台", "12"],
    ["2.5", "2.5"],
    [100, "100"],
    ["-3", "-3"],
    ["１００个", "100"],
  ])("%s → %s", (input, expected) => {
    expect(value(cleanQuantity(input))).toBe(expected);
  });

  it.each([
    ["0", "!qty.zero"],
    ["十个", "!qty.unreadable"],
    ["1.2345", "!qty.precision"],
    [null, "!field.required"],
  ])("refuses %s", (input, expected) => {
    expect(value(cleanQuantity(input))).toBe(expected);
  });
});

describe("customer names", () => {
  it("gives every variant of one company the same key", () => {
    const variants = ["苏州恒锐机电有限公司", "苏州恒锐机电有限责任公司", " 苏州 恒锐机电有限公司 ", "苏州恒锐机电有限公司　", "苏州恒锐机电有限公司。"];
    expect(new Set(variants.map(customerKey)).size).toBe(1);
    expect(customerKey("恒锐（苏州）机电有限公司")).toBe(customerKey("恒锐(苏州)机电有限公司"));
    expect(customerKey("恒锐【苏州】机电有限公司")).toBe(customerKey("恒锐(苏州)机电有限公司"));
    expect(customerKey("ACME Co., Ltd.")).toBe(customerKey("acme co ltd"));
    expect(customerKey("苏州恒锐机电有限公司")).not.toBe(customerKey("无锡恒锐机电有限公司"));
  });

  it("matches by code first, then by name; two customers on one name are ambiguous", () => {
    const index = new CustomerIndex([
      { code: "C-A1", name: "苏州恒锐机电有限公司" },
      { code: "C-X1", name: "杭州联创有限公司" },
      { code: "C-X2", name: "杭州联创有限责任公司" },
    ]);
    expect(index.match("苏州恒锐机电有限责任公司")).toMatchObject({ kind: "matched", by: "name", customer: { code: "C-A1" } });
    expect(index.match("whatever", "c-a1")).toMatchObject({ kind: "matched", by: "code", customer: { code: "C-A1" } });
    expect(index.match("杭州联创有限公司")).toMatchObject({ kind: "ambiguous" });
    expect(index.match("新客户有限公司")).toMatchObject({ kind: "unknown" });
  });

  it("derives a stable master code from the name key", () => {
    const code = generatedCustomerCode(customerKey("新客户有限公司"));
    expect(code).toMatch(/^LG-[0-9A-F]{8}$/);
    expect(generatedCustomerCode(customerKey("新客户有限责任公司"))).toBe(code);
  });
});

describe("cleanStatus", () => {
  it.each([
    ["已交货", "delivered"],
    ["已完成", "delivered"],
    ["已发货", "shipped"],
    ["生产中", "in_production"],
    ["已取消", "cancelled"],
    ["作废", "cancelled"],
    ["已结案", "closed"],
    ["未交货", "open"],
    ["Delivered", "delivered"],
    ["In Production", "in_production"],
  ])("%s → %s", (input, expected) => {
    expect(cleanStatus(input, false)).toMatchObject({ ok: true, value: expected, inferred: false });
  });

  it("infers a blank status from the delivery date", () => {
    expect(cleanStatus("", true)).toMatchObject({ value: "delivered", inferred: true });
    expect(cleanStatus(" ", false)).toMatchObject({ value: "open", inferred: true });
  });

  it("refuses a status it does not know", () => {
    expect(cleanStatus("看情况", false)).toMatchObject({ ok: false, reason: "status.unknown", detail: "看情况" });
  });
});
