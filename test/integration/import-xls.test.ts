// Excel 97–2003 (.xls) and WPS (.et) ledgers, read by SheetJS (@e965/xlsx, decision 0073): the messy ledger
// written by SheetJS's BIFF8 writer gives the same row outcomes as the same ledger saved as .xlsx by
// exceljs; typed cells (dates, numbers) read the same; a damaged .xls is refused naming the file.
import * as XLSX from "@e965/xlsx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OFF_THREAD_BYTES, readUploadOffThread } from "../../src/imports/read/read-off-thread.js";
import { readUpload } from "../../src/imports/read/read-upload.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { dryRunOutcome, messyLedger, upload, viaSheetJS, workbook } from "../support/workbooks.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

const asXls = (xlsx: Buffer) => viaSheetJS(xlsx, "xls");
const outcome = (body: Record<string, unknown>) => dryRunOutcome(body);

describe("legacy .xls and WPS .et", () => {
  it("gives the messy ledger's row outcomes exactly as its .xlsx does", async () => {
    const xlsx = await messyLedger(20);
    const xls = await asXls(xlsx);
    expect(xls.subarray(0, 8).toString("hex")).toBe("d0cf11e0a1b11ae1");
    const fromXlsx = await upload(t, xlsx, "台账.xlsx", "?dryRun=1", { as: "sales" });
    expect(fromXlsx.status, JSON.stringify(fromXlsx.body)).toBe(200);
    expect(fromXlsx.body.rows).toBe(26);
    expect(fromXlsx.body.invalid).toBeGreaterThan(0);
    for (const name of ["台账.xls", "台账.et"]) {
      const res = await upload(t, xls, name, "?dryRun=1", { as: "sales" });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.file.format).toBe("xls");
      expect(outcome(res.body)).toEqual(outcome(fromXlsx.body));
    }
    // The second sheet is offered and read too.
    const notes = await readUpload(xls, "台账.xls", "说明");
    expect(notes.rows[0].cells).toEqual(["本台账由销售部维护"]);
  });

  it("reads a large .xls on the reader's worker thread with the same outcome", { timeout: 90_000 }, async () => {
    const xlsx = await messyLedger(2000);
    const xls = await asXls(xlsx);
    expect(xls.length).toBeGreaterThan(OFF_THREAD_BYTES);
    const onWorker = await readUploadOffThread(xls, "大台账.xls");
    expect(onWorker.rows).toEqual((await readUpload(xls, "大台账.xls")).rows);
    const [a, b] = await Promise.all([upload(t, xlsx, "大.xlsx", "?dryRun=1"), upload(t, xls, "大.xls", "?dryRun=1")]);
    expect(b.status, JSON.stringify(b.body).slice(0, 300)).toBe(200);
    expect(outcome(b.body)).toEqual(outcome(a.body));
  });

  it("reads typed cells — dates, amounts, text — as the .xlsx reader does, and commits once", async () => {
    const rows = [
      ["订单号", "客户名称", "下单日期", "金额", "状态"],
      ["XL-1", "苏州恒锐机电有限责任公司", new Date(Date.UTC(2025, 4, 6)), 1234.5, "已交货"],
      ["XL-2", "无锡华光仪表有限公司", new Date(Date.UTC(2025, 4, 7)), 88, "在途"],
    ];
    const xlsx = await workbook([{ name: "五月", rows, edit: (ws) => (ws.getColumn(3).numFmt = "yyyy-mm-dd") }]);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows, { cellDates: true, dateNF: "yyyy-mm-dd" }), "五月");
    const xls: Buffer = XLSX.write(book, { type: "buffer", bookType: "xls" });
    const a = await readUpload(xlsx, "五月.xlsx");
    const b = await readUpload(xls, "五月.xls");
    expect(b.rows).toEqual(a.rows);
    expect(b.rows[1].cells[2]).toEqual(new Date(Date.UTC(2025, 4, 6)));
    const committed = await upload(t, xls, "五月.xls", "", { as: "sales" });
    expect(committed.status, JSON.stringify(committed.body)).toBe(200);
    expect(committed.body).toMatchObject({ valid: 2, create: { orders: 2 }, amount: "1322.50" });
    const again = await upload(t, xls, "五月.xls", "", { as: "sales" });
    expect(again.body.replayed).toBe(true);
  });

  it("refuses a damaged .xls and a truncated one with a message naming the file", async () => {
    const good = await asXls(await messyLedger());
    for (const [bytes, name] of [
      [Buffer.concat([good.subarray(0, 8), Buffer.alloc(4000, 7)]), "坏的台账.xls"],
      [good.subarray(0, 1500), "截断.et"],
    ] as const) {
      const res = await upload(t, Buffer.from(bytes), name, "?dryRun=1", { as: "sales" });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error).toMatchObject({ reason: "import.file_corrupt", field: "file" });
      expect(res.body.error.message).toContain(name);
    }
  });
});
