// Cheap type checks on a condition's operands: the literals a fact is compared with, and what arithmetic,
// `in` and the date operators are given. Only mistakes that can never evaluate meaningfully are refused.
import { invalid } from "../../core/errors.js";
import { isIsoDate } from "./condition-dates.js";
import type { FactField, FactType } from "./facts.js";

/** What a `{"var": …}` reads: the path as written, its name for messages and variables, its catalogue entry (null: a line parameter). */
export interface Read {
  path: string;
  name: string;
  field: FactField | null;
}
type ReadOf = (node: unknown) => Read | undefined;
type ArgAt = (i: number) => string;

const KIND: Record<FactType, string> = {
  number: "a number",
  string: "text",
  boolean: "true or false",
  date: "a date",
  "string[]": "a list of texts",
  lines: "the list of order lines",
};

export function fail(field: string, detail: string): never {
  throw invalid(field, "field.invalid", { detail });
}

/** A short, safe rendering of any value for a message (JSON where possible, cut at 60 characters). */
export function describe(value: unknown): string {
  let text: string;
  try {
    if (value === undefined) return "undefined";
    if (typeof value === "function") return "a function";
    if (typeof value === "symbol") return "a symbol";
    if (typeof value === "bigint") return `${value}n`;
    if (typeof value === "number" && !Number.isFinite(value)) return String(value);
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return `a ${proto?.constructor?.name || "non-plain"} object`;
    }
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = "a value that is not JSON";
  }
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

const isLiteral = (value: unknown): value is string | number | boolean | null =>
  value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean";
const isList = (field: FactField) => field.type === "string[]" || field.type === "lines";
const isNumeric = (text: string) => text.trim() !== "" && Number.isFinite(Number(text));

/** Why this literal can never stand for a value of this fact (a sentence), or null if it can. */
export function misfit(name: string, field: FactField, value: unknown): string | null {
  if (value === null) return null;
  if (field.type === "date") return isIsoDate(value) ? null : `${name} is a date; write dates as YYYY-MM-DD, not ${describe(value)}`;
  if (field.values) {
    if (typeof value === "string" && field.values.includes(value)) return null;
    return `${describe(value)} is not a value of ${name}; allowed values: ${field.values.join(", ")}`;
  }
  if (field.type === "number" && typeof value === "string" && !isNumeric(value)) return `${name} is a number; ${describe(value)} is not a number`;
  if (field.type === "boolean" && typeof value === "string") return `${name} is true or false; compare it with true or false, not ${describe(value)}`;
  return null;
}

/** Comparisons take single values; a list fact cannot be compared; a literal must fit the fact it is compared with. */
export function checkComparison(op: string, args: unknown[], argAt: ArgAt, readOf: ReadOf): void {
  const reads = args.map(readOf);
  args.forEach((arg, i) => {
    if (Array.isArray(arg)) fail(argAt(i), `${op} compares single values, not lists; to test whether a value is in a list write {"in":[value, [...]]}`);
    const read = reads[i];
    if (read?.field && isList(read.field))
      fail(argAt(i), `${read.name} is a list and cannot be compared with ${op}; use in to test whether it contains a value`);
  });
  reads.forEach((read, i) => {
    const field = read?.field;
    if (!read || !field) return;
    args.forEach((other, j) => {
      const why = j !== i && isLiteral(other) ? misfit(read.name, field, other) : null;
      if (why) fail(argAt(j), why);
    });
  });
}

/** `in` looks for one value in a list or a text; listed literals must fit the fact looked for. */
export function checkIn(args: unknown[], argAt: ArgAt, readOf: ReadOf): void {
  const [item, list] = args;
  if (isLiteral(list) && typeof list !== "string") fail(argAt(1), `in looks for a value in a list or a text; ${describe(list)} is neither`);
  const listRead = readOf(list);
  const listType = listRead?.field?.type;
  if (listRead && listType && listType !== "string" && listType !== "string[]" && listType !== "date") {
    fail(argAt(1), `${listRead.name} is ${KIND[listType]}; in needs a list or a text as its second argument`);
  }
  if (Array.isArray(item)) fail(argAt(0), "in looks for a single value, not a list");
  const itemRead = readOf(item);
  const field = itemRead?.field;
  if (!itemRead || !field) return;
  if (isList(field)) fail(argAt(0), `${itemRead.name} is a list; to test whether it contains a value write {"in":[value, {"var":"${itemRead.path}"}]}`);
  if (!Array.isArray(list)) return;
  list.forEach((value, k) => {
    const why = isLiteral(value) ? misfit(itemRead.name, field, value) : null;
    if (why) fail(`${argAt(1)}[${k}]`, why);
  });
}

/** Arithmetic takes numbers (true/false count as 1/0 except in min/max); no division by a literal zero. */
export function checkNumbers(op: string, args: unknown[], argAt: ArgAt, readOf: ReadOf): void {
  args.forEach((arg, i) => {
    if (Array.isArray(arg)) fail(argAt(i), `${op} works on numbers, not lists`);
    if (isLiteral(arg) && typeof arg !== "number") fail(argAt(i), `${op} works on numbers; ${describe(arg)} is not a number`);
    if ((op === "/" || op === "%") && i > 0 && arg === 0) fail(argAt(i), `${op === "/" ? "division" : "remainder of a division"} by zero`);
    const read = readOf(arg);
    const type = read?.field?.type;
    if (read && type && type !== "number" && !(type === "boolean" && op !== "min" && op !== "max")) {
      fail(argAt(i), `${read.name} is ${KIND[type]}, not a number${type === "date" ? "; use days_until or days_between with dates" : ""}`);
    }
  });
}

/** days_until / days_between take dates: YYYY-MM-DD literals or date facts. */
export function checkDates(op: string, args: unknown[], argAt: ArgAt, readOf: ReadOf): void {
  args.forEach((arg, i) => {
    if ((isLiteral(arg) || Array.isArray(arg)) && !isIsoDate(arg)) fail(argAt(i), `${op} needs dates written YYYY-MM-DD; ${describe(arg)} is not one`);
    const read = readOf(arg);
    const type = read?.field?.type;
    if (read && type && type !== "date") fail(argAt(i), `${read.name} is ${KIND[type]}, not a date; ${op} needs dates`);
  });
}
