// The record of one judgement of a subject other than an order (a service visit, a quote): the evaluation
// row with the facts and the rules that matched, and one row per action with its status. Answers the
// evaluation's id and the action rows' ids, in the plan's log order (robot messages refer to them).
import type { Transaction } from "kysely";
import type { DB } from "../core/db/schema.js";
import type { ActionPlan, MatchedRule } from "./model/plan-actions.js";

export type RuleSubject = { visit_id: number } | { quote_no: string };

const json = (v: unknown) => JSON.stringify(v);

export async function writeRuleLog(
  tx: Transaction<DB>,
  judged: { subject: RuleSubject; trigger: string; at: Date; revision: number; facts: unknown; matched: MatchedRule[]; log: ActionPlan["log"] },
): Promise<{ evaluationId: number; logIds: number[] }> {
  const { subject, at } = judged;
  const { id: evaluationId } = await tx
    .insertInto("rule_evaluations")
    .values({
      order_no: null,
      ...subject,
      trigger: judged.trigger,
      at,
      revision: judged.revision,
      facts: json(judged.facts),
      matched: json(judged.matched.map((m) => ({ ruleId: m.id, version: m.version }))),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (!judged.log.length) return { evaluationId, logIds: [] };
  const rows = await tx
    .insertInto("rule_actions")
    .values(
      judged.log.map((l) => ({
        evaluation_id: evaluationId,
        order_no: null,
        ...subject,
        rule_id: l.ruleId,
        rule_version: l.ruleVersion,
        action_index: l.actionIndex,
        type: l.type,
        status: l.status,
        detail: json(l.detail),
        at,
      })),
    )
    .returning("id")
    .execute();
  return { evaluationId, logIds: rows.map((r) => r.id) };
}
