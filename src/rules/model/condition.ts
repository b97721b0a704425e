// Rule conditions: JSONLogic written by business users (react-querybuilder in the UI), stored as data.
// A condition is checked on save against a closed operator list and the fact catalogue (facts.ts), then compiled
// once with json-logic-engine into a plain function over OrderFacts.
//
// Custom operators:
// - days_until: [date, reference] → whole calendar days from the reference to the date (negative when past).
//   JSONLogic methods do not see the root facts, so the reference is an argument: the rule editor always
//   passes {"var":"today"}. Same arithmetic as order.daysUntilDue. null if either is null or not YYYY-MM-DD.
// - days_between: [from, to] → whole calendar days from `from` to `to` (UTC arithmetic); null likewise.
//
// Semantics worth knowing (json-logic-engine's, kept so the editor's previews agree):
// - null compares as 0 against numbers: {"<":[{"var":"order.daysUntilDue"},7]} is TRUE for an order without a
//   requested date. Guard with {"!!":{"var":"order.requestedDate"}} when that matters.
// - `missing` treats a null fact as present (only absent keys are missing); every catalogue fact is always present.
// - Inside some/all/none over lines only line fields can be read (no ../ scope traversal).
// - A condition that fails while evaluating (the engine throws on e.g. comparing text with a number) is false.
import { defaultMethods, LogicEngine } from "json-logic-engine";
import { invalid } from "../../core/errors.js";
import { ALLOWED_OPERATORS, checkCondition } from "./condition-check.js";
import { daysFromTo } from "./condition-dates.js";
import type { OrderFacts } from "./facts.js";

export { ALLOWED_OPERATORS, type ConditionOperator, MAX_CONDITION_DEPTH, MAX_CONDITION_NODES } from "./condition-check.js";

export type CompiledCondition = (facts: OrderFacts) => boolean;

export interface CompileOptions {
  /** The field named in refusals; "condition" by default. */
  field?: string;
  /** Told of an error the engine throws while evaluating (the condition then counts as false), e.g. to log it. */
  onError?: (error: unknown) => void;
}

const CUSTOM_METHODS: Record<string, (args: unknown) => number | null> = {
  days_until: (args) => (Array.isArray(args) ? daysFromTo(args[1], args[0]) : null),
  days_between: (args) => (Array.isArray(args) ? daysFromTo(args[0], args[1]) : null),
};

/** One shared engine holding only the allowed operators, so even an unchecked condition cannot reach the others. */
const engine = createEngine();

function createEngine(): LogicEngine {
  const builtins = defaultMethods as unknown as Record<string, unknown>;
  const methods: Record<string, unknown> = {};
  for (const op of ALLOWED_OPERATORS) {
    if (Object.hasOwn(CUSTOM_METHODS, op)) continue;
    if (!Object.hasOwn(builtins, op)) throw new Error(`json-logic-engine has no built-in operator ${op}`);
    methods[op] = builtins[op];
  }
  const logic = new LogicEngine(methods);
  // deterministic: the result depends only on the arguments, so the compiler folds calls whose arguments are all
  // literals into constants and otherwise emits a direct call (non-lazy method: arguments evaluated first).
  for (const [name, method] of Object.entries(CUSTOM_METHODS)) logic.addMethod(name, method, { deterministic: true });
  return logic;
}

/** Checks the condition and compiles it once; refusals are AppErrors naming the part at fault. */
function build(logic: unknown, field: string): (facts: unknown) => unknown {
  checkCondition(logic, field);
  // The compiled function keeps references into the logic it was built from: build from a private copy.
  const copy: unknown = structuredClone(logic);
  try {
    return engine.build(copy) as (facts: unknown) => unknown;
  } catch (error) {
    // The compiler evaluates literal-only parts at build time, so e.g. {"max":[1,"a"]} fails here.
    throw invalid(field, "field.invalid", { detail: `it cannot be evaluated: ${engineErrorText(error)}` });
  }
}

function engineErrorText(error: unknown): string {
  if (typeof error === "number" && Number.isNaN(error)) return "a step does not give a number (e.g. text where a number is needed)";
  if (error instanceof Error) return error.message;
  if (error && typeof error === "object" && "type" in error) return String(error.type);
  return String(error);
}

/** Refuses a condition that is not a well-formed JSONLogic condition over the fact catalogue (AppError "invalid"). */
export function validateCondition(logic: unknown, field = "condition"): void {
  build(logic, field);
}

/** Validates, compiles once, and returns a predicate: the condition's result, truthy per JSONLogic ([] is false). */
export function compileCondition(logic: unknown, options: CompileOptions = {}): CompiledCondition {
  const evaluate = build(logic, options.field ?? "condition");
  const { onError } = options;
  return (facts) => {
    try {
      return Boolean(engine.truthy(evaluate(facts)));
    } catch (error) {
      onError?.(error);
      return false;
    }
  };
}

/**
 * The fact paths a (valid) condition reads, in order of first use: catalogue paths such as "order.amount", and
 * inside some/all/none "lines" plus "lines.<field>" / "lines.params.<name>". Refuses an invalid condition.
 */
export function conditionVariables(logic: unknown, field = "condition"): string[] {
  return checkCondition(logic, field);
}
