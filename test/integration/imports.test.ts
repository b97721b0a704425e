import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { countRows, LEDGER_HEADER, upload, workbook } from "../support/workbooks.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/** A hand-kept ledger: title row, mixed dates and amounts, name variants, blank, repeated and total rows. */
const LEDGER = [
  ["2025年销售订单台账"],
  LEDGER_HEADER,
  ["LD25001", "苏州恒锐机电有限公司", utc(2025, 1, 3), "2025/1/20", "2025-01-18", "¥12,345.00", "PS-100", "10件", "已交货", ""],
  ["LD25001", "苏州恒锐机电有限公司", utc(2025, 1, 3), "2025/1/20", "2025-01-18", "1,000.5元", "TT-200", "1 pcs", "已交货", "第二行"],
  ["LD25002", "苏州恒锐机电有限责任公司", "45665", "1月25日", "1月28日", "1.2万", "TT-200", "100 pcs", "已完成", "迟交"],
  [],
  ["LD25003", "苏州 恒锐机电有限公司　", "2025年2月3日", "2025-02-10", "", "5000", "PS-100", "5", "生产中", ""],
  ["LD25004", "无锡华光仪表有限公司", "2025-03-01", "2025-03-20", "2025-03-19", "(800.00)", "PS-100", "-2", "已交货", "退货冲红"],
  ["LD25004", "无锡华光仪表有限公司", "2025-03-01", "2025-03-20", "2025-03-19", "(800.00)", "PS-100", "-2", "已交货", "退货冲红"],
  ["LD25005", "宁波新客户有限公司", "2025/4/1", "2025/4/30", "2025/4/29", "¥3,000.00", "TT-200", "3台", "", ""],
  ["LD25006", "宁波新客户有限责任公司", "2025/4/2", "2025/4/30", "2025/5/3", "3000", "TT-200", "3台", "已交货", ""],
  ["LD25007", "", "2025-02-30", "2025-01-01", "", "面议", "PS-100", "0", "看情况", ""],
  ["合计", null, null, null, null, "34145.50", null, null, null, null],
];

