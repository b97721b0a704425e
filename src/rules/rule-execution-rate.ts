// Use cases: the execution rate of every rule over a period, and of all rules per week or month, read
// from the evaluation and action logs.
import { type Kysely, sql } from "kysely";
import { type BucketSize, plantBucket } from "../core/db/plant-buckets.js";
import type { DB } from "../core/db/schema.js";
import { executionRates, overallRate, overallRateByBucket } from "./model/execution-rate.js";
import type { OrderFacts } from "./model/facts.js";

export type RuleLog = Awaited<ReturnType<typeof readRuleLog>>;

/** The evaluations of the range (each with the label of its plant week or month when `by` is given), every
 *  rule version, and the actions of those evaluations, as the model reads them. */
export async function readRuleLog(db: Kysely<DB>, range: { from: Date; to: Date }, by?: BucketSize) {
  const evaluations = await db
    .selectFrom("rule_evaluations")
    .selectAll()
    .select(by ? plantBucket(sql.ref("at"), by).as("bucket") : sql<string>`''`.as("bucket"))
    .where("at", ">=", range.from)
    .where("at", "<", range.to)
    .orderBy("id")
    .execute();
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
  return {
    evaluations: evaluations.map((e) => ({
      id: e.id,
      at: e.at,
      orderNo: e.order_no,
      facts: e.facts as unknown as OrderFacts,
      matched: e.matched,
      bucket: e.bucket,
    })),
    versions: versions.map((v) => ({ ruleId: v.rule_id, version: v.version, createdAt: v.created_at, definition: v.definition })),
    actions: actions.map((a) => ({ evaluationId: a.evaluation_id, ruleId: a.rule_id, type: a.type, status: a.status, error: a.error })),
  };
}

/** The figures of a range inside the log's own (a period's halves around a pivot, from the period's log). */
export function ruleRatesOf(log: RuleLog, range: { from: Date; to: Date }) {
  const evaluations = log.evaluations.filter((e) => e.at >= range.from && e.at < range.to);
  const rules = executionRates(evaluations, log.versions, log.actions);
  return {
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    evaluations: evaluations.length,
    overall: overallRate(rules),
    rules,
  };
}

export async function ruleExecutionRate(db: Kysely<DB>, range: { from: Date; to: Date }) {
  return ruleRatesOf(await readRuleLog(db, range), range);
}

/** The overall figures per plant ISO week or month of the range, each computed as ruleExecutionRate does. */
export async function ruleExecutionTrend(db: Kysely<DB>, range: { from: Date; to: Date }, by: BucketSize) {
  const log = await readRuleLog(db, range, by);
  return overallRateByBucket(log.evaluations, log.versions, log.actions);
}
