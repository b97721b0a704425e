// Export of any list to an .xlsx file in the browser (exceljs, loaded only when someone exports).
export interface Column<T> {
  header: string;
  value: (row: T) => string | number | null;
  width?: number;
}

export interface Sheet<T> {
  name: string;
  columns: Column<T>[];
  rows: T[];
}

export async function exportToExcel<T>(fileName: string, sheet: string, columns: Column<T>[], rows: T[]) {
  await exportSheets(fileName, [{ name: sheet, columns, rows }]);
}

/** Several lists as the sheets of one workbook. */
// biome-ignore lint/suspicious/noExplicitAny: each sheet has its own row type
export async function exportSheets(fileName: string, sheets: Sheet<any>[]) {
  const { default: ExcelJS } = await import("exceljs");
  const book = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const ws = book.addWorksheet(sheet.name);
    ws.columns = sheet.columns.map((c, i) => ({ header: c.header, key: String(i), width: c.width ?? 16 }));
    ws.getRow(1).font = { bold: true };
    for (const row of sheet.rows) ws.addRow(Object.fromEntries(sheet.columns.map((c, i) => [String(i), c.value(row)])));
  }
  const buffer = await book.xlsx.writeBuffer();
  const url = URL.createObjectURL(new Blob([buffer], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
