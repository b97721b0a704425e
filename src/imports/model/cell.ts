// A cell as the readers hand it over: text from CSV, typed values from a workbook.
export type Cell = string | number | boolean | Date | null;

const WIDE = /[\u3000\uFF00-\uFFEF]/;

/** Full-width digits, letters, brackets and the ideographic space become their ASCII forms. */
export function toHalfWidth(text: string): string {
  // NFKC is costly on 300,000 cells; only full-width forms and the ideographic space need it here.
  return WIDE.test(text) ? text.normalize("NFKC") : text;
}

export function cellText(cell: Cell): string {
  if (cell === null) return "";
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return toHalfWidth(String(cell)).trim();
}

export function isBlank(cell: Cell): boolean {
  return cell === null || (typeof cell === "string" && cell.trim() === "");
}

/** A cleaning result: a value, or a reason code from reasons.ts (with details for the message). */
export type Cleaned<T> = { ok: true; value: T } | { ok: false; reason: string; detail?: string };

export const ok = <T>(value: T): Cleaned<T> => ({ ok: true, value });
export const fail = (reason: string, detail?: string): Cleaned<never> => ({ ok: false, reason, detail });
