// The shape of a row-level problem, as the dry run reports it.
import type { Cell } from "./cell.js";
import { cellText } from "./cell.js";
import { cleanAmount } from "./clean-number.js";

export interface RowIssue {
  /** Row number as the spreadsheet shows it (1-based). */
  row: number;
  field: string;
  /** The column's header text in the file. */
  column: string;
  value: string;
  reason: string;
  detail?: string;
}

/** A word of a closed list (a status, a grade) the importer does not know: a question, not an error. */
export interface RowQuestion {
  field: string;
  value: string;
}

/** Collects the issues (and the unknown words) of one row while its fields are cleaned. */
export class RowChecker {
  readonly issues: RowIssue[] = [];
  readonly questions: RowQuestion[] = [];

  constructor(
    readonly row: number,
    private readonly cells: Cell[],
    private readonly columns: Record<string, number>,
    private readonly headers: string[],
    /** field → the user's answers to unknown words (ledger word → our value). */
    readonly answers: Record<string, Record<string, string>> = {},
    /** The user said the file lost its ¥ signs to GBK: a leading ? is ¥. */
    private readonly questionMarkIsYen = false,
  ) {}

  /** Fields whose amount lost its ¥ to GBK: reported once for the file, not as an error of each row. */
  readonly lostYen: string[] = [];

  /** Amounts of this file, read with the user's choice about ? for ¥. */
  readonly amount = (cell: Cell) => cleanAmount(cell, this.questionMarkIsYen);

  /** The field holds a word the importer does not know: the row waits for the user's answer. */
  ask(field: string) {
    this.questions.push({ field, value: this.text(field) });
  }

  has(field: string): boolean {
    const index = this.columns[field];
    return index !== undefined && cellText(this.cells[index] ?? null) !== "";
  }

  cell(field: string): Cell {
    const index = this.columns[field];
    return index === undefined ? null : (this.cells[index] ?? null);
  }

  text(field: string): string {
    return cellText(this.cell(field));
  }

  /** Runs a cleaner on the field; records the failure and returns undefined when it fails. */
  take<T>(field: string, clean: (cell: Cell) => { ok: true; value: T } | { ok: false; reason: string; detail?: string }): T | undefined {
    const result = clean(this.cell(field));
    if (result.ok) return result.value;
    if (result.reason === "amount.lost_yen") this.lostYen.push(field);
    else this.fail(field, result.reason, result.detail);
    return undefined;
  }

  fail(field: string, reason: string, detail?: string) {
    const index = this.columns[field];
    this.issues.push({
      row: this.row,
      field,
      column: index === undefined ? "" : (this.headers[index] ?? ""),
      value: this.text(field),
      reason,
      ...(detail !== undefined ? { detail } : {}),
    });
  }
}
