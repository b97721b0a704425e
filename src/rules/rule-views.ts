// Reading rules: the list, one rule with its version history and recent activity.
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import { notFound } from "../core/errors.js";
import { conditionVariables } from "./model/condition.js";
import type { RuleDefinition } from "./model/definition.js";

export async function listRules(db: Kysely<DB>) {
  const rows = await db
    .selectFrom("rules")
    .innerJoin("rule_versions", (j) => j.onRef("rule_versions.rule_id", "=", "rules.id").onRef("rule_versions.version", "=", "rules.current_version"))
    .select(["rules.id", "rules.enabled", "rules.current_version", "rules.updated_at", "rule_versions.definition"])
    .orderBy("rules.id")
    .execute();
  return rows.map((r) => ({
    ...(r.definition as RuleDefinition),
    id: r.id,
    version: r.current_version,
    enabled: r.enabled,
    updatedAt: r.updated_at.toISOString(),
  }));
}

export async function getRuleView(db: Kysely<DB>, id: number) {
  const rule = (await listRules(db)).find((r) => r.id === id);
  if (!rule) throw notFound("rule.not_found", { id }, "id");
  const [versions, actions] = await Promise.all([
    db.selectFrom("rule_versions").selectAll().where("rule_id", "=", id).orderBy("version", "desc").execute(),
    db
      .selectFrom("rule_actions")
      .select(["order_no", "rule_version", "type", "status", "error", "at"])
      .where("rule_id", "=", id)
      .orderBy("id", "desc")
      .limit(50)
      .execute(),
  ]);
  return {
    ...rule,
    reads: conditionVariables(rule.condition),
    versions: versions.map((v) => ({
      version: v.version,
      createdBy: v.created_by,
      createdAt: v.created_at.toISOString(),
      diff: v.diff,
      definition: v.definition,
    })),
    recentActions: actions.map((a) => ({
      orderNo: a.order_no,
      version: a.rule_version,
      type: a.type,
      status: a.status,
      error: a.error,
      at: a.at.toISOString(),
    })),
  };
}
