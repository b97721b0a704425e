// Structural check of a rule condition (JSONLogic) against the closed operator list and the fact catalogue.
// Every refusal is an AppError whose field is the path down to the fault, e.g. `condition.and[1].>[0]`.
import { checkComparison, checkDates, checkIn, checkNumbers, describe, fail, misfit, type Read } from "./condition-types.js";
import { FACT_FIELDS, LINE_FIELDS } from "./facts.js";

/** The closed list of operators a condition may use: no data fetching, no map/reduce/filter, no try/throw, no string slicing. */
export const ALLOWED_OPERATORS = [
  "var",
  "missing",
  "missing_some",
  "==",
  "===",
  "!=",
  "!==",
  ">",
  ">=",
  "<",
  "<=",
  "!",
  "!!",
  "and",
  "or",
  "if",
  "in",
  "some",
  "all",
  "none",
  "+",
  "-",
  "*",
  "/",
  "%",
  "min",
  "max",
  "cat",
  "days_until",
  "days_between",
] as const;
export type ConditionOperator = (typeof ALLOWED_OPERATORS)[number];

/** Operations nested deeper than this are refused (an operation or list inside another counts one level). */
export const MAX_CONDITION_DEPTH = 20;
/** Conditions with more parts than this (operations, values, list items) are refused. */
export const MAX_CONDITION_NODES = 500;

const OPERATORS: ReadonlySet<string> = new Set(ALLOWED_OPERATORS);
const COMPARISONS: ReadonlySet<string> = new Set(["==", "===", "!=", "!==", ">", ">=", "<", "<="]);
const ARITHMETIC: ReadonlySet<string> = new Set(["+", "-", "*", "/", "%", "min", "max"]);
const LINE_LIST = `${Object.keys(LINE_FIELDS)
  .filter((f) => f !== "params")
  .join(", ")} and params.<name>`;

type Scope = "root" | "line";
interface Walk {
  root: string;
  nodes: number;
  reads: Set<string>;
}

/** Checks a condition; returns the fact paths it reads (line fields as `lines.<field>`), in order of first use. */
export function checkCondition(logic: unknown, field: string): string[] {
  const walk: Walk = { root: field, nodes: 0, reads: new Set() };
  visit(walk, logic, field, 1, "root");
  return [...walk.reads];
}

function tick(w: Walk): void {
  if (++w.nodes > MAX_CONDITION_NODES) {
    fail(w.root, `the condition has more than ${MAX_CONDITION_NODES} parts (operators, values and list items); split it into several rules`);
  }
}

function visit(w: Walk, node: unknown, at: string, depth: number, scope: Scope): void {
  tick(w);
  if (node === null || typeof node === "string" || typeof node === "boolean") return;
  if (typeof node === "number") {
    if (!Number.isFinite(node)) fail(at, `${describe(node)} is not a JSON number`);
    return;
  }
  if (typeof node !== "object") fail(at, `${describe(node)} is not a JSON value`);
  if (depth > MAX_CONDITION_DEPTH) fail(at, `the condition is nested more than ${MAX_CONDITION_DEPTH} levels deep`);
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) visit(w, node[i], `${at}[${i}]`, depth + 1, scope);
    return;
  }
  const op = operatorOf(node, at);
  operation(w, op, (node as Record<string, unknown>)[op], `${at}.${op}`, depth, scope);
}

function operatorOf(node: object, at: string): string {
  const proto = Object.getPrototypeOf(node);
  if (proto !== Object.prototype && proto !== null) fail(at, `${describe(node)} is not a JSON value`);
  const keys = Object.keys(node);
  if (keys.length === 0) fail(at, "{} is not a condition: an operation is an object with exactly one key, its operator");
  if (keys.length > 1) {
    const shown = keys.slice(0, 5).map(describe).join(", ") + (keys.length > 5 ? ", …" : "");
    fail(at, `an operation is an object with exactly one key, its operator; this one has ${keys.length}: ${shown}`);
  }
  if (!OPERATORS.has(keys[0])) fail(at, `unknown operator ${describe(keys[0])}`);
  return keys[0];
}

function arity(op: string, at: string, count: number, min: number, max: number, expected: string): void {
  if (count < min || count > max) fail(at, `${op} takes ${expected}, got ${count} argument${count === 1 ? "" : "s"}`);
}

