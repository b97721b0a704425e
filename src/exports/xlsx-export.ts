// The one exporter behind every "export to Excel": typed columns with Chinese headers, rows streamed
// page by page through exceljs's streaming writer, so a long list never sits whole in memory twice.
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";

export type CellKind = "text" | "date" | "datetime" | "money" | "quantity" | "integer" | "boolean";

export interface ExportColumn<T> {
  header: string;
  kind: CellKind;
  width?: number;
  value: (row: T) => string | number | boolean | Date | null | undefined;
}

const FORMATS: Partial<Record<CellKind, string>> = {
  date: "yyyy-mm-dd",
  datetime: "yyyy-mm-dd hh:mm",
  money: "#,##0.00",
  quantity: "#,##0.###",
  integer: "0",
};

/** Excel stores numbers as doubles; decimal strings of up to 15 digits survive the trip exactly. */
function cellValue(kind: CellKind, value: string | number | boolean | Date | null | undefined): ExcelJS.CellValue {
  if (value === null || value === undefined || value === "") return null;
  switch (kind) {
    case "money":
    case "quantity":
    case "integer":
      return typeof value === "number" ? value : Number(value);
    case "date":
      return typeof value === "string" ? new Date(`${value}T00:00:00Z`) : (value as Date);
    case "datetime":
      // Shown in plant time (UTC+8): Excel has no time zones.
      return new Date((value instanceof Date ? value : new Date(String(value))).getTime() + 8 * 3_600_000);
    case "boolean":
      return value ? "是" : "否";
    default:
      return String(value);
  }
}

export async function exportXlsx<T>(sheetName: string, columns: ExportColumn<T>[], pages: AsyncIterable<T[]>): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    sink.on("end", resolve);
    sink.on("error", reject);
  });
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  const sheet = writer.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((c, i) => ({
    key: String(i),
    header: c.header,
    width: c.width ?? Math.max(10, c.header.length * 2 + 2),
    style: FORMATS[c.kind] ? { numFmt: FORMATS[c.kind] } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for await (const page of pages) {
    for (const row of page) sheet.addRow(columns.map((c) => cellValue(c.kind, c.value(row)))).commit();
  }
  sheet.commit();
  await writer.commit();
  await finished;
  return Buffer.concat(chunks);
}

/** Pages of a keyset-paged list until it ends or `max` rows have been taken. */
export async function* pagesOf<T>(fetch: (cursor?: string) => Promise<{ rows: T[]; nextCursor: string | null }>, max: number): AsyncIterable<T[]> {
  let cursor: string | undefined;
  let taken = 0;
  while (taken < max) {
    const page = await fetch(cursor);
    const rows = page.rows.slice(0, max - taken);
    taken += rows.length;
    yield rows;
    if (!page.nextCursor) return;
    cursor = page.nextCursor;
  }
}

export function contentDisposition(fileName: string): string {
  return `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
