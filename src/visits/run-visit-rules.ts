// Runs the rules listening to visit.recorded inside the visit's transaction and writes what they decide:
// the evaluation and each action's log row, the warranty card (its PDF rendered and its holder told by
// the outbox), the replenishment request, the lifecycle entry, notifications and robot messages.
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../core/db/schema.js";
import { activeRules } from "../rules/active-rules.js";
import { judge } from "../rules/judge-order.js";
import { writeRuleLog } from "../rules/write-rule-log.js";
import { planVisitEffects, type VisitPlan } from "./model/plan-visit-effects.js";
import { newVerificationCode } from "./model/verification-code.js";
import type { VisitFacts } from "./model/visit-facts.js";

export interface VisitRecord {
  facts: VisitFacts;
  visitedOn: string;
  actor: string;
  notes: string;
  parts: { sku: string; qty: number }[];
  /** The card's validity: from the visit to the longest part warranty. */
  validUntil: string;
  at: Date;
}

const json = (v: unknown) => JSON.stringify(v);

/** `cacheKey`: the pool-level Kysely instance (compiled rules are cached per instance and revision). */
export async function runVisitRules(tx: Transaction<DB>, cacheKey: Kysely<DB>, record: VisitRecord): Promise<{ plan: VisitPlan; matched: string[] }> {
  const { facts, at } = record;
  const { revision, rules } = await activeRules(tx, cacheKey);
  const listening = rules.filter((r) => r.definition.trigger.event === "visit.recorded");
  const { matched, plan } = judge(listening, facts, (m, f) => planVisitEffects(m, f, () => newVerificationCode()));
  if (!listening.length) return { plan, matched: [] };

  const visitId = facts.visit.id;
  const serial = facts.equipment.serial;
  const { logIds } = await writeRuleLog(tx, { subject: { visit_id: visitId }, trigger: "visit.recorded", at, revision, facts, matched, log: plan.log });
  const actor = matched.map((m) => `rule:${m.id}@v${m.version}`).join(",");
  const outbox: { topic: "robot" | "warranty_card"; payload: string; order_no: string | null; rule_action_id: number }[] = [];

  if (plan.card) {
    await tx
      .insertInto("warranty_cards")
      .values({ code: plan.card.code, visit_id: visitId, serial, valid_from: record.visitedOn, valid_until: record.validUntil, pdf: null, rendered_at: null })
      .execute();
    outbox.push({
      topic: "warranty_card",
      payload: json({ code: plan.card.code, visitId, serial, toRole: plan.card.notifyRole }),
      order_no: facts.equipment.orderNo,
      rule_action_id: logIds[plan.card.logIndex],
    });
  }
  if (plan.replenishment) {
    await tx
      .insertInto("replenishment_requests")
      .values(record.parts.map((p) => ({ visit_id: visitId, sku: p.sku, qty: p.qty })))
      .execute();
    plan.notifications.unshift({
      toRole: plan.replenishment.toRole,
      level: "info",
      message: `补货申请：服务单 ${visitId}（设备 ${serial}）用掉 ${record.parts.map((p) => `${p.sku} × ${p.qty}`).join("，")}`,
      ruleId: plan.log[plan.replenishment.logIndex].ruleId,
    });
  }
  if (plan.lifecycle) {
    await tx
      .insertInto("equipment_events")
      .values({
        serial,
        at,
        kind: "visit",
        actor: record.actor,
        data: json({ visitId, visitedOn: record.visitedOn, parts: record.parts, warrantyCode: plan.card?.code ?? null, notes: record.notes, rules: actor }),
      })
      .execute();
  }
  if (plan.notifications.length) {
    await tx
      .insertInto("notifications")
      .values(
        plan.notifications.map((n) => ({
          to_role: n.toRole,
          to_user: null,
          level: n.level,
          message: n.message,
          order_no: facts.equipment.orderNo,
          rule_id: n.ruleId,
          created_at: at,
        })),
      )
      .execute();
  }
  for (const r of plan.robots) {
    outbox.push({
      topic: "robot",
      payload: json({ webhook: r.webhook, channels: r.channels, message: r.message, level: r.level, orderNo: null, visitId }),
      order_no: facts.equipment.orderNo,
      rule_action_id: logIds[r.logIndex],
    });
  }
  if (outbox.length) await tx.insertInto("outbox").values(outbox).execute();
  return { plan, matched: matched.map((m) => m.name) };
}
