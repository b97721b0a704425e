// Use case: the execution rate of every rule over a period, read from the evaluation and action logs.
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import { executionRates } from "./model/execution-rate.js";
import type { OrderFacts } from "./model/facts.js";

export async function ruleExecutionRate(db: Kysely<DB>, range: { from: Date; to: Date }) {
  const evaluations = await db.selectFrom("rule_evaluations").selectAll().where("at", ">=", range.from).where("at", "<", range.to).orderBy("id").execute();
  const ids = evaluations.map((e) => e.id);
  const [versions, actions] = await Promise.all([
    db.selectFrom("rule_versions").select(["rule_id", "version", "created_at", "definition"]).execute(),
    ids.length
      ? db
          .selectFrom("rule_actions")
          .select(["evaluation_id", "rule_id", "type", "status", "error"])
          .where("evaluation_id", ">=", ids[0])
          .where("evaluation_id", "<=", ids[ids.length - 1])
          .execute()
      : [],
  ]);
  const rules = executionRates(
    evaluations.map((e) => ({ id: e.id, at: e.at, orderNo: e.order_no, facts: e.facts as unknown as OrderFacts, matched: e.matched })),
    versions.map((v) => ({ ruleId: v.rule_id, version: v.version, createdAt: v.created_at, definition: v.definition })),
    actions.map((a) => ({ evaluationId: a.evaluation_id, ruleId: a.rule_id, type: a.type, status: a.status, error: a.error })),
  );
  const sum = (key: "shouldHaveMatched" | "matchedAsExpected" | "matched" | "succeeded") => rules.reduce((s, r) => s + r[key], 0);
  const should = sum("shouldHaveMatched");
  const matched = sum("matched");
  return {
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    evaluations: evaluations.length,
    overall: {
      shouldHaveMatched: should,
      matched,
      executionRate: should ? sum("matchedAsExpected") / should : null,
      successRate: matched ? sum("succeeded") / matched : null,
    },
    rules,
  };
}
