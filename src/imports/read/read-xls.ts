// Excel 97–2003 (.xls, BIFF in a compound file) and WPS's .et, read by SheetJS (@e965/xlsx 0.20.3, the
// registry build of SheetJS's fixed release: decision 0073). Only these formats go through it; .xlsx stays
// on xlsx-parts. The answer is the same SheetData: typed cells, dates as Date, formulas from their results.
import * as XLSX from "@e965/xlsx";
import * as cpexcel from "@e965/xlsx/dist/cpexcel";
import { AppError } from "../../core/errors.js";
import type { Cell } from "../model/cell.js";
import type { SheetData, SheetRow } from "../model/sheet-data.js";
import { excelDate, isDateFormat } from "./xlsx-parts.js";

// Excel 95 and older store text in the file's code page (GBK on Chinese Windows).
XLSX.set_cptable(cpexcel);

const corrupt = (file: string, detail: string) => new AppError("invalid", "import.file_corrupt", { file, detail }, "file");

function cellValue(cell: XLSX.CellObject, date1904: boolean): Cell {
  switch (cell.t) {
    case "s":
      return String(cell.v ?? "");
    case "b":
      return Boolean(cell.v);
    case "e":
      return cell.w ?? "#ERR";
    case "d":
      return cell.v instanceof Date ? cell.v : new Date(String(cell.v));
    case "n": {
      const n = Number(cell.v);
      return typeof cell.z === "string" && isDateFormat(cell.z) ? excelDate(n, date1904) : n;
    }
    default:
      return null;
  }
}

export function readXls(buffer: Buffer, fileName: string, sheetName?: string): SheetData {
  let workbook: XLSX.WorkBook;
  try {
    workbook = XLSX.read(buffer, { type: "buffer", cellDates: false, cellNF: true, cellFormula: true, cellHTML: false, dense: true });
  } catch (error) {
    const message = (error as Error).message ?? String(error);
    if (/password|encrypt/i.test(message)) throw new AppError("invalid", "import.file_encrypted", { file: fileName }, "file");
    throw corrupt(fileName, message);
  }
  const names = workbook.SheetNames;
  if (!names.length) throw corrupt(fileName, "no worksheet");
  const chosen = sheetName === undefined ? names[0] : names.find((n) => n === sheetName);
  if (chosen === undefined) throw new AppError("invalid", "import.sheet_not_found", { sheet: sheetName ?? "", sheets: names.join("、") }, "sheet");
  const sheet = workbook.Sheets[chosen];
  const date1904 = Boolean(workbook.Workbook?.WBProps?.date1904);
  const read: Pick<SheetData, "rows" | "merges" | "formulaCells" | "formulasWithoutResult"> = {
    rows: [],
    merges: [],
    formulaCells: 0,
    formulasWithoutResult: [],
  };
  // Dense sheets (rows of cells) read about a third faster than address-keyed ones on a 32,000-row ledger.
  const grid = (sheet["!data"] ?? []) as (XLSX.CellObject | undefined)[][];
  for (let r = 0; r < grid.length; r++) {
    const cellsOfRow = grid[r];
    if (!cellsOfRow) continue;
    const row: SheetRow = { number: r + 1, cells: [] };
    for (let c = 0; c < cellsOfRow.length; c++) {
      const cell = cellsOfRow[c];
      if (!cell) continue;
      const value = cell.t === "z" || cell.v === undefined ? null : cellValue(cell, date1904);
      if (cell.f !== undefined) {
        if (value === null) {
          read.formulasWithoutResult.push(XLSX.utils.encode_cell({ r, c }));
          continue;
        }
        read.formulaCells++;
      }
      if (value === null) continue;
      while (row.cells.length < c) row.cells.push(null);
      row.cells[c] = value;
    }
    if (row.cells.length) read.rows.push(row);
  }
  for (const merge of sheet["!merges"] ?? []) read.merges.push(XLSX.utils.encode_range(merge));
  return { format: "xls", sheets: names, sheet: chosen, ...read };
}
