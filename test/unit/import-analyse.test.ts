import { describe, expect, it } from "vitest";
import { AppError } from "../../src/core/errors.js";
import { analyseSheet } from "../../src/imports/model/analyse-sheet.js";
import type { Cell } from "../../src/imports/model/cell.js";
import { CustomerIndex } from "../../src/imports/model/customer-names.js";
import { applyMapping, detectHeader, normaliseHeader } from "../../src/imports/model/header-mapping.js";
import { groupOrders, type LegacyOrderRow } from "../../src/imports/model/order-rows.js";
import { planOrders } from "../../src/imports/model/plan-orders.js";
import type { SheetData } from "../../src/imports/model/sheet-data.js";

const HEADER = ["订单号", "客户名称", "下单日期", "交货日期", "金额（元）", "产品型号", "数量", "状态", "备注"];

function sheet(rows: Cell[][], extra: Partial<SheetData> = {}): SheetData {
  return {
    format: "xlsx",
    sheets: ["2025"],
    sheet: "2025",
    rows: rows.map((cells, i) => ({ number: i + 1, cells })),
    merges: [],
    formulaCells: 0,
    formulasWithoutResult: [],
    ...extra,
  };
}

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("no error thrown");
}

describe("header mapping", () => {
  it("normalises width, case, spaces and units in brackets", () => {
    expect(normaliseHeader("金额（元）")).toBe("金额");
    expect(normaliseHeader(" Order No. ")).toBe("orderno");
    expect(normaliseHeader("*客户名称")).toBe("客户名称");
  });

  it("finds the header under a title row and maps Chinese and English headers", () => {
    const guess = detectHeader("orders", [["2025年销售台账"], [], HEADER, ["LD1"]]);
    expect(guess?.rowIndex).toBe(2);
    expect(guess?.columns).toEqual({ orderNo: 0, customerName: 1, orderedOn: 2, dueOn: 3, amount: 4, item: 5, qty: 6, status: 7, note: 8 });
    const english = detectHeader("orders", [["Order No", "Customer", "Order Date", "Amount (CNY)"]]);
    expect(english?.columns).toEqual({ orderNo: 0, customerName: 1, orderedOn: 2, amount: 3 });
  });

  it("lets the user override the guess by header text or column letter, and drop a field", () => {
    const headers = ["单据编号", "客户名称", "日期", "金额"];
    const { columns, problems } = applyMapping("orders", headers, { customerName: 1, orderedOn: 2, amount: 3 }, { orderNo: "单据编号", amount: "", note: "D" });
    expect(problems).toEqual([]);
    expect(columns).toEqual({ orderNo: 0, customerName: 1, orderedOn: 2, note: 3 });
    const bad = applyMapping("orders", headers, {}, { colour: "A", orderNo: "不存在的列" });
    expect(bad.problems).toEqual([
      { field: "colour", reason: "unknown_field" },
      { field: "orderNo", reason: "unknown_column", column: "不存在的列" },
    ]);
  });
});

