// Finance's pure rules: tax ids and codes, exact invoice amounts, invoice plans by rate, the workbook
// rows by header, oldest-first allocation, aging, exposure and the order of releases, bank statements.
import { describe, expect, it } from "vitest";
import { matchPayer, readStatement } from "../../src/finance/model/bank-statement.js";
import { DEFAULT_LAYOUT, layoutProblems, workbookRows } from "../../src/finance/model/fapiao-layout.js";
import { priceGapFen, splitTax, unitPrice } from "../../src/finance/model/invoice-amounts.js";
import { buyerProblems, planInvoices, type ShippedLine } from "../../src/finance/model/invoice-plan.js";
import { aging, allocateOldestFirst, exposure, releasable } from "../../src/finance/model/receivables.js";
import { isTaxCode, taxIdProblem, usccCheckChar } from "../../src/finance/model/tax-ids.js";

describe("纳税人识别号 and 税收分类编码", () => {
  it("accepts unified social credit codes with their GB 32100-2015 check digit and refuses a wrong one", () => {
    // Published codes: 91110000100000107Y? not used; the check is computed, then one character changed.
    for (const body of ["91320211750123456", "91110108MA01ABCD1", "12100000400000624"]) {
      const code = `${body}${usccCheckChar(body)}`;
      expect(taxIdProblem(code)).toBeUndefined();
      const wrong = `${body}${usccCheckChar(body) === "0" ? "1" : "0"}`;
      expect(taxIdProblem(wrong)).toBe("check_digit");
    }
    expect(usccCheckChar("91350100M000100Y4")).toBe("3"); // 91350100M000100Y43, a code printed on a real licence
    expect(taxIdProblem("91350100M000100Y4I")).toBe("characters");
  });
  it("takes 15 and 20 characters, refuses other lengths", () => {
    expect(taxIdProblem("320211123456789")).toBeUndefined();
    expect(taxIdProblem("32021112345678900000")).toBeUndefined();
    expect(taxIdProblem("3202111234567")).toBe("length");
    expect(taxIdProblem("32021112345678-")).toBe("characters");
  });
  it("a tax code is exactly 19 digits", () => {
    expect(isTaxCode("1090511030000000000")).toBe(true);
    expect(isTaxCode("109051103000000000")).toBe(false);
    expect(isTaxCode("10905110300000000001")).toBe(false);
  });
});

describe("exact amounts", () => {
  it("splits a tax-inclusive amount into net and tax that sum exactly", () => {
    expect(splitTax(113_00n, 13)).toEqual({ net: 100_00n, tax: 13_00n });
    expect(splitTax(1_00n, 13)).toEqual({ net: 88n, tax: 12n });
    expect(splitTax(-113_00n, 13)).toEqual({ net: -100_00n, tax: -13_00n });
    for (let fen = 1n; fen < 5000n; fen += 37n) {
      const { net, tax } = splitTax(fen, 9);
      expect(net + tax).toBe(fen);
    }
  });
  it("prints a unit price with |数量 × 单价 − 金额| ≤ 0.01", () => {
    for (const [fen, qty] of [
      [100_00n, 3],
      [1_00n, 7],
      [99_999_99n, 13],
      [795_58n, 1_000],
      [12n, 999_999],
    ] as const) {
      const price = unitPrice(fen, qty);
      expect(priceGapFen(qty, price, fen)).toBeLessThanOrEqual(1);
    }
    expect(unitPrice(449_500n, 5)).toBe("899");
    expect(unitPrice(100_00n, 3)).toBe("33.33333333");
  });
});

const line = (shipmentId: number, orderLine: number, sku: string, qty: number, fen: bigint): ShippedLine => ({
  shipmentId,
  orderNo: "DH2026120200001",
  line: orderLine,
  sku,
  qty,
  unitPrice: "0",
  amountFen: fen,
  shippedAt: "2026-12-02T00:00:00Z",
});
const ITEMS = new Map([
  ["A", { sku: "A", taxCode: "1090511030000000000", taxRate: 13, invoiceName: "*仪器仪表*变送器", unit: "台" }],
  ["B", { sku: "B", taxCode: "1080211990000000000", taxRate: 9, invoiceName: "*金属制品*壳体", unit: "件" }],
]);

