// Messy workbooks and CSVs made by the tests themselves, and the multipart upload of one.

import { crc32 } from "node:zlib";
import * as XLSX from "@e965/xlsx";
import ExcelJS from "exceljs";
import { readXlsx } from "../../src/imports/read/read-xlsx.js";
import { readZip } from "../../src/imports/read/zip-entries.js";
import type { TestApp } from "./test-app.js";

export const LEDGER_HEADER = ["订单号", "客户名称", "下单日期", "交货日期", "实际交货日期", "金额（元）", "产品型号", "数量", "状态", "备注"];

export async function workbook(sheets: { name: string; rows: unknown[][]; merges?: string[]; edit?: (ws: ExcelJS.Worksheet) => void }[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name);
    for (const row of sheet.rows) ws.addRow(row);
    for (const range of sheet.merges ?? []) ws.mergeCells(range);
    sheet.edit?.(ws);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function upload(t: TestApp, file: Buffer, name: string, query = "", options: { as?: "admin" | "sales" | "warehouse"; mapping?: unknown } = {}) {
  const form = new FormData();
  if (options.mapping !== undefined) form.append("mapping", JSON.stringify(options.mapping));
  form.append("file", new Blob([new Uint8Array(file)]), name);
  return t.api("POST", `/api/imports${query}`, { as: options.as ?? "admin", form });
}

export async function countRows(t: TestApp) {
  const db = t.database.db;
  const n = async (table: "history_orders" | "history_order_lines" | "import_batches" | "customers") =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { orders: await n("history_orders"), lines: await n("history_order_lines"), imports: await n("import_batches"), customers: await n("customers") };
}

/** Text in formatted runs, as a clerk's bold or red words are saved (the runs' text joined is the cell's). */
const runs = (...parts: [string, Partial<ExcelJS.Font>?][]) => ({ richText: parts.map(([text, font]) => (font ? { text, font } : { text })) });

/**
 * A messy hand-kept ledger for the screens: a title, name variants, a duplicate, a blank and a total row,
 * a row with five errors (row 6), and `extra` plain valid orders (LX000001…) after them; `prefix` changes
 * every order number's first letter. `richText`: the same words, some of them in bold or coloured runs.
 */
export async function messyLedger(extra = 0, prefix = "L", options: { richText?: boolean } = {}): Promise<Buffer> {
  const rich = options.richText;
  const plain = Array.from({ length: extra }, (_, i) => {
    const day = 1 + (i % 28);
    return [
      `${prefix}X${String(i + 1).padStart(6, "0")}`,
      "常州精测自动化有限公司",
      `2025-06-${String(day).padStart(2, "0")}`,
      "2025-07-10",
      "2025-07-09",
      "1000",
      "PS-100",
      "1件",
      "已交货",
      "",
    ];
  });
  return workbook([
    {
      name: "2025",
      rows: [
        ["2025年销售订单台账"],
        LEDGER_HEADER,
        [
          `${prefix}D25101`,
          rich ? runs(["苏州恒锐", { bold: true, color: { argb: "FFFF0000" } }], ["机电有限公司"]) : "苏州恒锐机电有限公司",
          "2025/1/3",
          "2025/1/20",
          "2025-01-18",
          "¥12,345.00",
          "PS-100",
          "10件",
          rich ? runs(["已"], ["交货", { bold: true }]) : "已交货",
          "",
        ],
        [
          `${prefix}D25102`,
          "苏州恒锐机电有限责任公司",
          "2025年1月8日",
          "1月25日",
          "1月28日",
          "1.2万",
          "TT-200",
          "100 pcs",
          "已完成",
          rich ? runs(["迟", { italic: true }], ["交", { underline: true, name: "宋体" }]) : "迟交",
        ],
        [`${prefix}D25103`, "（新）宁波海曙仪表有限公司", "2025-02-03", "2025-02-10", "", "5000", "PS-100", "5", "生产中", ""],
        [`${prefix}D25104`, "", "2025-02-30", "2025-01-01", "", "面议", "PS-100", "0", "看情况", ""],
        [`${prefix}D25105`, "无锡华光仪表有限公司", "2025-03-01", "2025-03-20", "2025-03-19", "(800.00)", "PS-100", "-2", "已交货", "退货冲红"],
        [`${prefix}D25105`, "无锡华光仪表有限公司", "2025-03-01", "2025-03-20", "2025-03-19", "(800.00)", "PS-100", "-2", "已交货", "退货冲红"],
        [],
        ...plain,
        ["合计", null, null, null, null, "34145.50", null, null, null, null],
      ],
    },
    { name: "说明", rows: [["本台账由销售部维护"]] },
  ]);
}

/**
 * The same sheets, row for row (blank rows kept where they were), written again by SheetJS, a second writer
 * library: `xls` (BIFF8), `xlsx`/`xlsm` (with `bookSST`: a shared-string table; without: inline strings), `csv`.
 */
export async function viaSheetJS(xlsx: Buffer, bookType: "xls" | "xlsx" | "xlsm" | "csv", options: { bookSST?: boolean } = {}): Promise<Buffer> {
  const book = XLSX.utils.book_new();
  const first = await readXlsx(xlsx, "ledger.xlsx");
  for (const name of first.sheets) {
    const data = await readXlsx(xlsx, "ledger.xlsx", name);
    const aoa: unknown[][] = [];
    for (const row of data.rows) aoa[row.number - 1] = row.cells;
    for (let i = 0; i < aoa.length; i++) aoa[i] ??= [];
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(aoa, { cellDates: true, dateNF: "yyyy-mm-dd" }), name);
  }
  return XLSX.write(book, { type: "buffer", bookType, bookSST: options.bookSST ?? false });
}

/** What a dry run decided, without the file's own facts (name, hash, format, encoding). */
export function dryRunOutcome(body: Record<string, unknown>, withSheets = true) {
  const { file, ...rest } = body as { file: Record<string, unknown> } & Record<string, unknown>;
  return withSheets ? { sheets: file.sheets, sheet: file.sheet, ...rest } : rest;
}

/** A zip of the given entries, stored uncompressed: enough to hand-make the parts other writers save. */
export function zipOf(entries: [name: string, content: string][]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const data = Buffer.from(content, "utf8");
    const fileName = Buffer.from(name, "utf8");
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0800, 6); // UTF-8 names
    header.writeUInt32LE(crc32(data), 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(fileName.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt32LE(crc32(data), 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(fileName.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(header, fileName, data);
    central.push(entry, fileName);
    offset += header.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The .xlsx with each of its parts (all XML) rewritten by `edit`, e.g. as another writer saves them. */
export function rewriteXlsx(xlsx: Buffer, edit: (name: string, xml: string) => string): Buffer {
  const zip = readZip(xlsx);
  return zipOf(zip.names.map((name) => [name, edit(name, zip.text(name) ?? "")]));
}
