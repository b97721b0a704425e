// Finance closes the order (issue 22): invoice requests from shipments exported as the tax platform's
// batch-issue workbook, results imported back so lines are never invoiced twice, red reversals, payments
// typed or imported from a GBK bank statement, and an exposure that releases a credit hold by itself.
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromFen, toFen } from "../../src/core/money.js";
import { usccCheckChar } from "../../src/finance/model/tax-ids.js";
import { installDefaultRules } from "../../src/rules/install-default-rules.js";
import { placeOrder, rowCounts, saveRule } from "../support/helpers.js";
import { type EventStream, openEventStream } from "../support/sse.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

let t: TestApp;
const streams: EventStream[] = [];
beforeAll(async () => {
  t = await startTestApp();
  await installDefaultRules(t.database.db);
});
afterAll(async () => {
  for (const s of streams) s.close();
  await t?.close();
});

const USCC = (body17: string) => `${body17}${usccCheckChar(body17)}`;
const B1_TAX_ID = USCC("91320211750123456");
const TT_CODE = "1090511030000000000";
const HOUSING_CODE = "1080211990000000000";

const ok = (res: { status: number; body: unknown }, status = 200) => expect(res.status, JSON.stringify(res.body)).toBe(status);

async function setUpInvoicing() {
  ok(
    await t.api("PUT", "/api/items/TT-200/invoicing", {
      as: "finance",
      body: { taxCode: TT_CODE, taxRate: 13, invoiceName: "*仪器仪表*温度变送器", unit: "台" },
    }),
  );
  ok(
    await t.api("PUT", "/api/items/PM-HOUSING/invoicing", {
      as: "finance",
      body: { taxCode: HOUSING_CODE, taxRate: 9, invoiceName: "*金属制品*不锈钢壳体", unit: "件" },
    }),
  );
  ok(
    await t.api("PUT", "/api/items/PS-100/invoicing", {
      as: "finance",
      body: { taxCode: "1090511010000000000", taxRate: 13, invoiceName: "*仪器仪表*压力传感器", unit: "台" },
    }),
  );
  ok(
    await t.api("PUT", "/api/customers/C-B1/invoicing", {
      as: "finance",
      body: {
        buyerName: "无锡华光仪表有限责任公司",
        taxId: B1_TAX_ID,
        address: "无锡市新吴区长江路 8 号",
        phone: "0510-85201234",
        bankName: "中国工商银行无锡新区支行",
        bankAccount: "1103 0212 0900 0123 456",
        email: "caiwu@huaguang.example.cn",
        defaultType: "special",
      },
    }),
  );
}

const move = async (orderNo: string, as: "planner" | "warehouse", to: string) =>
  ok(await t.api("POST", `/api/orders/${orderNo}/transitions`, { as, body: { to } }));
async function readyOrder(customer: string, lines: { sku: string; qty: number }[]) {
  const { orderNo } = await placeOrder(t, { customer, lines });
  await move(orderNo, "planner", "scheduled");
  await move(orderNo, "planner", "in_production");
  await move(orderNo, "warehouse", "ready");
  return orderNo as string;
}
async function ship(orderNo: string, trackingNo: string, lines?: { line: number; qty: number }[]) {
  const res = await t.api("POST", `/api/orders/${orderNo}/shipments`, {
    as: "warehouse",
    body: { carrier: "顺丰速运", trackingNo, ...(lines ? { lines } : {}) },
  });
  ok(res, 201);
  return res.body as { id: number; complete: boolean };
}

async function readWorkbook(ids: number[]) {
  const res = await t.fetch("GET", `/api/invoice-requests/export?ids=${ids.join(",")}`, { as: "finance" });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("spreadsheetml");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
  return workbook;
}