describe("invoice plans", () => {
  const lines = [line(1, 1, "A", 2, 1798_00n), line(2, 1, "A", 3, 2697_00n), line(3, 2, "B", 3, 360_00n)];
  it("merges lines into one invoice per tax rate, or splits per shipment", () => {
    const merged = planInvoices(lines, ITEMS, { split: "rate", taxIncluded: true });
    expect(merged.problems).toEqual([]);
    expect(merged.invoices.map((i) => [i.taxRate, i.lines.length, i.amountFen])).toEqual([
      [13, 2, 4495_00n],
      [9, 1, 360_00n],
    ]);
    for (const inv of merged.invoices) expect(inv.netFen + inv.taxFen).toBe(inv.amountFen);
    expect(planInvoices(lines, ITEMS, { split: "shipment", taxIncluded: true }).invoices).toHaveLength(3);
  });
  it("prints net prices when the invoice is not tax-inclusive", () => {
    const [inv] = planInvoices([line(1, 1, "A", 3, 113_00n)], ITEMS, { split: "rate", taxIncluded: false }).invoices;
    expect(inv.lines[0].unitPrice).toBe("33.33333333");
    expect(priceGapFen(3, inv.lines[0].unitPrice, inv.lines[0].netFen)).toBeLessThanOrEqual(1);
  });
  it("names the row and column of what the platform would refuse", () => {
    const bad = new Map(ITEMS);
    bad.set("B", { ...ITEMS.get("B")!, taxCode: "108021199000000000" });
    const plan = planInvoices([...lines, line(4, 3, "C", 1, 1n)], bad, { split: "rate", taxIncluded: true });
    expect(plan.problems).toEqual([
      { sheet: "2-发票明细信息", row: 7, field: "商品和服务税收编码", reason: "item_not_set_up", value: "C" },
      { sheet: "2-发票明细信息", row: 6, field: "商品和服务税收编码", reason: "tax_code_digits", value: "108021199000000000" },
    ]);
    const buyer = { name: "x".repeat(101), taxId: "", address: "", phone: "", bankName: "", bankAccount: "", email: "" };
    expect(buyerProblems(buyer, "special", 2).map((p) => [p.row, p.field, p.reason])).toEqual([
      [4, "购买方名称", "too_long"],
      [4, "购买方纳税人识别号", "required_for_special"],
      [5, "购买方名称", "too_long"],
      [5, "购买方纳税人识别号", "required_for_special"],
    ]);
  });
});

describe("the workbook layout", () => {
  const invoice = {
    serial: "LY20261202000001",
    type: "special" as const,
    red: false,
    reversesInvoiceNo: null,
    taxIncluded: true,
    buyer: { name: "买方", taxId: "320211123456789", address: "", phone: "", bankName: "", bankAccount: "", email: "" },
    note: "",
    lines: [{ name: "*仪器仪表*变送器", taxCode: "1090511030000000000", unit: "台", qty: 2, unitPrice: "899", amountFen: 1798_00n, taxRate: 13 }],
  };
  it("writes instructions, limits and headers, then the data as text", () => {
    const [basic, detail, ...optional] = workbookRows(DEFAULT_LAYOUT, [invoice]);
    expect(basic.rows[2][0]).toBe("发票流水号");
    expect(basic.rows[3].slice(0, 4)).toEqual(["LY20261202000001", "增值税专用发票", "", "是"]);
    const headers = detail.rows[2];
    const row = Object.fromEntries(headers.map((h, i) => [h, detail.rows[3][i]]));
    expect(row).toMatchObject({ 发票流水号: "LY20261202000001", 数量: "2", 单价: "899", 金额: "1798.00", 税率: "0.13" });
    expect(optional.every((s) => s.rows.length === 3)).toBe(true);
  });
  it("a newer template moves and renames columns by data; a field it names that we do not fill is refused", () => {
    const newer = structuredClone(DEFAULT_LAYOUT);
    newer.sheets[1].columns.reverse();
    newer.sheets[1].columns[0].header = "税率（小数）";
    expect(layoutProblems(newer)).toEqual([]);
    const [, detail] = workbookRows(newer, [invoice]);
    expect(detail.rows[2][0]).toBe("税率（小数）");
    expect(detail.rows[3][0]).toBe("");
    expect(detail.rows[3][2]).toBe("0.13");
    newer.sheets[0].columns[0].field = "nonsense";
    expect(layoutProblems(newer)[0]).toContain("nonsense");
  });
});

