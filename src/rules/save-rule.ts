// Use cases: create a rule, and change one. Every save is a new version (who, when, diff) and bumps
// the rules revision, so every app instance uses it from the very next event.
import { isDeepStrictEqual } from "node:util";
import { type Kysely, sql, type Transaction } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { isUniqueViolation } from "../core/db/unique-violation.js";
import { AppError, notFound } from "../core/errors.js";
import { publishChange } from "../events/publish-change.js";
import type { RuleDefinition } from "./model/definition.js";
import { parseRule } from "./parse-rule.js";
import { getRuleView } from "./rule-views.js";

async function bumpRevision(tx: Transaction<DB>) {
  await tx.updateTable("rules_revision").set({ revision: sql`revision + 1` }).where("id", "=", 1).execute();
}

const asStored = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

function diffOf(before: Record<string, unknown>, after: Record<string, unknown>) {
  const diff: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    // As stored (jsonb reorders keys, drops undefined): the same rule sent back is no change, no version.
    if (!isDeepStrictEqual(asStored(before[key]), asStored(after[key]))) diff[key] = { from: before[key], to: after[key] };
  }
  return diff;
}

/** Writes a new rule and its first version in the caller's transaction; `at`: when it was made (the demo
 *  plant's first rules date from its go-live), the database's now by default. */
export async function insertRule(tx: Transaction<DB>, principal: Principal, rule: RuleDefinition, at?: Date): Promise<number> {
  const made = at ? { created_at: at } : {};
  const { id } = await tx
    .insertInto("rules")
    .values({ name: rule.name, enabled: rule.enabled, current_version: 1, ...made, ...(at ? { updated_at: at } : {}) })
    .returning("id")
    .executeTakeFirstOrThrow();
  await tx
    .insertInto("rule_versions")
    .values({
      rule_id: id,
      version: 1,
      definition: JSON.stringify(rule),
      diff: "{}",
      created_by: principal.name,
      created_by_roles: principal.roles,
      ...made,
    })
    .execute();
  await bumpRevision(tx);
  await publishChange(tx, { kind: "rule", action: "created", ruleId: id, enabled: rule.enabled });
  return id;
}

export async function createRule(db: Kysely<DB>, principal: Principal, input: unknown) {
  const rule = parseRule(input);
  try {
    const id = await db.transaction().execute((tx) => insertRule(tx, principal, rule));
    return getRuleView(db, id);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", "rule.name_taken", { name: rule.name }, "name");
    throw error;
  }
}

/** Writes `next` as the rule's next version in the caller's transaction, with its diff from `current`;
 *  nothing when nothing changed. */
export async function insertRuleVersion(
  tx: Transaction<DB>,
  principal: Principal,
  id: number,
  current: { version: number; definition: RuleDefinition },
  next: RuleDefinition,
): Promise<void> {
  const diff = diffOf(current.definition as unknown as Record<string, unknown>, next as unknown as Record<string, unknown>);
  if (!Object.keys(diff).length) return;
  const version = current.version + 1;
  await tx
    .insertInto("rule_versions")
    .values({
      rule_id: id,
      version,
      definition: JSON.stringify(next),
      diff: JSON.stringify(diff),
      created_by: principal.name,
      created_by_roles: principal.roles,
    })
    .execute();
  await tx
    .updateTable("rules")
    .set({ name: next.name, enabled: next.enabled, current_version: version, updated_at: new Date() })
    .where("id", "=", id)
    .execute();
  await bumpRevision(tx);
  await publishChange(tx, { kind: "rule", action: "changed", ruleId: id, enabled: next.enabled });
}

/** `patch` replaces the named top-level parts of the definition (e.g. {enabled:false}). */
export async function updateRule(db: Kysely<DB>, principal: Principal, id: number, patch: Record<string, unknown>, expectedVersion?: number) {
  try {
    await db.transaction().execute(async (tx) => {
      const current = await tx
        .selectFrom("rules")
        .innerJoin("rule_versions", (j) => j.onRef("rule_versions.rule_id", "=", "rules.id").onRef("rule_versions.version", "=", "rules.current_version"))
        .select(["rules.current_version", "rule_versions.definition"])
        .where("rules.id", "=", id)
        .forUpdate()
        .executeTakeFirst();
      if (!current) throw notFound("rule.not_found", { id }, "id");
      if (expectedVersion !== undefined && expectedVersion !== current.current_version) {
        throw new AppError("stale_version", "order.stale_version", { current: current.current_version, given: expectedVersion }, "If-Match", {
          currentVersion: current.current_version,
        });
      }
      const before = current.definition as RuleDefinition;
      await insertRuleVersion(tx, principal, id, { version: current.current_version, definition: before }, parseRule({ ...before, ...patch }));
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", "rule.name_taken", { name: String(patch.name) }, "name");
    throw error;
  }
  return getRuleView(db, id);
}
