// Dates as hand-kept ledgers write them: Excel dates and serials, 2025/1/3, 2025-01-03, 2025年1月3日,
// 20250103, and 1月3日 or 1/3 with the year taken from the sheet or the user.
import { type Cell, type Cleaned, cellText, fail, ok } from "./cell.js";

// Excel's day 0 is 1899-12-30 (the 1900 leap-year bug is folded into the epoch for serials > 60).
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

export interface DateContext {
  /** The year for dates written without one (1月3日): from the user, the sheet name or its title. */
  year?: number;
}

function iso(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function fromParts(y: number, m: number, d: number): Cleaned<string> {
  if (y < MIN_YEAR || y > MAX_YEAR) return fail("date.out_of_range", String(y));
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return fail("date.impossible", iso(y, m, d));
  return ok(iso(y, m, d));
}

function fromSerial(serial: number): Cleaned<string> {
  if (!Number.isFinite(serial) || serial < 1) return fail("date.unreadable", String(serial));
  const date = new Date(EXCEL_EPOCH_MS + Math.floor(serial) * 86_400_000);
  return fromParts(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

const FULL = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const NO_YEAR = /^(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;
const SERIAL_TEXT = /^\d{5}(\.\d+)?$/;
// A time after the date (2025-01-03 00:00:00, 2025/1/3 8:30) is dropped: the ledgers keep days.
const TIME_SUFFIX = /[\sT]+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

export function cleanDate(cell: Cell, context: DateContext = {}): Cleaned<string> {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return fail("date.unreadable", "");
    // Workbook readers give a calendar date as UTC midnight.
    return fromParts(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
  }
  if (typeof cell === "number") return fromSerial(cell);
  const text = cellText(cell).replace(TIME_SUFFIX, "");
  if (!text) return fail("field.required");
  if (SERIAL_TEXT.test(text)) return fromSerial(Number(text));
  const full = FULL.exec(text) ?? COMPACT.exec(text);
  if (full) return fromParts(Number(full[1]), Number(full[2]), Number(full[3]));
  const short = NO_YEAR.exec(text);
  if (short) {
    if (!context.year) return fail("date.no_year", text);
    return fromParts(context.year, Number(short[1]), Number(short[2]));
  }
  return fail("date.unreadable", text);
}

/** The year a sheet is about, from its name (2025, 2025年台账) or a title row above the header. */
export function yearFromSheet(sheetName: string, titleTexts: string[]): number | undefined {
  for (const text of [sheetName, ...titleTexts]) {
    const match = /(?:^|[^\d])((?:19|20)\d{2})(?:年|$|[^\d])/.exec(text.normalize("NFKC"));
    if (match) return Number(match[1]);
  }
  return undefined;
}
