// Ledger words of closed lists (statuses, grades, item kinds): the seed's words map by default, an
// unknown word is a question with its count, and the user's answer is applied.
import { describe, expect, it } from "vitest";
import { AppError } from "../../src/core/errors.js";
import { analyseSheet } from "../../src/imports/model/analyse-sheet.js";
import type { Cell } from "../../src/imports/model/cell.js";
import type { SheetData } from "../../src/imports/model/sheet-data.js";
import { cleanStatus } from "../../src/imports/model/statuses.js";

const HEADER = ["订单号", "客户名称", "下单日期", "金额", "状态"];

function sheet(rows: Cell[][]): SheetData {
  return {
    format: "xlsx",
    sheets: ["2025"],
    sheet: "2025",
    rows: rows.map((cells, i) => ({ number: i + 1, cells })),
    merges: [],
    formulaCells: 0,
    formulasWithoutResult: [],
  };
}

describe("ledger statuses", () => {
  it("maps the CRM, WMS and ERP words of the seed, with stray spaces and full-width forms", () => {
    const cases: [string, string][] = [
      ["已发货", "shipped"],
      ["在途", "shipped"],
      ["待出库", "open"],
      ["已出库", "shipped"],
      ["部分发货", "shipped"],
      ["已签收", "delivered"],
      ["已完成", "delivered"],
      ["已取消", "cancelled"],
      ["退货", "cancelled"],
      ["作废", "cancelled"],
      ["挂起", "open"],
      [" 在 途 ", "shipped"],
      ["在途\u3000", "shipped"],
      ["待出库。", "open"],
      ["ＳＨＩＰＰＥＤ", "shipped"],
      ["In Transit", "shipped"],
    ];
    for (const [word, status] of cases) expect(cleanStatus(word, false), word).toMatchObject({ ok: true, value: status, inferred: false });
    expect(cleanStatus("返修", false)).toMatchObject({ ok: false, reason: "status.unknown" });
    expect(cleanStatus(" 返 修", false, { 返修: "delivered" })).toMatchObject({ ok: true, value: "delivered" });
    expect(cleanStatus("-", true)).toMatchObject({ ok: true, value: "delivered", inferred: true });
  });

  it("an unknown status is a question with its count, not a row error; answered, the rows import", () => {
    const rows: Cell[][] = [
      HEADER,
      ["A1", "甲公司", "2025-01-02", "100", "返修"],
      ["A2", "甲公司", "2025-01-03", "100", "返 修"],
      ["A3", "甲公司", "2025-01-04", "100", "在途"],
      ["A4", "甲公司", "2025-01-05", "100", "待客户确认"],
      ["A5", "", "2025-01-06", "100", "返修"],
    ];
    const asked = analyseSheet(sheet(rows), { kind: "orders" });
    expect(asked.unknownValues).toEqual([
      { field: "status", value: "返修", rows: 3, choices: ["open", "in_production", "shipped", "delivered", "closed", "cancelled"] },
      { field: "status", value: "待客户确认", rows: 1, choices: ["open", "in_production", "shipped", "delivered", "closed", "cancelled"] },
    ]);
    expect(asked.waitingRows).toEqual([2, 3, 5]);
    expect(asked.valid.map((v) => v.row)).toEqual([4]);
    // A row refused anyway names its unknown word among its errors.
    expect(asked.issues.map((i) => [i.row, i.field, i.reason])).toEqual([
      [6, "customerName", "field.required"],
      [6, "status", "status.unknown"],
    ]);

    const answered = analyseSheet(sheet(rows), { kind: "orders", values: { status: { 返修: "delivered", 待客户确认: "open" } } });
    expect(answered.unknownValues).toEqual([]);
    expect(answered.waitingRows).toEqual([]);
    expect(answered.valid.map((v) => [v.row, "status" in v && v.status])).toEqual([
      [2, "delivered"],
      [3, "delivered"],
      [4, "shipped"],
      [5, "open"],
    ]);
  });

  it("refuses an answer outside our list, naming the field", () => {
    const rows: Cell[][] = [HEADER, ["A1", "甲公司", "2025-01-02", "100", "返修"]];
    const refused = (values: Record<string, Record<string, string>>) => {
      try {
        analyseSheet(sheet(rows), { kind: "orders", values });
      } catch (error) {
        return error as AppError;
      }
      throw new Error("accepted");
    };
    expect(refused({ status: { 返修: "fixed" } })).toMatchObject({ messageKey: "import.mapping_invalid", field: "mapping.values.status" });
    expect(refused({ colour: { 红: "red" } })).toBeInstanceOf(AppError);
  });
});