/** A sheet's data rows (from row 4) as objects by the header names of row 3. */
function rowsByHeader(sheet: ExcelJS.Worksheet): Record<string, string>[] {
  const headers = (sheet.getRow(3).values as unknown[]).slice(1).map(String);
  const out: Record<string, string>[] = [];
  sheet.eachRow((row, n) => {
    if (n < 4) return;
    const values = (row.values as unknown[]).slice(1);
    out.push(Object.fromEntries(headers.map((h, i) => [h, values[i] as string])));
  });
  return out;
}

const exposureOf = async (code: string) => {
  const res = await t.api("GET", `/api/customers/${code}/exposure`, { as: "finance" });
  ok(res);
  return res.body;
};

describe("exposure parts", () => {
  it("a committed order counts in full until part of it ships; that part then counts as shipped, not invoiced", async () => {
    const before = (await exposureOf("C-A1")).parts;
    const orderNo = await readyOrder("C-A1", [
      { sku: "TT-200", qty: 4 },
      { sku: "PM-HOUSING", qty: 10 },
    ]);
    const order = (await t.api("GET", `/api/orders/${orderNo}`, { as: "finance" })).body;
    const placed = (await exposureOf("C-A1")).parts;
    expect(toFen(placed.openOrders) - toFen(before.openOrders)).toBe(toFen(order.totalAmount));
    expect(placed.unbilled).toBe(before.unbilled);
    await ship(orderNo, "SF-PARTS-1", [{ line: 1, qty: 3 }]);
    const shippedValue = 3n * toFen(order.lines[0].unitPrice);
    const after = (await exposureOf("C-A1")).parts;
    expect(toFen(after.openOrders) - toFen(before.openOrders)).toBe(toFen(order.totalAmount) - shippedValue);
    expect(toFen(after.unbilled) - toFen(before.unbilled)).toBe(shippedValue);
  });
});

describe("invoicing profiles and item invoicing", () => {
  it("checks the 纳税人识别号 (15/18/20 characters, the 18-character check digit) and the 19-digit tax code, naming the field", async () => {
    const base = { buyerName: "常州精测自动化有限公司", defaultType: "normal" };
    const badCheck = B1_TAX_ID.slice(0, 17) + (B1_TAX_ID[17] === "0" ? "1" : "0");
    const refused = await t.api("PUT", "/api/customers/C-C1/invoicing", { as: "finance", body: { ...base, taxId: badCheck } });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ field: "taxId", reason: "finance.tax_id" });
    expect(refused.body.error.message).toContain("校验位");
    const short = await t.api("PUT", "/api/customers/C-C1/invoicing", { as: "finance", body: { ...base, taxId: "12345" } });
    expect(short.body.error).toMatchObject({ field: "taxId" });
    ok(await t.api("PUT", "/api/customers/C-C1/invoicing", { as: "finance", body: { ...base, taxId: "320211123456789" } }));
    ok(await t.api("PUT", "/api/customers/C-C1/invoicing", { as: "finance", body: { ...base, taxId: "91320211750123456X00" } }));
    const saved = await t.api("PUT", "/api/customers/C-C1/invoicing", { as: "finance", body: { ...base, taxId: USCC("91320412MA1MXYQ37") } });
    ok(saved);
    expect(saved.body.profile).toMatchObject({ buyerName: "常州精测自动化有限公司", taxId: USCC("91320412MA1MXYQ37"), defaultType: "normal", version: 3 });

    const eighteen = await t.api("PUT", "/api/items/TT-200/invoicing", {
      as: "finance",
      body: { taxCode: TT_CODE.slice(0, 18), taxRate: 13, invoiceName: "温度变送器" },
    });
    expect(eighteen.status).toBe(400);
    expect(eighteen.body.error).toMatchObject({ field: "taxCode", reason: "finance.tax_code" });
    const sales = await t.api("PUT", "/api/items/TT-200/invoicing", { as: "sales", body: { taxCode: TT_CODE, taxRate: 13, invoiceName: "温度变送器" } });
    expect(sales.status).toBe(403);
  });
});

