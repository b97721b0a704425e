// The enabled rules, compiled once per rules revision. Every evaluation first reads the revision
// (one tiny query), so a change made on any instance applies to the very next event everywhere.
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../core/db/schema.js";
import { compileRule } from "./model/compile-rule.js";
import { type ActiveRule, listensTo } from "./model/definition.js";
import type { OrderFacts } from "./model/facts.js";
import type { MatchedRule } from "./model/plan-actions.js";

export { compileRule };

type Db = Kysely<DB> | Transaction<DB>;
interface Cached {
  revision: number;
  rules: ActiveRule[];
}
const caches = new WeakMap<object, Cached>();

export async function currentRevision(db: Db): Promise<number> {
  const row = await db.selectFrom("rules_revision").select("revision").executeTakeFirstOrThrow();
  return Number(row.revision);
}

/**
 * `cacheKey` is the pool-level Kysely instance, shared across transactions. `revision`: the rules
 * revision when the caller has just read it (intake reads it with the master data's, in one query).
 */
export async function activeRules(db: Db, cacheKey: object, revision?: number): Promise<Cached> {
  revision ??= await currentRevision(db);
  const cached = caches.get(cacheKey);
  if (cached && cached.revision === revision) return cached;
  const rows = await db
    .selectFrom("rules")
    .innerJoin("rule_versions", (join) => join.onRef("rule_versions.rule_id", "=", "rules.id").onRef("rule_versions.version", "=", "rules.current_version"))
    .select(["rules.id", "rules.current_version", "rule_versions.definition"])
    .where("rules.enabled", "=", true)
    .execute();
  const rules = rows
    .map((r) => compileRule(r.id, r.current_version, r.definition))
    .sort((a, b) => a.definition.priority - b.definition.priority || a.id - b.id);
  const fresh = { revision, rules };
  caches.set(cacheKey, fresh);
  return fresh;
}

/** The rules that listen to this event and whose condition holds, in priority order. */
export function matchRules(rules: ActiveRule[], facts: OrderFacts): MatchedRule[] {
  return rules
    .filter((r) => listensTo(r.definition, facts.event.trigger, { changedFields: facts.event.changedFields, to: facts.event.to }) && r.test(facts))
    .map((r) => ({ id: r.id, version: r.version, name: r.definition.name, actions: r.definition.actions }));
}
