// Writes the tax platform's batch-issue workbook with exceljs: every sheet of the layout, row 1 the
// instructions (merged across the columns), row 2 the limits, row 3 the headers, data from row 4, every
// cell text (format "@"), so a 19-digit tax code or a leading zero survives Excel.
import ExcelJS from "exceljs";
import { type ExportInvoice, type WorkbookLayout, workbookRows } from "./model/fapiao-layout.js";

export async function writeFapiaoWorkbook(layout: WorkbookLayout, invoices: ExportInvoice[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of workbookRows(layout, invoices)) {
    const ws = workbook.addWorksheet(sheet.name);
    const width = Math.max(1, sheet.rows[2]?.length ?? 1);
    ws.columns = Array.from({ length: width }, (_, i) => ({ width: Math.max(12, [...(sheet.rows[2]?.[i] ?? "")].length * 2 + 2), style: { numFmt: "@" } }));
    sheet.rows.forEach((cells, r) => {
      const row = ws.getRow(r + 1);
      cells.forEach((text, c) => {
        const cell = row.getCell(c + 1);
        cell.value = text;
        cell.numFmt = "@";
      });
    });
    if (width > 1) ws.mergeCells(1, 1, 1, width);
    ws.getRow(1).alignment = { wrapText: true, vertical: "top" };
    ws.getRow(1).height = 48;
    ws.getRow(3).font = { bold: true };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
