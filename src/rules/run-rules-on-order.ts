// Use case: run the rules that listen to an event on an order that is already stored (a change, a
// transition, an overdue task, a stock change, a schedule), inside the transaction of that event, and
// write what they decide. What rules change themselves never fires further rules, so rules cannot loop.
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../core/db/schema.js";
import { plantDay } from "../core/plant-day.js";
import { OPEN_STATUSES, type OrderStatus } from "../orders/model/lifecycle.js";
import type { ParamValues } from "../orders/model/params.js";
import { activeRules, matchRules } from "./active-rules.js";
import { storedOrderChanges } from "./model/apply-plan.js";
import type { ActiveRule } from "./model/definition.js";
import type { Trigger } from "./model/facts.js";
import { orderFacts } from "./model/order-facts.js";
import { planActions } from "./model/plan-actions.js";
import { writeRuleEffects } from "./write-rule-effects.js";

export interface RuleEvent {
  trigger: Trigger;
  changedFields?: string[];
  from?: string | null;
  to?: string | null;
}

export interface RuleRunResult {
  evaluated: boolean;
  matched: { id: number; version: number; name: string }[];
}

/** `cacheKey`: the pool-level Kysely instance (compiled rules are cached per instance and revision). */
export async function runRulesOnOrder(
  tx: Transaction<DB>,
  cacheKey: Kysely<DB>,
  orderNo: string,
  event: RuleEvent,
  options: { at?: Date; onlyRuleIds?: number[] } = {},
): Promise<RuleRunResult> {
  const { revision, rules } = await activeRules(tx, cacheKey);
  const listening = rules.filter((r) => r.definition.trigger.event === event.trigger && (!options.onlyRuleIds || options.onlyRuleIds.includes(r.id)));
  if (!listening.length) return { evaluated: false, matched: [] };
  return evaluateStoredOrder(tx, orderNo, event, listening, revision, options.at ?? new Date());
}

async function evaluateStoredOrder(
  tx: Transaction<DB>,
  orderNo: string,
  event: RuleEvent,
  rules: ActiveRule[],
  revision: number,
  at: Date,
): Promise<RuleRunResult> {
  const order = await tx.selectFrom("orders").selectAll().where("order_no", "=", orderNo).forNoKeyUpdate().executeTakeFirst();
  if (!order) return { evaluated: false, matched: [] };
  const [lines, customer] = await Promise.all([
    tx.selectFrom("order_lines").selectAll().where("order_no", "=", orderNo).orderBy("line_no").execute(),
    tx.selectFrom("customers").select(["code", "grade", "credit_limit", "open_receivables"]).where("code", "=", order.customer_code).executeTakeFirstOrThrow(),
  ]);
  const items = await tx
    .selectFrom("items")
    .select(["sku", "family", "kind"])
    .where("sku", "in", lines.length ? [...new Set(lines.map((l) => l.sku))] : [""])
    .execute();
  const stored = {
    orderNo,
    status: order.status,
    source: order.source,
    total_amount: order.total_amount,
    rush: order.rush,
    tags: order.tags,
    requested_date: order.requested_date,
    nonstandard: order.nonstandard,
    lines: lines.map((l) => ({ ...l, params: l.params as ParamValues })),
  };
  const facts = orderFacts(stored, customer, new Map(items.map((i) => [i.sku, i])), event, plantDay(at));
  const matched = matchRules(rules, facts);
  const plan = planActions(matched, facts, at);

  // Stock is soft-locked once per open order: a second lock would take the same stock twice.
  if (plan.reserve) {
    const open = OPEN_STATUSES.includes(order.status as OrderStatus);
    const locked = await tx.selectFrom("reservations").select("id").where("order_no", "=", orderNo).where("status", "=", "active").executeTakeFirst();
    if (!open || locked) {
      const entry = plan.log[plan.reserve.logIndex];
      plan.log[plan.reserve.logIndex] = { ...entry, status: "skipped", detail: { ...entry.detail, why: open ? "already_reserved" : "order_closed" } };
      plan.reserve = null;
    }
  }

  const changes = storedOrderChanges({ ...order, status: order.status as OrderStatus, customerGrade: customer.grade }, plan);
  if (Object.keys(changes.columns).length) {
    await tx
      .updateTable("orders")
      .set((eb) => ({ ...changes.columns, version: eb("version", "+", 1), updated_at: at }))
      .where("order_no", "=", orderNo)
      .execute();
  }
  const actor = matched.map((m) => `rule:${m.id}@v${m.version}`).join(",");
  const events = [];
  if (Object.keys(changes.diff).length) events.push({ order_no: orderNo, at, actor, kind: "changed" as const, data: JSON.stringify(changes.diff) });
  if (changes.hold) {
    events.push({
      order_no: orderNo,
      at,
      actor: changes.hold.rules.map((r) => `rule:${r.id}@v${r.version}`).join(","),
      kind: "transition" as const,
      from_status: changes.hold.from,
      to_status: "on_hold",
      reason: changes.hold.reason,
      data: JSON.stringify({ rules: changes.hold.rules, trigger: event.trigger }),
    });
  }
  if (events.length) await tx.insertInto("order_events").values(events).execute();
  await writeRuleEffects(tx, [{ orderNo, built: stored, facts, revision, matched, plan, at }], actor || "rules");
  return { evaluated: true, matched: matched.map((m) => ({ id: m.id, version: m.version, name: m.name })) };
}
