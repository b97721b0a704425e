// Installs the default rules once (those whose names are not taken yet).
import type { Kysely } from "kysely";
import { SYSTEM } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { DEFAULT_RULES } from "./default-rules.js";
import { createRule } from "./save-rule.js";

export async function installDefaultRules(db: Kysely<DB>): Promise<number> {
  const taken = new Set((await db.selectFrom("rules").select("name").execute()).map((r) => r.name));
  let added = 0;
  for (const rule of DEFAULT_RULES) {
    if (taken.has(rule.name)) continue;
    await createRule(db, SYSTEM, rule);
    added++;
  }
  return added;
}
