// Use case: run each scheduled rule ("daily 08:00", plant time) once a day over the open orders.
// The (rule, day) row is the claim: on several app instances exactly one runs it. A run that is cut
// off keeps finished_at empty, so it shows as incomplete instead of silently re-running actions.
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import { plantDay } from "../core/plant-day.js";
import { OPEN_STATUSES } from "../orders/model/lifecycle.js";
import { activeRules } from "./active-rules.js";
import { runRulesOnOrder } from "./run-rules-on-order.js";

const CHUNK = 200;

/** Plant time of day, HH:MM (the plant runs on China Standard Time, UTC+8, no daylight saving). */
export function plantTimeOfDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(11, 16);
}

/** The instant of `day` at `time` plant time. */
export function plantInstantOf(day: string, time: string): Date {
  return new Date(Date.parse(`${day}T${time}:00+08:00`));
}

export async function runScheduledRules(db: Kysely<DB>, now = new Date()): Promise<{ ruleId: number; orders: number; matched: number }[]> {
  const { rules } = await activeRules(db, db);
  const day = plantDay(now);
  const time = plantTimeOfDay(now);
  const due = rules.filter((r) => r.definition.trigger.event === "schedule" && (r.definition.trigger.at ?? "99:99") <= time);
  const runs = [];
  for (const rule of due) {
    // A rule saved after today's slot starts tomorrow: saving it is not a reason to act now.
    const saved = await db
      .selectFrom("rule_versions")
      .select("created_at")
      .where("rule_id", "=", rule.id)
      .where("version", "=", rule.version)
      .executeTakeFirst();
    if (saved && new Date(saved.created_at) > plantInstantOf(day, rule.definition.trigger.at ?? "00:00")) continue;
    const claimed = await db
      .insertInto("rule_schedule_runs")
      .values({ rule_id: rule.id, day, rule_version: rule.version, started_at: now })
      .onConflict((oc) => oc.columns(["rule_id", "day"]).doNothing())
      .returning("rule_id")
      .executeTakeFirst();
    if (!claimed) continue;
    const open = await db.selectFrom("orders").select("order_no").where("status", "in", OPEN_STATUSES).orderBy("order_no").execute();
    let matched = 0;
    for (let start = 0; start < open.length; start += CHUNK) {
      await db.transaction().execute(async (tx) => {
        for (const { order_no } of open.slice(start, start + CHUNK)) {
          const result = await runRulesOnOrder(tx, db, order_no, { trigger: "schedule" }, { at: now, onlyRuleIds: [rule.id] });
          if (result.matched.length) matched++;
        }
      });
    }
    await db
      .updateTable("rule_schedule_runs")
      .set({ finished_at: new Date(), orders: open.length, matched })
      .where("rule_id", "=", rule.id)
      .where("day", "=", day)
      .execute();
    runs.push({ ruleId: rule.id, orders: open.length, matched });
  }
  return runs;
}