describe("invoice requests and the batch-issue workbook", () => {
  let orderNo: string;
  let shipments: number[];
  let requestIds: number[];

  it("three shipments with two tax rates become two 流水号 whose detail rows sum exactly to the shipments", async () => {
    await setUpInvoicing();
    orderNo = await readyOrder("C-B1", [
      { sku: "TT-200", qty: 5 },
      { sku: "PM-HOUSING", qty: 3 },
    ]);
    const s1 = await ship(orderNo, "SF-F1", [{ line: 1, qty: 2 }]);
    const s2 = await ship(orderNo, "SF-F2", [{ line: 1, qty: 3 }]);
    const s3 = await ship(orderNo, "SF-F3", [{ line: 2, qty: 3 }]);
    expect(s3.complete).toBe(true);
    shipments = [s1.id, s2.id, s3.id];
    const order = (await t.api("GET", `/api/orders/${orderNo}`, { as: "finance" })).body;
    const shippedFen = toFen(order.totalAmount);

    const res = await t.api("POST", "/api/invoice-requests", { as: "finance", body: { shipments } });
    ok(res, 201);
    const requests = res.body.requests as {
      id: number;
      serial: string;
      taxRate: number;
      amount: string;
      netAmount: string;
      taxAmount: string;
      type: string;
      lines: { qty: number; unitPrice: string; amount: string }[];
    }[];
    requestIds = requests.map((r) => r.id);
    expect(requests.map((r) => r.taxRate).sort()).toEqual([13, 9]);
    expect(new Set(requests.map((r) => r.serial)).size).toBe(2);
    expect(requests.every((r) => r.type === "special")).toBe(true);
    expect(requests.reduce((s, r) => s + toFen(r.amount), 0n)).toBe(shippedFen);
    for (const r of requests) {
      expect(toFen(r.netAmount) + toFen(r.taxAmount)).toBe(toFen(r.amount));
      for (const l of r.lines) expect(Math.abs(l.qty * Number(l.unitPrice) - Number(l.amount))).toBeLessThanOrEqual(0.01);
    }
    const got = await t.api("GET", `/api/invoice-requests/${requestIds[0]}`, { as: "finance" });
    ok(got);
    expect(got.body.serial).toBe(requests[0].serial);

    const workbook = await readWorkbook(requestIds);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["1-发票基本信息", "2-发票明细信息", "3-特定业务信息", "4-附加要素信息"]);
    const [basic, detail, optional] = workbook.worksheets;
    expect(String(basic.getCell("A1").value)).toContain("填写说明");
    expect(String(basic.getCell("A2").value)).toContain("必填");
    expect(basic.getCell("A3").value).toBe("发票流水号");
    expect(optional.rowCount).toBe(3);
    // Every cell is text, stored as text.
    for (const sheet of [basic, detail]) {
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(typeof cell.value).toBe("string");
          expect(cell.numFmt).toBe("@");
        }),
      );
    }
    const invoices = rowsByHeader(basic);
    const lines = rowsByHeader(detail);
    expect(invoices.map((i) => i.发票流水号).sort()).toEqual(requests.map((r) => r.serial).sort());
    expect(invoices[0]).toMatchObject({ 发票类型: "增值税专用发票", 购买方名称: "无锡华光仪表有限责任公司", 购买方纳税人识别号: B1_TAX_ID, 是否含税: "是" });
    expect(lines).toHaveLength(3);
    expect(lines.map((l) => l.商品和服务税收编码).sort()).toEqual([HOUSING_CODE, TT_CODE, TT_CODE].sort());
    for (const r of requests) {
      const mine = lines.filter((l) => l.发票流水号 === r.serial);
      expect(mine.reduce((s, l) => s + toFen(l.金额), 0n)).toBe(toFen(r.amount));
      expect(mine.every((l) => l.税率 === (r.taxRate === 13 ? "0.13" : "0.09"))).toBe(true);
    }
    expect(lines.reduce((s, l) => s + toFen(l.金额), 0n)).toBe(shippedFen);
  });

  it("refuses a line already on a request, and once the issued numbers are imported the lines can never be invoiced again", async () => {
    const again = await t.api("POST", "/api/invoice-requests", { as: "finance", body: { shipments } });
    expect(again.status).toBe(422);
    expect(again.body.error).toMatchObject({ reason: "finance.line_requested", field: "shipments" });

    // The platform's result workbook: numbers per 流水号.
    const serials = await Promise.all(
      requestIds.map(async (id) => (await t.api("GET", `/api/invoice-requests/${id}`, { as: "finance" })).body.serial as string),
    );
    const result = new ExcelJS.Workbook();
    const sheet = result.addWorksheet("开具结果");
    sheet.addRow(["序号", "发票流水号", "发票号码", "开票日期", "开具状态"]);
    for (const [i, serial] of serials.entries()) sheet.addRow([i + 1, serial, `2632000000000000${i + 1}000`, "2026-12-01", "开具成功"]);
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(await result.xlsx.writeBuffer())]), "开具结果.xlsx");
    const issued = await t.api("POST", "/api/invoice-requests/issued", { as: "finance", form });
    ok(issued);
    expect(issued.body.issued).toHaveLength(2);
    expect(issued.body.problems).toEqual([]);
    const view = (await t.api("GET", `/api/invoice-requests/${requestIds[0]}`, { as: "finance" })).body;
    expect(view).toMatchObject({ status: "issued", invoiceNo: "26320000000000001000", issuedOn: "2026-12-01", dueOn: "2026-12-31" });

    // Imported twice: nothing changes. Lines by hand: refused, naming the line.
    const twice = await t.api("POST", "/api/invoice-requests/issued", {
      as: "finance",
      body: { results: [{ serial: serials[0], invoiceNo: "26320000000000001000" }] },
    });
    expect(twice.body).toMatchObject({ issued: [], duplicates: [serials[0]] });
    const byLine = await t.api("POST", "/api/invoice-requests", { as: "finance", body: { lines: [{ shipment: shipments[2], line: 2 }] } });
    expect(byLine.status).toBe(422);
    expect(byLine.body.error).toMatchObject({ reason: "finance.line_invoiced", field: "lines[0]" });
    expect(byLine.body.error.message).toMatch(/已开具发票（流水号 LY\d+，发票号码 2632\d+）/);
    const byOrder = await t.api("POST", "/api/invoice-requests", { as: "finance", body: { orders: [orderNo] } });
    expect(byOrder.status).toBe(422);
  });

  it("a red-letter reversal for a return: the negated lines go out with the blue number, and once issued the receivable falls", async () => {
    const before = await exposureOf("C-B1");
    const blue = (await t.api("GET", `/api/invoice-requests/${requestIds[1]}`, { as: "finance" })).body;
    const res = await t.api("POST", `/api/invoice-requests/${blue.id}/reverse`, { as: "finance", body: { reason: "客户退货" } });
    ok(res, 201);
    expect(res.body).toMatchObject({ kind: "red", reverses: blue.id, status: "requested", amount: fromFen(-toFen(blue.amount)) });
    expect(res.body.lines.every((l: { qty: number }) => l.qty < 0)).toBe(true);
    const twice = await t.api("POST", `/api/invoice-requests/${blue.id}/reverse`, { as: "finance", body: { reason: "客户退货" } });
    expect(twice.body.error.reason).toBe("finance.already_reversed");

    const workbook = await readWorkbook([res.body.id]);
    const [invoice] = rowsByHeader(workbook.worksheets[0]);
    expect(invoice.备注).toContain(blue.invoiceNo);
    const [line] = rowsByHeader(workbook.worksheets[1]);
    expect(toFen(line.金额)).toBeLessThan(0n);

    ok(
      await t.api("POST", "/api/invoice-requests/issued", {
        as: "finance",
        body: { results: [{ serial: res.body.serial, invoiceNo: "26320000000000009999", issuedOn: "2026-12-02" }] },
      }),
    );
    expect((await t.api("GET", `/api/invoice-requests/${blue.id}`, { as: "finance" })).body).toMatchObject({
      status: "reversed",
      reversedBy: { id: res.body.id, status: "issued" },
    });
    const after = await exposureOf("C-B1");
    expect(toFen(after.parts.receivables)).toBe(toFen(before.parts.receivables) - toFen(blue.amount));
    // A return: the goods came back, the lines stay invoiced.
    const reinvoice = await t.api("POST", "/api/invoice-requests", {
      as: "finance",
      body: { lines: [{ shipment: blue.lines[0].shipment, line: blue.lines[0].line }] },
    });
    expect(reinvoice.body.error.reason).toBe("finance.line_invoiced");
  });

  it("refuses a 专票 for a buyer without 税号 before export, naming the row and the column, and writes nothing", async () => {
    ok(await t.api("PUT", "/api/customers/C-D1/invoicing", { as: "finance", body: { buyerName: "南通小额贸易有限公司", taxId: "", defaultType: "normal" } }));
    const orderNo = await readyOrder("C-D1", [{ sku: "TT-200", qty: 1 }]);
    const s = await ship(orderNo, "SF-D1");
    const counts = await rowCounts(t.database.db, ["invoice_requests", "invoice_request_lines"]);
    const res = await t.api("POST", "/api/invoice-requests", { as: "finance", body: { shipments: [s.id], type: "special" } });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ reason: "finance.invoice_problems", field: "购买方纳税人识别号" });
    expect(res.body.error.problems[0]).toMatchObject({ sheet: "1-发票基本信息", row: 4, field: "购买方纳税人识别号", reason: "required_for_special" });
    expect(res.body.error.message).toContain("第 4 行");
    expect(await rowCounts(t.database.db, ["invoice_requests", "invoice_request_lines"])).toEqual(counts);
    // A 普票 for the same buyer goes through (per order, one click).
    const normal = await t.api("POST", "/api/invoice-requests", { as: "finance", body: { orders: [orderNo] } });
    ok(normal, 201);
    expect(normal.body.requests[0]).toMatchObject({ type: "normal", amount: "899.00" });
  });
});