function operation(w: Walk, op: string, raw: unknown, at: string, depth: number, scope: Scope): void {
  if (op === "var") readVar(w, raw, at, scope);
  else if (op === "missing") readPaths(w, raw, at, scope);
  else if (op === "missing_some") missingSome(w, raw, at, scope);
  else if (op === "some" || op === "all" || op === "none") iterator(w, op, raw, at, depth, scope);
  else computation(w, op, raw, at, depth, scope);
}

/** Logic, comparisons, in, arithmetic, cat and dates: arity, then the arguments, then the cheap type checks. */
function computation(w: Walk, op: string, raw: unknown, at: string, depth: number, scope: Scope): void {
  const args: unknown[] = Array.isArray(raw) ? raw : [raw];
  const argAt = (i: number) => (Array.isArray(raw) ? `${at}[${i}]` : at);
  const visitArgs = () => {
    for (let i = 0; i < args.length; i++) visit(w, args[i], argAt(i), depth + 1, scope);
  };
  const read = (node: unknown) => readOf(node, scope);
  const n = args.length;
  if (op === "and" || op === "or" || op === "if") {
    const min = op === "if" ? 2 : 1;
    const expected = op === "if" ? "[condition, then, else] (more condition/then pairs allowed)" : "a list of at least one condition";
    if (!Array.isArray(raw)) fail(at, `${op} takes ${expected}, not ${describe(raw)}`);
    arity(op, at, n, min, Number.POSITIVE_INFINITY, expected);
  } else if (op === "!" || op === "!!") {
    arity(op, at, n, 1, 1, "exactly 1 argument");
  } else if (op === "in") {
    arity(op, at, n, 2, 2, "exactly 2 arguments: [value, list or text]");
  } else if (COMPARISONS.has(op)) {
    const between = op === "<" || op === "<=";
    arity(op, at, n, 2, between ? 3 : 2, between ? "2 arguments, or 3 for a between test (a < b < c)" : "exactly 2 arguments");
  } else if (ARITHMETIC.has(op)) {
    const [min, max, expected] =
      op === "/" || op === "%" ? [2, 2, "exactly 2 arguments"] : op === "-" ? [1, 2, "1 or 2 arguments"] : [1, Number.POSITIVE_INFINITY, "at least 1 argument"];
    arity(op, at, n, min, max, expected);
  } else if (op === "cat") {
    arity(op, at, n, 1, Number.POSITIVE_INFINITY, "at least 1 argument");
  } else {
    const expected =
      op === "days_until" ? 'exactly 2 arguments: [date, reference date], the reference normally {"var":"today"}' : "exactly 2 arguments: [from date, to date]";
    arity(op, at, n, 2, 2, expected);
  }
  visitArgs();
  if (op === "in") checkIn(args, argAt, read);
  else if (COMPARISONS.has(op)) checkComparison(op, args, argAt, read);
  else if (ARITHMETIC.has(op)) checkNumbers(op, args, argAt, read);
  else if (op === "days_until" || op === "days_between") checkDates(op, args, argAt, read);
}

function readVar(w: Walk, raw: unknown, at: string, scope: Scope): void {
  let path = raw;
  let pathAt = at;
  if (Array.isArray(raw)) {
    arity("var", at, raw.length, 1, 2, "a fact path, or [fact path, default]");
    [path, pathAt] = [raw[0], `${at}[0]`];
  }
  if (typeof path !== "string") fail(pathAt, `var needs a literal fact path such as "order.amount", not ${describe(path)}`);
  const found = resolve(path, pathAt, scope);
  w.reads.add(found.name);
  if (Array.isArray(raw) && raw.length === 2) checkDefault(raw[1], found, `${at}[1]`);
}

function checkDefault(value: unknown, found: Read, at: string): void {
  if (value === null) return;
  if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") {
    fail(at, `the default of var must be a literal value (text, number, true/false or null), not ${describe(value)}`);
  }
  if (found.field?.type === "string[]" || found.field?.type === "lines") fail(at, `${found.name} is a list and takes no default`);
  const why = found.field && misfit(found.name, found.field, value);
  if (why) fail(at, why);
}

