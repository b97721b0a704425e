// The rules the demo plant has run since its go-live, and what they decided for each order taken in since
// then: the rule engine's own pure steps (facts → match → plan) at the order's creation, as intake runs
// them. Pure: the loader writes the rules and the plans through the engine's writers.
// Only effects the generated histories already allow are in force from the go-live, a tag: a hold, a task
// or a message would have changed what happened to the order next, and hundreds of board pins would bury
// the boards. So a default rule goes live in a first version with its tags only; its full default
// definition is its next version, made at load time, and applies to the orders taken in from then on.

import { plantDay } from "../core/plant-day.js";
import { matchRules } from "../rules/active-rules.js";
import { storedOrderChanges } from "../rules/model/apply-plan.js";
import type { ActiveRule, RuleDefinitionInput } from "../rules/model/definition.js";
import type { OrderFacts } from "../rules/model/facts.js";
import { orderFacts } from "../rules/model/order-facts.js";
import { type ActionPlan, type MatchedRule, planActions } from "../rules/model/plan-actions.js";
import type { DemoPlant } from "./generate-demo-plant.js";
import type { OrderLineRow, OrderRow } from "./rows.js";

/** The default rules (by name) in force since the go-live, and how each was described then. */
export const GO_LIVE_RULES: { name: string; descriptionThen: string }[] = [
  { name: "加急订单标记", descriptionThen: "加急订单：加标签（上线首批规则；生产看板标橙是后来的版本）" },
];

/** A go-live rule as first switched on: its tag actions only. */
export function goLiveVersion(rule: RuleDefinitionInput): RuleDefinitionInput {
  const then = GO_LIVE_RULES.find((r) => r.name === rule.name);
  if (!then) throw new Error(`${rule.name} is not a go-live rule`);
  return { ...rule, description: then.descriptionThen, actions: rule.actions.filter((a) => a.type === "add_tag") };
}

export interface IntakeJudgement {
  orderNo: string;
  at: Date;
  built: { lines: OrderLineRow[]; total_amount: string };
  facts: OrderFacts;
  matched: MatchedRule[];
  plan: ActionPlan;
}

/**
 * Judges every order created at or after `since` with `rules`, as intake would have (a draft taken in by
 * its creator, on its creation day). Returns the judgements and the orders with what the plans changed on
 * them (tags); a plan that would change anything else is refused, since the order's history ignores it.
 */
export function judgeIntake(plant: DemoPlant, rules: ActiveRule[], since: Date): { orders: OrderRow[]; judgements: IntakeJudgement[] } {
  const customers = new Map(plant.customers.map((c) => [c.code, c]));
  const items = new Map(plant.master.items.map((i) => [i.sku, i]));
  const linesOf = new Map<string, OrderLineRow[]>();
  for (const l of plant.book.lines) linesOf.set(l.order_no, [...(linesOf.get(l.order_no) ?? []), l]);
  const judgements: IntakeJudgement[] = [];
  const orders = plant.book.orders.map((o) => {
    if (o.created_at < since) return o;
    const customer = customers.get(o.customer_code);
    if (!customer) throw new Error(`demo order ${o.order_no}: no customer ${o.customer_code}`);
    const lines = linesOf.get(o.order_no) ?? [];
    const facts = orderFacts({ ...o, orderNo: o.order_no, status: "draft", lines }, customer, items, { trigger: "order.created" }, plantDay(o.created_at));
    const matched = matchRules(rules, facts);
    const plan = planActions(matched, facts, o.created_at);
    judgements.push({ orderNo: o.order_no, at: o.created_at, built: { lines, total_amount: o.total_amount }, facts, matched, plan });
    const { columns, hold } = storedOrderChanges(
      { status: "draft", held_from: null, rush: o.rush, tags: o.tags, note: o.note, priority: 0, customerGrade: customer.grade },
      plan,
    );
    const other = Object.keys(columns).filter((k) => k !== "tags");
    const effects = [plan.holds, plan.blocks, plan.tasks, plan.notifications, plan.robots, plan.statusLinks, plan.pins].some((x) => x.length) || plan.reserve;
    if (hold || other.length || effects) {
      throw new Error(`demo go-live rules must only tag; ${o.order_no} was planned more`);
    }
    return columns.tags ? { ...o, tags: columns.tags } : o;
  });
  return { orders, judgements };
}