describe("payments, exposure and credit holds", () => {
  it("a ¥50,000 payment lowers the exposure by exactly ¥50,000 and is allocated to the oldest open item", async () => {
    const before = await exposureOf("C-A1");
    const res = await t.api("POST", "/api/payments", {
      as: "finance",
      body: { payerName: "苏州恒锐机电有限公司", payerAccount: "6222 0000 1111", amount: "50000.00", receivedOn: "2026-12-02", bankRef: "ICBC-A1-001" },
    });
    ok(res, 201);
    expect(res.body).toMatchObject({ customer: "C-A1", matchedBy: "name", allocated: "50000.00", advance: "0.00" });
    const after = await exposureOf("C-A1");
    expect(toFen(before.exposure) - toFen(after.exposure)).toBe(5_000_000n);
    expect(after.openItems[0]).toMatchObject({ invoiceId: null, open: "100000.00" });
    // The same bank reference again: recorded once.
    const retry = await t.api("POST", "/api/payments", {
      as: "finance",
      body: { payerName: "苏州恒锐机电有限公司", payerAccount: "6222 0000 1111", amount: "50000.00", receivedOn: "2026-12-02", bankRef: "ICBC-A1-001" },
    });
    expect(retry.status).toBe(200);
    expect(retry.body.duplicate).toBe(true);
    expect((await exposureOf("C-A1")).exposure).toBe(after.exposure);
  });

  it("a payment that brings the exposure under the limit releases the order held for credit: event on the order and a live change", async () => {
    // C-C1: limit 100,000 and 120,000 typed receivables (the opening balance): a new order is held.
    const { orderNo, status } = await placeOrder(t, { customer: "C-C1", lines: [{ sku: "TT-200", qty: 10 }] });
    expect(status).toBe("on_hold");
    const held = await exposureOf("C-C1");
    expect(held.held.map((h: { orderNo: string }) => h.orderNo)).toContain(orderNo);
    const board = await openEventStream(t.url, await t.cookie("finance"));
    streams.push(board);

    const res = await t.api("POST", "/api/payments", {
      as: "finance",
      body: { customer: "C-C1", payerName: "常州精测", amount: "50000.00", receivedOn: "2026-12-02" },
    });
    ok(res, 201);
    expect(res.body.released).toEqual([orderNo]);
    const after = await exposureOf("C-C1");
    expect(toFen(after.parts.receivables)).toBe(toFen(held.parts.receivables) - 5_000_000n);
    expect(toFen(after.exposure)).toBe(toFen(held.exposure) - 5_000_000n + 899_000n);
    const order = (await t.api("GET", `/api/orders/${orderNo}`, { as: "finance" })).body;
    expect(order.status).toBe("confirmed");
    expect(order.events.at(-1)).toMatchObject({ kind: "transition", from: "on_hold", to: "confirmed", actor: "finance" });
    expect(order.events.at(-1).reason).toContain("回款到账");
    expect(await board.waitFor((c) => c.orderNo === orderNo && c.action === "transition")).toMatchObject({ status: "confirmed" });
    // The credit approval task the rule opened is closed with the reason.
    const { tasks } = (await t.api("GET", `/api/tasks?orderNo=${orderNo}`, { as: "finance" })).body;
    const approval = tasks.find((x: { title: string }) => x.title.startsWith("信用审批"));
    expect(approval).toMatchObject({ status: "done" });
    await board.waitFor((c) => c.kind === "finance" && c.customer === "C-C1");
  });

  it("imports a GBK bank statement: credits matched by account name, debits skipped, read twice adds nothing", async () => {
    const csv = [
      "交易日期,对方户名,对方账号,借方金额,贷方金额,交易流水号,摘要",
      '2026-12-02 09:12:00,无锡华光仪表有限责任公司,1103021209000123456,,"12,000.00",B20261202001,货款',
      "2026-12-02 10:00:00,某物流公司,6222000099990000,300.00,,B20261202002,运费",
      "2026-12-02 11:30:00,不认识的公司,6222000011112222,,777.77,B20261202003,货款",
    ].join("\r\n");
    const form = () => {
      const f = new FormData();
      f.append("file", new Blob([new Uint8Array(iconv.encode(csv, "gbk"))]), "对账单.csv");
      return f;
    };
    const res = await t.api("POST", "/api/payments/import", { as: "finance", form: form() });
    ok(res);
    expect(res.body).toMatchObject({ encoding: "gb18030", imported: 2, duplicates: 0, unmatched: 1, skipped: 1 });
    expect(res.body.payments[0]).toMatchObject({ customer: "C-B1", matchedBy: "name", amount: "12000.00", receivedOn: "2026-12-02" });
    const again = await t.api("POST", "/api/payments/import", { as: "finance", form: form() });
    expect(again.body).toMatchObject({ imported: 0, duplicates: 2 });
    // The unmatched one is given its customer by hand; with nothing open it stays an advance (预收款).
    const unmatched = res.body.payments.find((p: { customer: string | null }) => !p.customer);
    const allocated = await t.api("POST", `/api/payments/${unmatched.id}/allocations`, { as: "finance", body: { customer: "C-D1" } });
    ok(allocated);
    expect(allocated.body).toMatchObject({ customer: "C-D1", allocated: "0.00", advance: "777.77" });
    expect((await exposureOf("C-D1")).advance).toBe("777.77");
  });

  it("a manual override raises the limit until its expiry, logged with the reason, and releases what now fits", async () => {
    const { orderNo, status } = await placeOrder(t, { customer: "C-C1", lines: [{ sku: "TT-200", qty: 40 }] });
    expect(status).toBe("on_hold");
    const missing = await t.api("POST", "/api/customers/C-C1/credit-overrides", {
      as: "finance",
      body: { extraLimit: "50000.00", expiresAt: new Date(Date.now() + 86_400_000).toISOString() },
    });
    expect(missing.status).toBe(400);
    const res = await t.api("POST", "/api/customers/C-C1/credit-overrides", {
      as: "finance",
      body: { extraLimit: "50000.00", reason: "年底大客户，总经理批准", expiresAt: new Date(Date.now() + 86_400_000).toISOString() },
    });
    ok(res, 201);
    expect(res.body.released).toEqual([orderNo]);
    expect(res.body).toMatchObject({ override: "50000.00", effectiveLimit: "150000.00" });
    expect(res.body.overrides[0]).toMatchObject({ reason: "年底大客户，总经理批准", by: "finance", active: true });
    const sales = await t.api("POST", "/api/customers/C-C1/credit-overrides", {
      as: "sales",
      body: { extraLimit: "1.00", reason: "试试", expiresAt: new Date(Date.now() + 1000_000).toISOString() },
    });
    expect(sales.status).toBe(403);
  });
});