describe("customer grades and item kinds", () => {
  it("maps 甲级/一级 and asks about the rest", () => {
    const rows: Cell[][] = [
      ["客户名称", "等级"],
      ["甲公司", "甲级"],
      ["乙公司", " b "],
      ["丙公司", "战略"],
    ];
    const asked = analyseSheet(sheet(rows), { kind: "customers" });
    expect(asked.valid.map((v) => "grade" in v && v.grade)).toEqual(["A", "B"]);
    expect(asked.unknownValues).toEqual([{ field: "grade", value: "战略", rows: 1, choices: ["A", "B", "C", "D"] }]);
    const answered = analyseSheet(sheet(rows), { kind: "customers", values: { grade: { 战略: "A" } } });
    expect(answered.valid.map((v) => "grade" in v && v.grade)).toEqual(["A", "B", "A"]);
  });

  it("maps item kinds and asks about an unknown one", () => {
    const rows: Cell[][] = [
      ["物料编码", "名称", "类型"],
      ["PS-1", "电源", "整机"],
      ["PS-2", "线束", "委外件"],
    ];
    const asked = analyseSheet(sheet(rows), { kind: "items" });
    expect(asked.valid.map((v) => "kind" in v && v.kind)).toEqual(["finished"]);
    expect(asked.unknownValues).toMatchObject([{ field: "kind", value: "委外件", rows: 1 }]);
    expect(analyseSheet(sheet(rows), { kind: "items", values: { kind: { 委外件: "purchased" } } }).waitingRows).toEqual([]);
  });
});

describe("a file that lost its ¥ signs to GBK", () => {
  const rows: Cell[][] = [
    HEADER,
    ["G1", "甲公司", "2025-01-02", "?49,318.70", "已完成"],
    ["G2", "甲公司", "2025-01-03", "-?500.00", "已完成"],
    ["G3", "甲公司", "2025-01-04", "1200", "已完成"],
    ["G4", "", "2025-01-05", "(?80.00)", "已完成"],
    ["G5", "甲公司", "2025-01-06", "?", "已完成"],
  ];

  it("says it once for the file instead of one error per row, and reads ? as ¥ when told to", () => {
    const asked = analyseSheet(sheet(rows), { kind: "orders" });
    expect(asked.lostYenRows).toEqual([2, 3, 5]);
    expect(asked.lostYenExample).toBe("?49,318.70");
    expect(asked.waitingRows).toEqual([2, 3]);
    expect(asked.valid.map((v) => v.row)).toEqual([4]);
    // A row refused anyway, and a lone ? (not an amount), stay row errors.
    expect(asked.issues.map((i) => [i.row, i.field, i.reason])).toEqual([
      [5, "customerName", "field.required"],
      [5, "amount", "amount.lost_yen"],
      [6, "amount", "amount.unreadable"],
    ]);
    const told = analyseSheet(sheet(rows), { kind: "orders", questionMarkIsYen: true });
    expect(told.lostYenRows).toEqual([]);
    expect(told.valid.map((v) => ("amount" in v ? v.amount : ""))).toEqual(["49318.70", "-500.00", "1200.00"]);
  });
});
