// Finds the header row and maps its columns to fields; a mapping the user gives (or a saved template)
// overrides what was guessed.
import { type Cell, cellText } from "./cell.js";
import { FIELDS, type FieldSpec, type ImportKind, REQUIRED } from "./fields.js";

/** 金额（元） → 金额, " Order No. " → orderno: width, case, spaces, units in brackets and marks dropped. */
export function normaliseHeader(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】/g, "")
    .replace(/[\s*:：.。_\-/]+/g, "");
}

export function fieldForHeader(kind: ImportKind, header: string): string | undefined {
  const key = normaliseHeader(header);
  if (!key) return undefined;
  for (const [field, spec] of Object.entries(FIELDS[kind]) as [string, FieldSpec][]) {
    if (spec.headers.includes(key)) return field;
  }
  return undefined;
}

export interface HeaderGuess {
  /** 0-based index in the sheet's rows. */
  rowIndex: number;
  headers: string[];
  /** field → 0-based column index. */
  columns: Record<string, number>;
}

const SCAN_ROWS = 30;

/** The row among the first ones that names the most fields (at least two). */
export function detectHeader(kind: ImportKind, rows: Cell[][]): HeaderGuess | undefined {
  let best: HeaderGuess | undefined;
  let bestCount = 1;
  rows.slice(0, SCAN_ROWS).forEach((row, rowIndex) => {
    const headers = row.map(cellText);
    const columns = mapHeaders(kind, headers);
    const count = Object.keys(columns).length;
    if (count > bestCount) {
      best = { rowIndex, headers, columns };
      bestCount = count;
    }
  });
  return best;
}

export function mapHeaders(kind: ImportKind, headers: string[]): Record<string, number> {
  const columns: Record<string, number> = {};
  headers.forEach((header, index) => {
    const field = fieldForHeader(kind, header);
    if (field && columns[field] === undefined) columns[field] = index;
  });
  return columns;
}

/** A column named by its header text or by its letter (A, B, … AA). */
export function columnIndex(headers: string[], ref: string): number | undefined {
  const exact = headers.findIndex((h) => h === ref.trim() || normaliseHeader(h) === normaliseHeader(ref));
  if (exact >= 0) return exact;
  if (/^[A-Z]{1,2}$/.test(ref)) return [...ref].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return undefined;
}

export type MappingProblem = { field: string; reason: "unknown_field" | "unknown_column"; column?: string };

/** The guessed columns with the user's choices on top: `{field: header or letter}`, "" to drop a field. */
export function applyMapping(
  kind: ImportKind,
  headers: string[],
  guessed: Record<string, number>,
  overrides: Record<string, string>,
): { columns: Record<string, number>; problems: MappingProblem[] } {
  const columns = { ...guessed };
  const problems: MappingProblem[] = [];
  for (const [field, ref] of Object.entries(overrides)) {
    if (!(field in FIELDS[kind])) {
      problems.push({ field, reason: "unknown_field" });
      continue;
    }
    if (ref === "") {
      delete columns[field];
      continue;
    }
    const index = columnIndex(headers, ref);
    if (index === undefined) problems.push({ field, reason: "unknown_column", column: ref });
    else {
      // A column mapped by the user is taken away from any field that had guessed it.
      for (const [other, at] of Object.entries(columns)) if (at === index && other !== field) delete columns[other];
      columns[field] = index;
    }
  }
  return { columns, problems };
}

/** Required field groups with none of their fields mapped. */
export function missingRequired(kind: ImportKind, columns: Record<string, number>): string[][] {
  return REQUIRED[kind].filter((group) => !group.some((f) => columns[f] !== undefined));
}
