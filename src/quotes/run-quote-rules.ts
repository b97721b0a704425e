// Runs the rules listening to quote.below_margin inside the send's transaction and writes what they
// decide: the evaluation and each action's log row, the tasks (the sales manager's approval), in-app
// notices and robot messages (through the outbox). Answers the ids of the tasks opened.
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../core/db/schema.js";
import { activeRules } from "../rules/active-rules.js";
import { judge } from "../rules/judge-order.js";
import { writeRuleLog } from "../rules/write-rule-log.js";
import { openTask } from "../tasks/open-task.js";
import { planQuoteEffects, type QuoteFacts } from "./model/quote-rules.js";

const json = (v: unknown) => JSON.stringify(v);

/** `cacheKey`: the pool-level Kysely instance (compiled rules are cached per instance and revision). */
export async function runQuoteRules(tx: Transaction<DB>, cacheKey: Kysely<DB>, facts: QuoteFacts, by: { actor: string; at: Date }) {
  const { revision, rules } = await activeRules(tx, cacheKey);
  const listening = rules.filter((r) => r.definition.trigger.event === "quote.below_margin");
  if (!listening.length) return { taskIds: [] as number[], matched: [] as string[] };
  const { matched, plan } = judge(listening, facts, (m, f) => planQuoteEffects(m, f, by.at));
  const quoteNo = facts.quote.quoteNo;
  const { logIds } = await writeRuleLog(tx, {
    subject: { quote_no: quoteNo },
    trigger: "quote.below_margin",
    at: by.at,
    revision,
    facts,
    matched,
    log: plan.log,
  });
  const taskIds: number[] = [];
  for (const task of plan.tasks) {
    taskIds.push(
      await openTask(tx, {
        title: task.title,
        orderNo: null,
        assigneeRole: task.assigneeRole,
        assigneeUser: task.assigneeUser,
        mentions: task.mentions,
        dueAt: task.dueAt,
        rule: { id: task.ruleId, version: task.ruleVersion },
        createdBy: `rule:${task.ruleId}@v${task.ruleVersion}`,
      }),
    );
  }
  if (plan.notifications.length)
    await tx
      .insertInto("notifications")
      .values(
        plan.notifications.map((n) => ({
          to_role: n.toRole,
          to_user: null,
          level: n.level,
          message: n.message,
          order_no: null,
          rule_id: n.ruleId,
          created_at: by.at,
        })),
      )
      .execute();
  if (plan.robots.length)
    await tx
      .insertInto("outbox")
      .values(
        plan.robots.map((r) => ({
          topic: "robot" as const,
          payload: json({ webhook: r.webhook, channels: r.channels, message: r.message, level: r.level, orderNo: null, quoteNo }),
          order_no: null,
          rule_action_id: logIds[r.logIndex],
        })),
      )
      .execute();
  return { taskIds, matched: matched.map((m) => m.name) };
}
