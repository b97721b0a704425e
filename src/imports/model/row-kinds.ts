// Rows that are not data: blank rows, total lines (合计), and exact repeats of an earlier row.
import { type Cell, cellText, isBlank } from "./cell.js";

const TOTAL = /^(合计|总计|小计|总合计|本页合计|本月合计|累计|total|subtotal|grandtotal|sum)[:：]?$/i;

export function isBlankRow(cells: Cell[]): boolean {
  return cells.every(isBlank);
}

export function isTotalRow(cells: Cell[]): boolean {
  return cells.some((cell) => typeof cell === "string" && TOTAL.test(cellText(cell).replace(/\s+/g, "")));
}

/** Remembers each row's mapped values; a row equal to an earlier one gives that row's number. */
export class DuplicateFinder {
  private readonly seen = new Map<string, number>();

  check(rowNumber: number, values: Cell[]): number | undefined {
    const key = JSON.stringify(values.map(cellText));
    const first = this.seen.get(key);
    if (first !== undefined) return first;
    this.seen.set(key, rowNumber);
    return undefined;
  }
}
