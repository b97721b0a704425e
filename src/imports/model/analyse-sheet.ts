// The whole reading of one sheet, without a database: header and mapping, the year for short dates,
// non-data rows (blank, totals, repeats), and each data row cleaned or refused with its reasons.
import { AppError } from "../../core/errors.js";
import { cellText } from "./cell.js";
import { yearFromSheet } from "./clean-date.js";
import { FIELDS, fieldLabel, type ImportKind, REQUIRED } from "./fields.js";
import { applyMapping, detectHeader, mapHeaders, missingRequired } from "./header-mapping.js";
import { RowChecker, type RowIssue } from "./issues.js";
import { type CustomerRow, cleanCustomerRow, cleanItemRow, cleanStockRow, type ItemRow, type StockRow } from "./master-rows.js";
import { cleanOrderRow, type LegacyOrderRow } from "./order-rows.js";
import { DuplicateFinder, isBlankRow, isTotalRow } from "./row-kinds.js";
import type { SheetData } from "./sheet-data.js";
import { rangeRows } from "./sheet-data.js";
import { type ValueAnswers, wordKey } from "./value-words.js";
import { invalidAnswer, VOCABULARIES } from "./vocabularies.js";

export interface AnalyseOptions {
  kind: ImportKind;
  /** field → header text or column letter; "" drops a guessed field. */
  mapping?: Record<string, string>;
  /** 1-based row number of the header, when the guess is wrong. */
  headerRow?: number;
  /** The year for dates written without one. */
  year?: number;
  /** field → the user's answers to words the importer did not know (ledger word → our value). */
  values?: ValueAnswers;
  /** The file lost its ¥ signs to GBK (?49,318.70): read a leading ? as ¥. */
  questionMarkIsYen?: boolean;
}

/** A word of a closed list met in the file and not known: the user maps it once. */
export interface UnknownValue {
  field: string;
  /** As first written in the file. */
  value: string;
  /** Data rows carrying it. */
  rows: number;
  /** Our values it may be mapped to. */
  choices: string[];
}

export type RowValue = LegacyOrderRow | CustomerRow | ItemRow | StockRow;

export interface Analysis<T extends RowValue = RowValue> {
  kind: ImportKind;
  sheet: string;
  sheets: string[];
  headerRow: number;
  headers: string[];
  /** field → the header text it was read from. */
  mapping: Record<string, string>;
  unmappedHeaders: string[];
  year: { value: number; source: "user" | "sheet" } | null;
  dataRows: number;
  blankRows: number;
  totalRows: number[];
  duplicateRows: { row: number; sameAs: number }[];
  formulaCells: number;
  /** Rows whose only problem is an unknown word: they wait for the user's answer, they are not errors. */
  waitingRows: number[];
  unknownValues: UnknownValue[];
  /** Rows with an amount whose ¥ became ? when the file was saved as GBK: said once for the file. */
  lostYenRows: number[];
  /** The first such amount as the file has it (?49,318.70). */
  lostYenExample: string;
  valid: T[];
  issues: RowIssue[];
}

const CLEANERS = {
  orders: cleanOrderRow,
  customers: cleanCustomerRow,
  items: cleanItemRow,
  inventory: cleanStockRow,
} as const;

function headerGuess(data: SheetData, options: AnalyseOptions) {
  if (options.headerRow !== undefined) {
    const rowIndex = data.rows.findIndex((r) => r.number === options.headerRow);
    if (rowIndex < 0) throw new AppError("invalid", "field.too_big", { field: "headerRow", max: data.rows.at(-1)?.number ?? 0 }, "headerRow");
    const headers = data.rows[rowIndex].cells.map(cellText);
    return { rowIndex, headers, columns: mapHeaders(options.kind, headers) };
  }
  const guess = detectHeader(
    options.kind,
    data.rows.map((r) => r.cells),
  );
  if (!guess) {
    const expected = REQUIRED[options.kind].map((group) => fieldLabel(options.kind, group[0])).join("、");
    throw new AppError("invalid", "import.no_header", { sheet: data.sheet, expected }, "file");
  }
  return guess;
}

