// Validates a rule definition as a whole (schema, cross-field checks, condition), turning the first
// problem into an AppError that names the part at fault, e.g. actions[1].webhook or condition.and[0].
import { ZodError } from "zod";
import { validationToAppError } from "../core/http/validation-errors.js";
import { validateCondition } from "./model/condition.js";
import { type RuleDefinition, ruleDefinition } from "./model/definition.js";
import { checkTriggerScope } from "./model/trigger-scope.js";

export function parseRule(input: unknown): RuleDefinition {
  let rule: RuleDefinition;
  try {
    rule = ruleDefinition.parse(input);
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    const issue = error.issues[0];
    const { code, path, message, ...params } = issue as unknown as { code: string; path: (string | number)[]; message: string } & Record<string, unknown>;
    throw validationToAppError({ keyword: code, instancePath: `/${path.join("/")}`, message, params }, "body");
  }
  validateCondition(rule.condition, "condition");
  checkTriggerScope(rule.trigger.event, rule.condition);
  return rule;
}