describe("receivables", () => {
  const items = [
    { invoiceId: 7, invoiceNo: "2", issuedOn: "2026-10-01", dueOn: "2026-10-31", openFen: 300_00n },
    { invoiceId: null, invoiceNo: null, issuedOn: "1970-01-01", dueOn: "1970-01-01", openFen: 100_00n },
    { invoiceId: 5, invoiceNo: "1", issuedOn: "2026-09-01", dueOn: "2026-10-01", openFen: 200_00n },
  ];
  it("allocates oldest first, the opening balance before any invoice, the rest an advance", () => {
    expect(allocateOldestFirst(items, 250_00n)).toEqual({
      allocations: [
        { invoiceId: null, amountFen: 100_00n },
        { invoiceId: 5, amountFen: 150_00n },
      ],
      advanceFen: 0n,
    });
    expect(allocateOldestFirst(items, 700_00n).advanceFen).toBe(100_00n);
  });
  it("ages open items by days past due", () => {
    const { buckets, overdueFen } = aging(items.slice(0, 1).concat(items.slice(2)), "2026-11-15");
    expect(buckets["1-30"]).toBe(300_00n);
    expect(buckets["31-60"]).toBe(200_00n);
    expect(overdueFen).toBe(500_00n);
  });
  it("exposure sums the parts switched on; releases fit one after another", () => {
    const parts = { receivablesFen: 50_00n, unbilledFen: 20_00n, openOrdersFen: 30_00n };
    expect(exposure(parts, { receivables: true, unbilled: true, openOrders: true }, 100_00n, 0n).headroomFen).toBe(0n);
    expect(exposure(parts, { receivables: true, unbilled: false, openOrders: false }, 100_00n, 10_00n)).toEqual({
      totalFen: 50_00n,
      effectiveLimitFen: 110_00n,
      headroomFen: 60_00n,
    });
    const held = [{ amountFen: 40n }, { amountFen: 30n }, { amountFen: 20n }];
    expect(releasable(held, 60n)).toEqual([{ amountFen: 40n }, { amountFen: 20n }]);
  });
});

describe("bank statements", () => {
  const rows = [
    ["中国工商银行 账户明细"],
    ["交易日期", "对方户名", "对方账号", "借方发生额", "贷方发生额", "摘要", "交易流水号"],
    ["2026-12-02 09:00:01", "苏州恒锐机电有限公司", "6222 0000", "", "¥50,000.00", "货款", "X1"],
    ["2026-12-02", "某物流", "", "300.00", "", "运费", "X2"],
    ["2026-12-02", "", "", "", "10.00", "", "X3"],
  ].map((cells, i) => ({ number: i + 1, cells }));
  it("finds the header row by its names, keeps credits, skips debits and names unreadable rows", () => {
    const read = readStatement(rows);
    expect(read?.payments).toEqual([
      { row: 3, receivedOn: "2026-12-02", payerName: "苏州恒锐机电有限公司", payerAccount: "62220000", amountFen: 5_000_000n, bankRef: "X1", memo: "货款" },
    ]);
    expect(read?.skipped).toBe(1);
    expect(read?.problems).toEqual([{ row: 5, field: "payer", reason: "field.required" }]);
    expect(readStatement([{ number: 1, cells: ["a", "b"] }])).toBeUndefined();
  });
  it("matches by account name, else by an amount only one customer has open", () => {
    const candidates = [
      { code: "A", names: ["苏州恒锐机电有限公司"], openAmountsFen: [100n] },
      { code: "B", names: ["无锡华光仪表有限责任公司", "无锡华光仪表（集团）"], openAmountsFen: [200n, 100n] },
    ];
    expect(matchPayer({ payerName: "无锡华光仪表(集团)", amountFen: 1n }, candidates)).toEqual({ code: "B", by: "name" });
    expect(matchPayer({ payerName: "某某", amountFen: 200n }, candidates)).toEqual({ code: "B", by: "amount" });
    expect(matchPayer({ payerName: "某某", amountFen: 100n }, candidates)).toBeUndefined();
  });
});
