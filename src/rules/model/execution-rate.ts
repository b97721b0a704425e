// Rule execution rate, computed from the log alone: for each logged evaluation, the rule version in
// force then is re-evaluated over the stored facts ("should have matched"), and compared with what
// actually matched and with how its actions ended. Pure: plain rows in, figures out.
import { compileRule } from "./compile-rule.js";
import { listensTo } from "./definition.js";
import type { OrderFacts } from "./facts.js";

export interface EvaluationRow {
  id: number;
  at: Date;
  /** Null for an evaluation of a service visit. */
  orderNo: string | null;
  facts: OrderFacts;
  matched: { ruleId: number; version: number }[];
}
export interface VersionRow {
  ruleId: number;
  version: number;
  createdAt: Date;
  definition: unknown;
}
export interface ActionRow {
  evaluationId: number;
  ruleId: number;
  type: string;
  status: string;
  error: string | null;
}

export interface RuleRate {
  ruleId: number;
  name: string;
  shouldHaveMatched: number;
  matched: number;
  matchedAsExpected: number;
  unexpected: number;
  succeeded: number;
  failed: number;
  pending: number;
  executionRate: number | null;
  successRate: number | null;
  failures: { orderNo: string | null; type: string; error: string | null }[];
}

const ratio = (a: number, b: number) => (b ? Math.round((a / b) * 10000) / 10000 : null);

export function executionRates(evaluations: EvaluationRow[], versions: VersionRow[], actions: ActionRow[]): RuleRate[] {
  const byRule = new Map<number, VersionRow[]>();
  for (const v of versions) byRule.set(v.ruleId, [...(byRule.get(v.ruleId) ?? []), v]);
  const compiled = new Map<string, ReturnType<typeof compileRule> | null>();
  const compiledOf = (v: VersionRow) => {
    const key = `${v.ruleId}@${v.version}`;
    if (!compiled.has(key)) {
      try {
        compiled.set(key, compileRule(v.ruleId, v.version, v.definition));
      } catch {
        compiled.set(key, null);
      }
    }
    return compiled.get(key) ?? null;
  };
  const actionsOf = new Map<string, ActionRow[]>();
  for (const a of actions) actionsOf.set(`${a.evaluationId}|${a.ruleId}`, [...(actionsOf.get(`${a.evaluationId}|${a.ruleId}`) ?? []), a]);

  const rates: RuleRate[] = [];
  for (const [ruleId, history] of byRule) {
    history.sort((a, b) => a.version - b.version);
    const latest = compiledOf(history[history.length - 1]);
    const rate: RuleRate = {
      ruleId,
      name: latest?.definition.name ?? String(ruleId),
      shouldHaveMatched: 0,
      matched: 0,
      matchedAsExpected: 0,
      unexpected: 0,
      succeeded: 0,
      failed: 0,
      pending: 0,
      executionRate: null,
      successRate: null,
      failures: [],
    };
    for (const evaluation of evaluations) {
      const inForce = [...history].reverse().find((v) => v.createdAt <= evaluation.at);
      const rule = inForce && compiledOf(inForce);
      const should =
        !!rule && rule.definition.enabled && listensTo(rule.definition, evaluation.facts.event.trigger, evaluation.facts.event) && rule.test(evaluation.facts);
      const did = evaluation.matched.some((m) => m.ruleId === ruleId);
      if (should) rate.shouldHaveMatched++;
      if (did) rate.matched++;
      if (did && should) rate.matchedAsExpected++;
      if (did && !should) rate.unexpected++;
      if (!did) continue;
      const outcome = actionsOf.get(`${evaluation.id}|${ruleId}`) ?? [];
      if (outcome.some((a) => a.status === "failed")) {
        rate.failed++;
        for (const a of outcome.filter((x) => x.status === "failed"))
          if (rate.failures.length < 20) rate.failures.push({ orderNo: evaluation.orderNo, type: a.type, error: a.error });
      } else if (outcome.some((a) => a.status === "queued")) rate.pending++;
      else rate.succeeded++;
    }
    rate.executionRate = ratio(rate.matchedAsExpected, rate.shouldHaveMatched);
    rate.successRate = ratio(rate.succeeded, rate.matched);
    rates.push(rate);
  }
  return rates.sort((a, b) => a.ruleId - b.ruleId);
}

export interface OverallRate {
  shouldHaveMatched: number;
  matched: number;
  executionRate: number | null;
  successRate: number | null;
}

/** All rules together: expected firings that happened over expected firings, successes over firings. */
export function overallRate(rates: RuleRate[]): OverallRate {
  const sum = (key: "shouldHaveMatched" | "matchedAsExpected" | "matched" | "succeeded") => rates.reduce((s, r) => s + r[key], 0);
  const should = sum("shouldHaveMatched");
  const matched = sum("matched");
  return {
    shouldHaveMatched: should,
    matched,
    executionRate: should ? sum("matchedAsExpected") / should : null,
    successRate: matched ? sum("succeeded") / matched : null,
  };
}

/** The overall rate of each bucket (week or month label) the evaluations fall in, buckets in order. */
export function overallRateByBucket(
  evaluations: (EvaluationRow & { bucket: string })[],
  versions: VersionRow[],
  actions: ActionRow[],
): ({ bucket: string; evaluations: number } & OverallRate)[] {
  const byBucket = new Map<string, EvaluationRow[]>();
  for (const e of evaluations) byBucket.set(e.bucket, [...(byBucket.get(e.bucket) ?? []), e]);
  return [...byBucket.keys()].sort().map((bucket) => {
    const mine = byBucket.get(bucket) as EvaluationRow[];
    return { bucket, evaluations: mine.length, ...overallRate(executionRates(mine, versions, actions)) };
  });
}
