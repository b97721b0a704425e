// Messy workbooks and CSVs made by the tests themselves, and the multipart upload of one.
import ExcelJS from "exceljs";
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
