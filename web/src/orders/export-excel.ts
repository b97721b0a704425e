// Export of any list to an .xlsx file in the browser (exceljs, loaded only when someone exports).
export interface Column<T> {
  header: string;
  value: (row: T) => string | number | null;
  width?: number;
}

export async function exportToExcel<T>(fileName: string, sheet: string, columns: Column<T>[], rows: T[]) {
  const { default: ExcelJS } = await import("exceljs");
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet(sheet);
  ws.columns = columns.map((c, i) => ({ header: c.header, key: String(i), width: c.width ?? 16 }));
  ws.getRow(1).font = { bold: true };
  for (const row of rows) ws.addRow(Object.fromEntries(columns.map((c, i) => [String(i), c.value(row)])));
  const buffer = await book.xlsx.writeBuffer();
  const url = URL.createObjectURL(new Blob([buffer], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