describe("settings, the work list, races and overdue", () => {
  it("two requests for the same shipment at once: one is made, the other refused, never both", async () => {
    const orderNo = await readyOrder("C-B1", [{ sku: "TT-200", qty: 1 }]);
    const s = await ship(orderNo, "SF-RACE");
    const [a, b] = await Promise.all([
      t.api("POST", "/api/invoice-requests", { as: "finance", body: { shipments: [s.id] } }),
      t.api("POST", "/api/invoice-requests", { as: "finance", body: { shipments: [s.id] } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, a.status === 201 ? b.status : a.status].sort());
    expect([a.status, b.status].filter((x) => x === 201)).toHaveLength(1);
    expect([409, 422]).toContain(a.status === 201 ? b.status : a.status);
  });

  it("a newer workbook template renames and moves columns without code; exposure parts can be switched off", async () => {
    const settings = (await t.api("GET", "/api/finance/settings", { as: "finance" })).body;
    expect(settings).toMatchObject({ receivables: true, unbilled: true, openOrders: true, layoutVersion: "2024-V1.0.6" });
    const { DEFAULT_LAYOUT } = await import("../../src/finance/model/fapiao-layout.js");
    const newer = structuredClone(DEFAULT_LAYOUT);
    newer.version = "2026-V2";
    newer.sheets[1].columns = [newer.sheets[1].columns[7], ...newer.sheets[1].columns.filter((_, i) => i !== 7)];
    newer.sheets[1].columns[0].header = "金额（元）";
    const bad = structuredClone(newer);
    bad.sheets[1].columns[0].field = "price";
    const refused = await t.api("PUT", "/api/finance/settings", { as: "finance", body: { receivables: true, unbilled: true, openOrders: true, layout: bad } });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ reason: "finance.layout", field: "layout" });
    ok(await t.api("PUT", "/api/finance/settings", { as: "finance", body: { receivables: true, unbilled: true, openOrders: true, layout: newer } }));
    const work = (await t.api("GET", "/api/finance/work", { as: "finance" })).body;
    const ids = work.requested.map((r: { id: number }) => r.id);
    const sheet = (await readWorkbook(ids)).worksheets[1];
    expect(sheet.getCell("A3").value).toBe("金额（元）");
    const rows = rowsByHeader(sheet);
    const total = work.requested.reduce((s: bigint, r: { amount: string }) => s + toFen(r.amount), 0n);
    expect(rows.reduce((s, r) => s + toFen(r["金额（元）"]), 0n)).toBe(total);
    ok(await t.api("PUT", "/api/finance/settings", { as: "finance", body: { receivables: true, unbilled: true, openOrders: true, layout: null } }));

    const before = await exposureOf("C-C1");
    expect(toFen(before.parts.openOrders)).toBeGreaterThan(0n);
    ok(await t.api("PUT", "/api/finance/settings", { as: "finance", body: { receivables: true, unbilled: true, openOrders: false } }));
    const off = await exposureOf("C-C1");
    expect(toFen(off.exposure)).toBe(toFen(before.exposure) - toFen(before.parts.openOrders));
    expect(off.switches.openOrders).toBe(false);
    ok(await t.api("PUT", "/api/finance/settings", { as: "finance", body: { receivables: true, unbilled: true, openOrders: true } }));
  });

  it("the work list: shipments to invoice, requests waiting, payments to allocate", async () => {
    const orderNo = await readyOrder("C-B1", [{ sku: "PM-HOUSING", qty: 2 }]);
    await ship(orderNo, "SF-WORK");
    const work = await t.api("GET", "/api/finance/work", { as: "finance" });
    ok(work);
    expect(work.body.toInvoice.orders.find((o: { orderNo: string }) => o.orderNo === orderNo)).toMatchObject({ customer: "C-B1", lines: 1 });
    expect(work.body.requested.length).toBeGreaterThan(0);
    expect(work.body.payments.find((p: { payerName: string }) => p.payerName === "不认识的公司")).toMatchObject({ customer: "C-D1", left: "777.77" });
    expect((await t.api("GET", "/api/finance/work", { as: "sales" })).status).toBe(403);
  });

  it("in bulk: a customer's month of shipments not yet requested, in one request per rate", async () => {
    const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    const waiting = (await t.api("GET", "/api/finance/work", { as: "finance" })).body.toInvoice.orders.filter(
      (o: { customer: string }) => o.customer === "C-B1",
    );
    expect(waiting.length).toBeGreaterThan(0);
    const res = await t.api("POST", "/api/invoice-requests", { as: "finance", body: { customer: "C-B1", month, type: "normal" } });
    ok(res, 201);
    const orders = new Set(res.body.requests.flatMap((r: { lines: { orderNo: string }[] }) => r.lines.map((l) => l.orderNo)));
    expect([...orders].sort()).toEqual(waiting.map((o: { orderNo: string }) => o.orderNo).sort());
    const again = await t.api("POST", "/api/invoice-requests", { as: "finance", body: { customer: "C-B1", month } });
    expect(again.status).toBe(422);
    expect(again.body.error.field).toBe("month");
    expect(["finance.line_requested", "finance.line_invoiced"]).toContain(again.body.error.reason);
    const half = await t.api("POST", "/api/invoice-requests", { as: "finance", body: { month } });
    expect(half.status).toBe(400);
  });

  it("an invoice past its due date is overdue: aged, on the work list, and a rule on customer.overdue holds the next order", async () => {
    const orderNo = await readyOrder("C-B1", [{ sku: "TT-200", qty: 2 }]);
    await ship(orderNo, "SF-LATE");
    const [request] = (await t.api("POST", "/api/invoice-requests", { as: "finance", body: { orders: [orderNo] } })).body.requests;
    ok(
      await t.api("POST", "/api/invoice-requests/issued", {
        as: "finance",
        body: { results: [{ serial: request.serial, invoiceNo: "26320000000000007777", issuedOn: "2026-06-01" }] },
      }),
    );
    const exposure = await exposureOf("C-B1");
    expect(exposure.overdue).toBe("1798.00");
    expect(exposure.aging["90+"]).toBe("1798.00");
    const work = (await t.api("GET", "/api/finance/work", { as: "finance" })).body;
    expect(work.overdue.find((o: { customer: string }) => o.customer === "C-B1")).toMatchObject({ overdue: "1798.00", oldestDueOn: "2026-07-01" });
    await saveRule(t, {
      name: "逾期应收拦截(测试)",
      trigger: { event: "order.created" },
      condition: { ">": [{ var: "customer.overdue" }, 0] },
      actions: [{ type: "hold", reason: "有逾期应收", releasableBy: ["finance"] }],
    });
    const next = await placeOrder(t, { customer: "C-B1", lines: [{ sku: "TT-200", qty: 1 }] });
    expect(next.status).toBe("on_hold");
    expect(next.holdReason).toBe("有逾期应收");
  });
});