export function analyseSheet(data: SheetData, options: AnalyseOptions): Analysis {
  if (data.formulasWithoutResult.length) {
    throw new AppError("invalid", "import.formula_no_result", { cells: data.formulasWithoutResult.slice(0, 5).join(", ") }, "file", {
      cells: data.formulasWithoutResult.slice(0, 100),
    });
  }
  const guess = headerGuess(data, options);
  const { columns, problems } = applyMapping(options.kind, guess.headers, guess.columns, options.mapping ?? {});
  if (problems.length) {
    const p = problems[0];
    const detail = p.reason === "unknown_field" ? `not one of ${Object.keys(FIELDS[options.kind]).join(", ")}` : `no column “${p.column}”`;
    throw new AppError("invalid", "import.mapping_invalid", { field: p.field, detail }, `mapping.${p.field}`);
  }
  const badAnswer = invalidAnswer(options.kind, options.values ?? {});
  if (badAnswer) {
    const choices = VOCABULARIES[options.kind]?.[badAnswer.field]?.values;
    const detail = choices ? `“${badAnswer.word}” → “${badAnswer.value}”: not one of ${choices.join(", ")}` : "this field takes no word mapping";
    throw new AppError("invalid", "import.mapping_invalid", { field: badAnswer.field, detail }, `mapping.values.${badAnswer.field}`);
  }
  const missing = missingRequired(options.kind, columns);
  if (missing.length) {
    const names = missing.map((group) => group.map((f) => fieldLabel(options.kind, f)).join("/")).join("、");
    throw new AppError("invalid", "import.missing_columns", { columns: names, headers: guess.headers.filter(Boolean).join("、") }, "mapping", {
      missing,
      headers: guess.headers,
    });
  }
  const headerNumber = data.rows[guess.rowIndex].number;
  const mergedInData = data.merges.filter((range) => rangeRows(range)[1] > headerNumber);
  if (mergedInData.length) {
    throw new AppError("invalid", "import.merged_cells", { cells: mergedInData.slice(0, 5).join(", ") }, "file", { merges: mergedInData });
  }

  const titles = data.rows.slice(0, guess.rowIndex).flatMap((r) => r.cells.map(cellText));
  const sheetYear = yearFromSheet(data.sheet, titles);
  const year = options.year ? { value: options.year, source: "user" as const } : sheetYear ? { value: sheetYear, source: "sheet" as const } : null;

  const fields = Object.keys(columns);
  const analysis: Analysis = {
    kind: options.kind,
    sheet: data.sheet,
    sheets: data.sheets,
    headerRow: headerNumber,
    headers: guess.headers,
    mapping: Object.fromEntries(fields.map((f) => [f, guess.headers[columns[f]] ?? ""])),
    unmappedHeaders: guess.headers.filter((h, i) => h && !Object.values(columns).includes(i)),
    year,
    dataRows: 0,
    blankRows: 0,
    totalRows: [],
    duplicateRows: [],
    formulaCells: data.formulaCells,
    waitingRows: [],
    unknownValues: [],
    lostYenRows: [],
    lostYenExample: "",
    valid: [],
    issues: [],
  };
  const duplicates = new DuplicateFinder();
  const clean = CLEANERS[options.kind];
  const context = year ? { year: year.value } : {};
  const unknown = new Map<string, UnknownValue>();
  let previous = headerNumber;
  for (const { number, cells } of data.rows.slice(guess.rowIndex + 1)) {
    // A workbook leaves empty rows out of the file: a gap in the numbers is blank rows.
    analysis.blankRows += number - previous - 1;
    previous = number;
    if (isBlankRow(cells)) {
      analysis.blankRows++;
      continue;
    }
    if (isTotalRow(cells)) {
      analysis.totalRows.push(number);
      continue;
    }
    analysis.dataRows++;
    const sameAs = duplicates.check(
      number,
      fields.map((f) => cells[columns[f]] ?? null),
    );
    if (sameAs !== undefined) {
      analysis.duplicateRows.push({ row: number, sameAs });
      continue;
    }
    const check = new RowChecker(number, cells, columns, guess.headers, options.values, options.questionMarkIsYen);
    const value = clean(check, context);
    for (const q of check.questions) {
      const key = `${q.field}\u0000${wordKey(q.value)}`;
      const seen = unknown.get(key);
      if (seen) seen.rows++;
      else unknown.set(key, { field: q.field, value: q.value, rows: 1, choices: [...(VOCABULARIES[options.kind]?.[q.field]?.values ?? [])] });
    }
    if (check.lostYen.length) {
      if (!analysis.lostYenRows.length) analysis.lostYenExample = check.text(check.lostYen[0]);
      analysis.lostYenRows.push(number);
    }
    if (value) analysis.valid.push(value);
    else if (check.issues.length) {
      // A row refused anyway names its unknown words (and its lost ¥) among its errors too.
      for (const q of check.questions) check.fail(q.field, `${q.field}.unknown`, q.value);
      for (const field of check.lostYen) check.fail(field, "amount.lost_yen", check.text(field));
      analysis.issues.push(...check.issues);
    } else analysis.waitingRows.push(number);
  }
  analysis.unknownValues = [...unknown.values()];
  if (!analysis.dataRows) throw new AppError("invalid", "import.no_rows", { sheet: data.sheet }, "file");
  return analysis;
}