describe("importing a year of legacy orders", () => {
  it("a dry run reports every row, the customer matches and what would be created, and writes nothing", async () => {
    const before = await countRows(t);
    const res = await upload(t, await workbook([{ name: "2025", rows: LEDGER }]), "台账2025.xlsx", "?dryRun=1");
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const r = res.body;
    expect(r).toMatchObject({ dryRun: true, importId: null, kind: "orders", headerRow: 2, rows: 9, valid: 7, invalid: 1, blankRows: 1 });
    expect(r.file).toMatchObject({ format: "xlsx", sheets: ["2025"], sheet: "2025" });
    expect(r.year).toEqual({ value: 2025, source: "sheet" });
    expect(r.totalRows).toEqual([13]);
    expect(r.duplicateRows).toEqual([{ row: 9, sameAs: 8 }]);
    expect(r.errors.map((e: { row: number; field: string; reason: string }) => [e.row, e.field, e.reason])).toEqual([
      [12, "customerName", "field.required"],
      [12, "orderedOn", "date.impossible"],
      [12, "qty", "qty.zero"],
      [12, "amount", "amount.unreadable"],
      [12, "status", "status.unknown"],
    ]);
    expect(r.errors[3]).toMatchObject({ column: "金额(元)", value: "面议", message: "无法识别的金额“面议”" });
    expect(r.create).toEqual({ orders: 6, lines: 7, customers: 1 });
    expect(r.existing).toEqual({ orders: 0, customersMatched: 2 });
    const hengrui = r.customers.find((c: { code: string }) => c.code === "C-A1");
    expect(hengrui).toMatchObject({ action: "matched", by: "name", orders: 3 });
    expect(hengrui.variants).toEqual(["苏州恒锐机电有限公司", "苏州恒锐机电有限责任公司", "苏州 恒锐机电有限公司"]);
    const created = r.customers.find((c: { action: string }) => c.action === "create");
    expect(created).toMatchObject({ name: "宁波新客户有限公司", variants: ["宁波新客户有限公司", "宁波新客户有限责任公司"], orders: 2 });
    expect(r.amount).toBe("35545.50");
    expect(await countRows(t)).toEqual(before);
  });

  it("commits all valid rows at once; the same file again writes nothing new; an overlapping file adds only new orders", async () => {
    const before = await countRows(t);
    const file = await workbook([{ name: "2025", rows: LEDGER }]);
    const res = await upload(t, file, "台账2025.xlsx", "", { as: "sales" });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ dryRun: false, replayed: false, create: { orders: 6, lines: 7, customers: 1 } });
    expect(res.body.importId).toBeGreaterThan(0);
    const after = await countRows(t);
    expect(after).toEqual({ orders: before.orders + 6, lines: before.lines + 7, imports: before.imports + 1, customers: before.customers + 1 });
    const credit = await t.database.db.selectFrom("history_orders").selectAll().where("order_no", "=", "LD25004").executeTakeFirstOrThrow();
    expect(credit).toMatchObject({ customer_code: "C-B1", amount: "-800.00", ordered_on: "2025-03-01", status: "delivered" });

    const again = await upload(t, file, "copy.xlsx");
    expect(again.body).toMatchObject({ replayed: true, importId: res.body.importId });
    expect(await countRows(t)).toEqual(after);

    const overlapping = await workbook([
      {
        name: "Sheet1",
        rows: [LEDGER_HEADER, LEDGER[2], ["LD25100", "常州精测自动化有限公司", "2025-06-01", "2025-06-10", "2025-06-09", "100", "PS-100", "1", "已交货", ""]],
      },
    ]);
    const more = await upload(t, overlapping, "six.xlsx");
    expect(more.body).toMatchObject({ create: { orders: 1, lines: 1, customers: 0 }, existing: { orders: 1 } });
    expect((await countRows(t)).orders).toBe(after.orders + 1);
  });

  it("a re-run of the same file with a corrected year is a new run; with the same options it replays", async () => {
    const file = await workbook([{ name: "Sheet1", rows: [LEDGER_HEADER, ["YR-1", "常州精测自动化有限公司", "3月5日", "", "", "100", "", "", "已交货", ""]] }]);
    const first = await upload(t, file, "short-dates.xlsx");
    expect(first.body).toMatchObject({ replayed: false, valid: 0, create: { orders: 0 } });
    expect(first.body.errors[0]).toMatchObject({ row: 2, field: "orderedOn", reason: "date.no_year" });
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(file)]), "short-dates.xlsx");
    const download = await t.fetch("POST", "/api/imports?dryRun=1&format=xlsx", { as: "sales", form });
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toContain("spreadsheetml");
    const errorBook = new ExcelJS.Workbook();
    await errorBook.xlsx.load(Buffer.from(await download.arrayBuffer()) as never);
    const sheet = errorBook.worksheets[0];
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(["行号", "列", "字段", "内容", "原因"]);
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual([2, "下单日期", "orderedOn", "3月5日", "日期“3月5日”没有年份：请在导入时指定年份"]);
    const fixed = await upload(t, file, "short-dates.xlsx", "?year=2025");
    expect(fixed.body).toMatchObject({ replayed: false, valid: 1, create: { orders: 1 } });
    const again = await upload(t, file, "short-dates.xlsx", "?year=2025");
    expect(again.body).toMatchObject({ replayed: true, importId: fixed.body.importId });
  });

  it("reports how far a run has got to the person who started it, 100% once committed", async () => {
    const rows = Array.from({ length: 30 }, (_, i) => [`PG-${i}`, "常州精测自动化有限公司", "2025-05-01", "2025-05-20", "", "100", "", "", "已交货", ""]);
    const file = await workbook([{ name: "2025", rows: [LEDGER_HEADER, ...rows] }]);
    const missing = await t.api("GET", "/api/imports/progress/run-000001", { as: "sales" });
    expect(missing.status).toBe(404);
    const dry = await upload(t, file, "progress.xlsx", "?dryRun=1&progress=run-000001", { as: "sales" });
    expect(dry.status).toBe(200);
    expect((await t.api("GET", "/api/imports/progress/run-000001", { as: "sales" })).body).toMatchObject({ phase: "done", percent: 100 });
    const commit = await upload(t, file, "progress.xlsx", "?progress=run-000002", { as: "sales" });
    expect(commit.body).toMatchObject({ valid: 30, create: { orders: 30 } });
    const done = await t.api("GET", "/api/imports/progress/run-000002", { as: "sales" });
    expect(done.body).toEqual({ phase: "done", done: 30, total: 30, percent: 100 });
    // Progress belongs to whoever started the run.
    expect((await t.api("GET", "/api/imports/progress/run-000002", { as: "admin" })).status).toBe(404);
    const failed = await upload(t, Buffer.from("PK\u0003\u0004broken"), "broken.xlsx", "?progress=run-000003", { as: "sales" });
    expect(failed.status).toBe(400);
    expect((await t.api("GET", "/api/imports/progress/run-000003", { as: "sales" })).body).toMatchObject({ phase: "failed" });
    expect((await upload(t, file, "progress.xlsx", "?progress=bad id", { as: "sales" })).status).toBe(400);
  });

  it("two people committing the same file at once write it once", async () => {
    const file = await workbook([
      { name: "Sheet1", rows: [LEDGER_HEADER, ["SIM-1", "常州精测自动化有限公司", "2025-05-05", "", "", "100", "", "", "已交货", ""]] },
    ]);
    const before = await countRows(t);
    const [a, b] = await Promise.all([upload(t, file, "same.xlsx"), upload(t, file, "same.xlsx", "", { as: "sales" })]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect([a.body.replayed, b.body.replayed].sort()).toEqual([false, true]);
    expect(a.body.importId).toBe(b.body.importId);
    const after = await countRows(t);
    expect(after.orders - before.orders).toBe(1);
    expect(after.imports - before.imports).toBe(1);
  });

  it("keeps the history read-only, even for SQL", async () => {
    await expect(t.database.db.updateTable("history_orders").set({ note: "改" }).where("order_no", "=", "LD25001").execute()).rejects.toThrow(/append-only/);
    await expect(t.database.db.deleteFrom("history_order_lines").where("order_no", "=", "LD25001").execute()).rejects.toThrow(/append-only/);
  });

  it("serves the history by customer and date range, and counts it in the customer's on-time rate", async () => {
    const res = await t.api("GET", "/api/history?customer=C-A1&from=2025-01-01&to=2025-01-31", { as: "engineering" });
    expect(res.status).toBe(200);
    expect(res.body.orders.map((o: { orderNo: string }) => o.orderNo)).toEqual(["LD25002", "LD25001"]);
    expect(res.body.orders[1]).toMatchObject({
      amount: "13345.50",
      dueOn: "2025-01-20",
      deliveredOn: "2025-01-18",
      onTime: true,
      lines: [{ lineNo: 1 }, { lineNo: 2 }],
    });
    expect(res.body.orders[0]).toMatchObject({ dueOn: "2025-01-25", deliveredOn: "2025-01-28", onTime: false });
    const page = await t.api("GET", "/api/history?customer=C-A1&limit=1");
    expect(page.body.orders).toHaveLength(1);
    const next = await t.api("GET", `/api/history?customer=C-A1&limit=5&cursor=${page.body.nextCursor}`);
    expect(next.body.orders.map((o: { orderNo: string }) => o.orderNo)).not.toContain(page.body.orders[0].orderNo);
    const customer = await t.api("GET", "/api/customers/C-A1", { as: "sales" });
    // LD25001 on time, LD25002 late, LD25003 not delivered yet; C-A1 has no delivered live orders.
    expect(customer.body).toMatchObject({ deliveredOrders: 2, onTimeRate: 0.5, historyOrders: 3 });
    expect((await t.api("GET", "/api/history?from=2025-13-01")).status).toBe(400);
  });

  it("reads a GBK CSV from Chinese Excel, with the year given by the user", async () => {
    const csv = [
      "订单号,客户名称,下单日期,金额(元),状态",
      'CSV001,常州精测自动化有限公司,3月5日,"￥1,200.00",已交货',
      "CSV002,常州精测自动化有限公司,3月6日,900,已取消",
    ].join("\r\n");
    const res = await upload(t, iconv.encode(csv, "gbk"), "ledger.csv", "?dryRun=1&year=2024");
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ file: { format: "csv", encoding: "gb18030" }, valid: 2, year: { value: 2024, source: "user" } });
    const utf8 = await upload(t, Buffer.from(`\ufeff${csv}`), "ledger.csv", "?dryRun=1");
    expect(utf8.body.file.encoding).toBe("utf-8");
    expect(utf8.body.errors.map((e: { reason: string }) => e.reason)).toEqual(["date.no_year", "date.no_year"]);
  });

  it("takes a corrected mapping, saved as a template, and a chosen sheet", async () => {
    const rows = [
      ["单据编号", "往来单位", "日期", "价税合计", "摘要"],
      ["TPL-1", "常州精测自动化有限公司", "2025-07-01", "500", "模板导入"],
    ];
    const file = await workbook([
      { name: "说明", rows: [["本文件说明"]] },
      { name: "明细", rows },
    ]);
    const unmapped = await upload(t, file, "tpl.xlsx", "?dryRun=1&sheet=明细");
    expect(unmapped.status).toBe(400);
    expect(unmapped.body.error).toMatchObject({ reason: "import.missing_columns", field: "mapping" });
    expect(unmapped.body.error.headers).toEqual(rows[0]);
    const mapping = { orderNo: "单据编号", customerName: "B", note: "摘要" };
    const saved = await t.api("PUT", "/api/imports/templates/金蝶导出", { as: "sales", body: { kind: "orders", mapping } });
    expect(saved.status).toBe(200);
    const res = await upload(t, file, "tpl.xlsx", `?dryRun=1&sheet=${encodeURIComponent("明细")}&template=${encodeURIComponent("金蝶导出")}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      valid: 1,
      mapping: { orderNo: "单据编号", customerName: "往来单位", orderedOn: "日期", amount: "价税合计", note: "摘要" },
    });
    expect(res.body.file.sheets).toEqual(["说明", "明细"]);
    const badSheet = await upload(t, file, "tpl.xlsx", "?dryRun=1&sheet=Sheet9");
    expect(badSheet.body.error).toMatchObject({ reason: "import.sheet_not_found", field: "sheet" });
    const badField = await upload(t, file, "tpl.xlsx", "?dryRun=1&sheet=明细", { mapping: { colour: "A" } });
    expect(badField.body.error).toMatchObject({ reason: "import.mapping_invalid", field: "mapping.colour" });
    expect((await t.api("GET", "/api/imports/templates", { as: "sales" })).body.templates[0]).toMatchObject({ name: "金蝶导出", mapping });
  });

  it("imports customers and items, matching existing ones", async () => {
    const customers = await workbook([
      {
        name: "客户",
        rows: [
          ["客户编码", "客户名称", "联系人", "地区"],
          ["C-NEW1", "杭州新锐传感有限公司", "陈工", "浙江"],
          ["", "苏州恒锐机电有限责任公司", "", ""],
          ["bad code!", "坏编码公司", "", ""],
        ],
      },
    ]);
    const res = await upload(t, customers, "customers.xlsx", "?kind=customers", { as: "sales" });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ create: { customers: 1 }, existing: { customers: 1 }, invalid: 1 });
    expect(res.body.errors[0]).toMatchObject({ row: 4, field: "code", reason: "code.format" });
    const withGrade = await workbook([
      {
        name: "客户",
        rows: [
          ["客户名称", "等级"],
          ["另一家有限公司", "A"],
        ],
      },
    ]);
    const refused = await upload(t, withGrade, "grades.xlsx", "?kind=customers&dryRun=1", { as: "sales" });
    expect(refused.status).toBe(403);
    expect(refused.body.error.reason).toBe("import.credit_fields");

    const items = await workbook([
      {
        name: "物料",
        rows: [
          ["物料编码", "名称", "类型", "单价", "提前期"],
          ["HS-300", "湿度传感器", "成品", "¥680.00", "0"],
          ["PS-100", "压力传感器 PS-100", "成品", "1250.50", "0"],
          ["X-1", "未知类型", "配件", "1", "1"],
        ],
      },
    ]);
    const itemRes = await upload(t, items, "items.xlsx", "?kind=items");
    // An unknown item kind is a question for the user (decision 0066), not a row error.
    expect(itemRes.body).toMatchObject({ create: { items: 1 }, existing: { items: 1 }, invalid: 0, waitingRows: [4] });
    expect(itemRes.body.unknownValues).toMatchObject([{ field: "kind", value: "配件", rows: 1 }]);
    const hs = await t.database.db.selectFrom("items").selectAll().where("sku", "=", "HS-300").executeTakeFirstOrThrow();
    expect(hs).toMatchObject({ kind: "finished", unit_price: "680.00" });
  });

  it("loads stock balances from a file, refusing unknown items and locations by row", async () => {
    const stock = await workbook([
      {
        name: "库存",
        rows: [
          ["物料编码", "仓库", "现存量"],
          ["PM-HOUSING", "WH-MAIN", "450件"],
          ["NO-SUCH", "WH-MAIN", "1"],
          ["PM-CHIP", "WH-X", "1"],
        ],
      },
    ]);
    const res = await upload(t, stock, "stock.xlsx", "?kind=inventory");
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ create: { balances: 1 }, invalid: 2 });
    expect(res.body.errors.map((e: { row: number; reason: string }) => [e.row, e.reason])).toEqual([
      [3, "item.unknown"],
      [4, "location.unknown"],
    ]);
    const balance = await t.database.db.selectFrom("inventory_balances").select("on_hand").where("sku", "=", "PM-HOUSING").executeTakeFirstOrThrow();
    expect(balance.on_hand).toBe("450.000");
  });

  it("asks once about a status it does not know; the answer, saved in the template, is applied on re-import", async () => {
    const ledger = (rows: unknown[][]) => workbook([{ name: "2025", rows: [["订单号", "客户名称", "下单日期", "实际交货日期", "金额", "状态"], ...rows] }]);
    const march = await ledger([
      ["VW-1", "常州精测自动化有限公司", "2025-03-01", "2025-03-09", "100", "返修"],
      ["VW-2", "常州精测自动化有限公司", "2025-03-02", "", "200", " 在 途 "],
      ["VW-3", "常州精测自动化有限公司", "2025-03-03", "2025-03-10", "300", "返 修"],
      ["VW-4", "常州精测自动化有限公司", "2025-03-04", "", "400", "待出库"],
    ]);
    const asked = await upload(t, march, "三月.xlsx", "?dryRun=1", { as: "sales" });
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    expect(asked.body).toMatchObject({ rows: 4, valid: 2, invalid: 0, waitingRows: [2, 4], errors: [] });
    expect(asked.body.unknownValues).toEqual([
      { field: "status", value: "返修", rows: 2, choices: ["open", "in_production", "shipped", "delivered", "closed", "cancelled"] },
    ]);
    // Answered in the request's mapping JSON: no question left.
    const answered = await upload(t, march, "三月.xlsx", "?dryRun=1", { as: "sales", mapping: { values: { status: { 返修: "delivered" } } } });
    expect(answered.body).toMatchObject({ valid: 4, waitingRows: [], unknownValues: [] });
    const wrong = await upload(t, march, "三月.xlsx", "?dryRun=1", { as: "sales", mapping: { values: { status: { 返修: "mended" } } } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({ reason: "import.mapping_invalid", field: "mapping.values.status" });

    const badTemplate = await t.api("PUT", "/api/imports/templates/坏模板", {
      as: "sales",
      body: { kind: "orders", mapping: {}, values: { status: { 返修: "mended" } } },
    });
    expect(badTemplate.status).toBe(400);
    expect(badTemplate.body.error).toMatchObject({ reason: "import.mapping_invalid", field: "values.status" });

    // Saved once in the template …
    const saved = await t.api("PUT", "/api/imports/templates/ERP台账", {
      as: "sales",
      body: { kind: "orders", mapping: {}, values: { status: { 返修: "delivered" } } },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.values).toEqual({ status: { 返修: "delivered" } });
    const committed = await upload(t, march, "三月.xlsx", `?template=${encodeURIComponent("ERP台账")}`, { as: "sales" });
    expect(committed.status, JSON.stringify(committed.body)).toBe(200);
    expect(committed.body).toMatchObject({ valid: 4, unknownValues: [], create: { orders: 4 } });
    const stored = await t.database.db
      .selectFrom("history_orders")
      .select(["order_no", "status"])
      .where("order_no", "like", "VW-%")
      .orderBy("order_no")
      .execute();
    expect(stored.map((o) => o.status)).toEqual(["delivered", "shipped", "delivered", "open"]);

    // … and applied to next month's ledger through the template, which still asks about a new word.
    const april = await ledger([
      ["VW-5", "常州精测自动化有限公司", "2025-04-01", "2025-04-09", "500", "返修"],
      ["VW-6", "常州精测自动化有限公司", "2025-04-02", "", "600", "待客户确认"],
    ]);
    const next = await upload(t, april, "四月.xlsx", `?dryRun=1&template=${encodeURIComponent("ERP台账")}`, { as: "sales" });
    expect(next.body).toMatchObject({ valid: 1, waitingRows: [3] });
    expect(next.body.unknownValues).toMatchObject([{ field: "status", value: "待客户确认", rows: 1 }]);
    const listed = (await t.api("GET", "/api/imports/templates", { as: "sales" })).body.templates;
    expect(listed.find((x: { name: string }) => x.name === "ERP台账").values).toEqual({ status: { 返修: "delivered" } });
  });

  it("a CSV saved as GBK lost its ¥ signs: said once for the file; treating ? as ¥ imports it", async () => {
    const csv = [
      "订单号,客户名称,下单日期,金额,状态",
      'GBK-1,常州精测自动化有限公司,2025-05-01,"¥49,318.70",已完成',
      "GBK-2,常州精测自动化有限公司,2025-05-02,¥1200.00,在途",
      'GBK-3,常州精测自动化有限公司,2025-05-03,"-¥500.00",退货',
    ].join("\r\n");
    // What Excel does on Chinese Windows: GBK has no ¥, so the encoder writes ?.
    const file = iconv.encode(csv, "gbk");
    expect(file.toString("latin1")).toContain("?49,318.70");
    const asked = await upload(t, file, "五月.csv", "?dryRun=1", { as: "sales" });
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    expect(asked.body).toMatchObject({ valid: 0, invalid: 0, errors: [], waitingRows: [2, 3, 4] });
    expect(asked.body.file.encoding).toBe("gb18030");
    expect(asked.body.lostYen).toEqual({
      rows: 3,
      firstRow: 2,
      message: "此文件保存为 GBK 时丢失了 ¥ 符号（金额读作“?49,318.70”）：请另存为 UTF-8 或 GB18030 后重新导入，或选择“将 ? 视为 ¥ 继续导入”",
    });
    const english = await t.api("POST", "/api/imports?dryRun=1", {
      as: "sales",
      form: (() => {
        const form = new FormData();
        form.append("file", new Blob([new Uint8Array(file)]), "may.csv");
        return form;
      })(),
      headers: { "accept-language": "en" },
    });
    expect(english.body.lostYen.message).toBe(
      "this file lost its ¥ signs when it was saved as GBK (amounts read “?49,318.70”) — save it as UTF-8 or GB18030, or import anyway treating ? as ¥",
    );

    const committed = await upload(t, file, "五月.csv", "?questionMarkIsYen=1", { as: "sales" });
    expect(committed.status, JSON.stringify(committed.body)).toBe(200);
    expect(committed.body).toMatchObject({ valid: 3, lostYen: null, create: { orders: 3 }, amount: "50018.70" });
    const stored = await t.database.db
      .selectFrom("history_orders")
      .select(["amount", "status"])
      .where("order_no", "like", "GBK-%")
      .orderBy("order_no")
      .execute();
    expect(stored).toEqual([
      { amount: "49318.70", status: "delivered" },
      { amount: "1200.00", status: "shipped" },
      { amount: "-500.00", status: "cancelled" },
    ]);
  });

  it("lists committed imports for the import screen", async () => {
    const res = await t.api("GET", "/api/imports", { as: "sales" });
    expect(res.status).toBe(200);
    expect(res.body.imports.length).toBeGreaterThanOrEqual(3);
    expect(res.body.imports[0]).toHaveProperty("summary");
  });
});
