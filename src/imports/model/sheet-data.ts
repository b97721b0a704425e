// What a reader hands to the importer: the chosen sheet's rows and what it noticed about the file.
import type { Cell } from "./cell.js";

export interface SheetRow {
  /** Row number as the spreadsheet shows it (1-based). */
  number: number;
  cells: Cell[];
}

export interface SheetData {
  format: "xlsx" | "xls" | "csv";
  /** Every sheet in the file, so a UI can offer the choice. */
  sheets: string[];
  sheet: string;
  rows: SheetRow[];
  /** Merged ranges such as "B5:B7". */
  merges: string[];
  /** Formula cells read from their cached result. */
  formulaCells: number;
  /** Formula cells with no cached result (never calculated by Excel). */
  formulasWithoutResult: string[];
  encoding?: "utf-8" | "gb18030";
}

/** Rows spanned by a range such as "B5:C7" → [5, 7]. */
export function rangeRows(range: string): [number, number] {
  const rows = range.split(":").map((ref) => Number(/\d+/.exec(ref)?.[0] ?? 0));
  return [Math.min(...rows), Math.max(...rows)];
}