describe("analyseSheet", () => {
  const rows: Cell[][] = [
    ["2025年订单台账"],
    HEADER,
    ["LD001", "苏州恒锐机电有限公司", new Date(Date.UTC(2025, 0, 3)), "2025/1/20", "¥12,345.00", "PS-100", "10件", "已交货", ""],
    ["LD002", "苏州恒锐机电有限责任公司", "45665", "1月25日", "1.2万", "TT-200", "100 pcs", "", "加急"],
    [null, null, null, null, null, null, null, null, null],
    ["LD002", "苏州恒锐机电有限责任公司", "45665", "1月25日", "1.2万", "TT-200", "100 pcs", "", "加急"],
    ["LD003", "", "2025-02-30", "2025-01-01", "面议", "PS-100", "0", "看情况", ""],
    ["LD004", "无锡华光仪表", "2025-03-01", "2025-02-01", "-500", "", "", "已取消", "退货冲红"],
    ["合计", null, null, null, "24345.00", null, null, null, null],
  ];

  it("reports every row: valid, blank, repeated, total, or refused with field and reason", () => {
    const a = analyseSheet(sheet(rows), { kind: "orders" });
    expect(a.headerRow).toBe(2);
    expect(a.year).toEqual({ value: 2025, source: "sheet" });
    expect(a.mapping.amount).toBe("金额(元)");
    expect(a.blankRows).toBe(1);
    expect(a.totalRows).toEqual([9]);
    expect(a.duplicateRows).toEqual([{ row: 6, sameAs: 4 }]);
    expect(a.dataRows).toBe(5);
    expect(a.valid.map((v) => v.row)).toEqual([3, 4]);
    expect(a.valid[1]).toMatchObject({ orderNo: "LD002", orderedOn: "2025-01-08", dueOn: "2025-01-25", amount: "12000.00", qty: "100", status: "open" });
    const byRow = (row: number) => a.issues.filter((i) => i.row === row).map((i) => [i.field, i.reason]);
    expect(byRow(7)).toEqual([
      ["customerName", "field.required"],
      ["orderedOn", "date.impossible"],
      ["qty", "qty.zero"],
      ["amount", "amount.unreadable"],
      ["status", "status.unknown"],
    ]);
    expect(byRow(8)).toEqual([["dueOn", "date.before_order"]]);
    expect(a.issues.find((i) => i.row === 7 && i.field === "amount")).toMatchObject({ column: "金额(元)", value: "面议" });
  });

  it("keeps a credit note's negative amount", () => {
    const a = analyseSheet(sheet([HEADER, ["LD9", "无锡华光仪表", "2025-03-01", "", "(500.00)", "", "", "已取消", "冲红"]]), { kind: "orders" });
    expect(a.valid[0]).toMatchObject({ amount: "-500.00", status: "cancelled" });
  });

  it("uses the user's year before the sheet's, and refuses 1月3日 without any", () => {
    const data = (name: string) => sheet([HEADER, ["LD1", "甲公司", "1月3日", "", "1", "", "", "", ""]], { sheet: name });
    expect(analyseSheet(data("2025"), { kind: "orders", year: 2024 }).valid[0]).toMatchObject({ orderedOn: "2024-01-03" });
    expect(analyseSheet(data("Sheet1"), { kind: "orders" }).issues[0]).toMatchObject({ field: "orderedOn", reason: "date.no_year" });
  });

  it("computes a line amount from unit price × quantity when there is no amount column", () => {
    const a = analyseSheet(
      sheet([
        ["订单号", "客户", "日期", "单价", "数量"],
        ["LD1", "甲公司", "2025-01-02", "¥1,250.50", "3件"],
      ]),
      { kind: "orders" },
    );
    expect(a.valid[0]).toMatchObject({ amount: "3751.50" });
  });

  it("refuses a sheet without a recognisable header, naming what it looked for", () => {
    const e = errorOf(() =>
      analyseSheet(
        sheet([
          ["a", "b"],
          [1, 2],
        ]),
        { kind: "orders" },
      ),
    );
    expect(e.messageKey).toBe("import.no_header");
    expect(e.params.expected).toContain("订单号");
  });

  it("refuses a mapping that leaves a required column out, listing the headers", () => {
    const e = errorOf(() =>
      analyseSheet(
        sheet([
          ["订单号", "客户名称", "备注"],
          ["LD1", "甲", ""],
        ]),
        { kind: "orders" },
      ),
    );
    expect(e.messageKey).toBe("import.missing_columns");
    expect(String(e.params.columns)).toContain("下单日期");
  });

  it("refuses merged cells in the data but accepts a merged title", () => {
    const data = sheet(rows, { merges: ["A1:I1"] });
    expect(analyseSheet(data, { kind: "orders" }).valid).toHaveLength(2);
    const e = errorOf(() => analyseSheet(sheet(rows, { merges: ["A1:I1", "B3:B4"] }), { kind: "orders" }));
    expect(e.messageKey).toBe("import.merged_cells");
    expect(e.params.cells).toBe("B3:B4");
  });

  it("refuses formulas that were never calculated, naming the cells", () => {
    const e = errorOf(() => analyseSheet(sheet(rows, { formulasWithoutResult: ["E3", "E4"] }), { kind: "orders" }));
    expect(e.messageKey).toBe("import.formula_no_result");
    expect(e.params.cells).toBe("E3, E4");
  });

  it("refuses a header with nothing under it", () => {
    expect(errorOf(() => analyseSheet(sheet([HEADER, []]), { kind: "orders" })).messageKey).toBe("import.no_rows");
  });
});

