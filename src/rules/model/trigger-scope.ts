// Which facts and actions fit which trigger: a service visit (visit.recorded) has no order, and an
// order event has no visit; a quote (quote.below_margin) has neither. Checked on save, naming the part at fault.
import { invalid } from "../../core/errors.js";
import { VISIT_ACTIONS } from "./actions.js";
import { conditionVariables } from "./condition.js";

const VISIT_TRIGGER = "visit.recorded";
const QUOTE_TRIGGER = "quote.below_margin";
const VISIT_ONLY = ["visit.", "equipment."];
const QUOTE_ONLY = ["quote."];
const ORDER_ONLY = ["order.", "lines"];
/** What a rule on a quote may do: ask someone (the sales manager's approval task) and tell people. */
const QUOTE_ACTIONS = ["create_task", "notify"];
const isVisitAction = (type: string) => (VISIT_ACTIONS as readonly string[]).includes(type);
/** A fact only a service visit has (visit.*, equipment.*). */
export const isVisitFact = (path: string) => VISIT_ONLY.some((prefix) => path.startsWith(prefix));
/** A fact only a quote below its margin floor has (quote.*). */
export const isQuoteFact = (path: string) => QUOTE_ONLY.some((prefix) => path.startsWith(prefix));

/** Why this action cannot run on this trigger, or null when it can. */
export function actionFitsTrigger(type: string, trigger: string): string | null {
  if (trigger === QUOTE_TRIGGER)
    return QUOTE_ACTIONS.includes(type) ? null : `${type} cannot act on a quote; a ${QUOTE_TRIGGER} rule may use ${QUOTE_ACTIONS.join(", ")}`;
  if (trigger === VISIT_TRIGGER)
    return isVisitAction(type) || type === "notify" ? null : `${type} acts on an order; a visit.recorded rule may use ${VISIT_ACTIONS.join(", ")} or notify`;
  return isVisitAction(type) ? `${type} needs the trigger ${VISIT_TRIGGER}` : null;
}

/** Refuses a condition reading facts its trigger does not have (AppError naming `condition`). */
export function checkTriggerScope(trigger: string, condition: unknown): void {
  const foreign =
    trigger === VISIT_TRIGGER ? [...ORDER_ONLY, ...QUOTE_ONLY] : trigger === QUOTE_TRIGGER ? [...ORDER_ONLY, ...VISIT_ONLY] : [...VISIT_ONLY, ...QUOTE_ONLY];
  const misread = conditionVariables(condition).find((path) => foreign.some((prefix) => path === prefix || path.startsWith(prefix)));
  if (misread) throw invalid("condition", "field.invalid", { detail: `${misread} is not known on the trigger ${trigger}` });
}
