// The admin board: rules at a glance, failing integrations, users per role.
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import { statusCounts } from "./board-queries.js";

export async function adminBoard(db: Kysely<DB>) {
  const rules = await db
    .selectFrom("rules")
    .select(["enabled", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("enabled")
    .execute();
  const outbox = await db
    .selectFrom("outbox")
    .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("status")
    .execute();
  const failedActions = await db
    .selectFrom("rule_actions")
    .innerJoin("rules", "rules.id", "rule_actions.rule_id")
    .select(["rule_actions.order_no", "rule_actions.type", "rule_actions.error", "rule_actions.at", "rules.name as rule"])
    .where("rule_actions.status", "=", "failed")
    .orderBy("rule_actions.id", "desc")
    .limit(20)
    .execute();
  const users = await db.selectFrom("users").select(["username", "display_name", "roles", "active"]).orderBy("username").execute();
  const ruleCount = (enabled: boolean) => Number(rules.find((r) => r.enabled === enabled)?.n ?? 0);
  return {
    role: "admin" as const,
    rules: { enabled: ruleCount(true), disabled: ruleCount(false) },
    outbox: Object.fromEntries(outbox.map((o) => [o.status, Number(o.n)])),
    failedActions: failedActions.map((a) => ({ orderNo: a.order_no, rule: a.rule, type: a.type, error: a.error, at: a.at.toISOString() })),
    users: users.map((u) => ({ username: u.username, displayName: u.display_name, roles: u.roles, active: u.active })),
    statusCounts: await statusCounts(db),
  };
}