/** The catalogue entry a `var` path names in this scope; refuses anything else. */
export function resolve(path: string, at: string, scope: Scope): Read {
  if (scope === "line") {
    if (path.startsWith("params.")) {
      const name = path.slice("params.".length);
      if (name === "" || name.length > 60 || /[./\\]/.test(name)) {
        fail(at, `${describe(path)} does not name a parameter: write params.<name>, the name 1–60 characters without ".", "/" or "\\"`);
      }
      if (name in Object.prototype) fail(at, `${describe(name)} cannot be used as a parameter name`);
      return { path, name: `lines.${path}`, field: null };
    }
    if (path !== "params" && Object.hasOwn(LINE_FIELDS, path)) return { path, name: `lines.${path}`, field: LINE_FIELDS[path] };
    if (path === "params") fail(at, "name one parameter as params.<name>, e.g. params.pressureRating");
    if (Object.hasOwn(FACT_FIELDS, path)) {
      fail(at, `${describe(path)} cannot be read inside some/all/none over lines, which sees one line at a time; only ${LINE_LIST} can`);
    }
    return fail(at, `${describe(path)} is not a line field; inside some/all/none over lines only ${LINE_LIST} can be read`);
  }
  if (Object.hasOwn(FACT_FIELDS, path)) return { path, name: path, field: FACT_FIELDS[path] };
  if (path === "params" || path.startsWith("params.") || Object.hasOwn(LINE_FIELDS, path)) {
    fail(at, `${describe(path)} is a line field; read it inside some/all/none over {"var":"lines"}`);
  }
  return fail(at, `${describe(path)} is not a fact a condition can read`);
}

/** What a `{"var": …}` operand reads, for the cheap type checks; undefined for anything else. */
function readOf(node: unknown, scope: Scope): Read | undefined {
  if (!node || typeof node !== "object" || Array.isArray(node)) return undefined;
  const keys = Object.keys(node);
  if (keys.length !== 1 || keys[0] !== "var") return undefined;
  const raw = (node as { var: unknown }).var;
  const path = Array.isArray(raw) ? raw[0] : raw;
  return typeof path === "string" ? resolve(path, "", scope) : undefined;
}

function readPaths(w: Walk, raw: unknown, at: string, scope: Scope): void {
  const paths: unknown[] = Array.isArray(raw) ? raw : [raw];
  if (paths.length === 0) fail(at, "missing needs at least one fact path");
  paths.forEach((path, i) => {
    tick(w);
    const pathAt = Array.isArray(raw) ? `${at}[${i}]` : at;
    if (typeof path !== "string") fail(pathAt, `missing takes literal fact paths such as "order.requestedDate", not ${describe(path)}`);
    w.reads.add(resolve(path, pathAt, scope).name);
  });
}

function missingSome(w: Walk, raw: unknown, at: string, scope: Scope): void {
  if (!Array.isArray(raw) || raw.length !== 2) fail(at, "missing_some takes [how many must be present, [fact paths]]");
  const [need, paths] = raw as [unknown, unknown];
  if (!Array.isArray(paths) || paths.length === 0) fail(`${at}[1]`, "missing_some needs a non-empty list of fact paths");
  if (!Number.isInteger(need) || (need as number) < 1 || (need as number) > paths.length) {
    fail(`${at}[0]`, `missing_some needs a whole number from 1 to ${paths.length}, not ${describe(need)}`);
  }
  readPaths(w, paths, `${at}[1]`, scope);
}

function iterator(w: Walk, op: string, raw: unknown, at: string, depth: number, scope: Scope): void {
  if (scope === "line") fail(at, `${op} cannot be nested inside another some/all/none`);
  const expected = `[{"var":"lines"}, condition on one line]`;
  if (!Array.isArray(raw)) fail(at, `${op} takes ${expected}, not ${describe(raw)}`);
  arity(op, at, raw.length, 2, 2, expected);
  const over = raw[0];
  const isLines = !!over && typeof over === "object" && Object.keys(over).length === 1 && (over as { var?: unknown }).var === "lines";
  if (!isLines) fail(`${at}[0]`, `${op} can only go over {"var":"lines"}, not ${describe(over)}`);
  visit(w, over, `${at}[0]`, depth + 1, "root");
  visit(w, raw[1], `${at}[1]`, depth + 1, "line");
}
