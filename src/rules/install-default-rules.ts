// Installs the default rules once (those whose names are not taken yet).
import type { Kysely } from "kysely";
import { SYSTEM } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { DEFAULT_RULES } from "./default-rules.js";
import type { RuleDefinitionInput } from "./model/definition.js";
import { createRule } from "./save-rule.js";

/** `rules`: a subset of the defaults (a test that needs only some of them). */
export async function installDefaultRules(db: Kysely<DB>, rules: RuleDefinitionInput[] = DEFAULT_RULES): Promise<number> {
  const taken = new Set((await db.selectFrom("rules").select("name").execute()).map((r) => r.name));
  let added = 0;
  for (const rule of rules) {
    if (taken.has(rule.name)) continue;
    await createRule(db, SYSTEM, rule);
    added++;
  }
  return added;
}