describe("orders from rows", () => {
  const row = (r: number, orderNo: string, extra: Partial<LegacyOrderRow> = {}): LegacyOrderRow => ({
    row: r,
    orderNo,
    customerName: "苏州恒锐机电有限公司",
    orderedOn: "2025-01-03",
    status: "delivered",
    statusInferred: false,
    item: "PS-100",
    amount: "100.00",
    note: "",
    ...extra,
  });

  it("groups the lines of one order number and refuses a row that disagrees on the customer", () => {
    const { orders, issues } = groupOrders([
      row(2, "LD1", { dueOn: "2025-01-20", deliveredOn: "2025-01-18" }),
      row(3, "LD1", { customerName: "苏州恒锐机电有限责任公司", dueOn: "2025-01-15", deliveredOn: "2025-01-19", amount: "50.50" }),
      row(4, "LD1", { customerName: "别的公司" }),
      row(5, "LD2"),
    ]);
    expect(orders).toHaveLength(2);
    expect(orders[0]).toMatchObject({ orderNo: "LD1", amount: "150.50", dueOn: "2025-01-15", deliveredOn: "2025-01-19", rows: [2, 3] });
    expect(orders[0].lines.map((l) => l.lineNo)).toEqual([1, 2]);
    expect(issues).toEqual([{ row: 4, field: "customerName", column: "", value: "别的公司", reason: "order.conflict", detail: "2" }]);
  });

  it("plans matches, new customers (with their variants) and orders already in the history", () => {
    const index = new CustomerIndex([
      { code: "C-A1", name: "苏州恒锐机电有限公司" },
      { code: "X1", name: "杭州联创有限公司" },
      { code: "X2", name: "杭州联创有限责任公司" },
    ]);
    const { orders } = groupOrders([
      row(2, "LD1"),
      row(3, "LD2", { customerName: "苏州恒锐机电有限责任公司" }),
      row(4, "LD3", { customerName: "新客户（上海）有限公司" }),
      row(5, "LD4", { customerName: "新客户(上海)有限责任公司" }),
      row(6, "LD5", { customerName: "杭州联创有限公司" }),
      row(7, "LD6", { customerName: "新编码客户", customerCode: "c-new" }),
    ]);
    const plan = planOrders(orders, index, new Set(["LD1"]));
    expect(plan.existing).toEqual(["LD1"]);
    expect(plan.create.map((o) => [o.orderNo, o.customerCode])).toEqual([
      ["LD2", "C-A1"],
      ["LD3", expect.stringMatching(/^LG-/)],
      ["LD4", plan.create[1].customerCode],
      ["LD6", "C-NEW"],
    ]);
    expect(plan.customers.find((c) => c.code === "C-A1")).toMatchObject({
      action: "matched",
      by: "name",
      variants: ["苏州恒锐机电有限公司", "苏州恒锐机电有限责任公司"],
      orders: 2,
    });
    expect(plan.customers.find((c) => c.action === "create" && c.code.startsWith("LG-"))).toMatchObject({
      variants: ["新客户（上海）有限公司", "新客户(上海)有限责任公司"],
      orders: 2,
    });
    expect(plan.issues).toEqual([expect.objectContaining({ row: 6, reason: "customer.ambiguous", detail: "X1 杭州联创有限公司、X2 杭州联创有限责任公司" })]);
  });
});
