// A rule definition checked and its JSONLogic condition compiled: pure, so dry-runs and rates reuse it.
import { compileCondition } from "./condition.js";
import { type ActiveRule, type RuleDefinition, ruleDefinition } from "./definition.js";

export function compileRule(id: number, version: number, definition: unknown): ActiveRule {
  const parsed: RuleDefinition = ruleDefinition.parse(definition);
  return { id, version, definition: parsed, test: compileCondition(parsed.condition) };
}
