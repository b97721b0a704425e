// The one place rules judge: facts → the rules that listen to the event and whose condition holds →
// what they plan. Pure (no I/O): intake (single and bulk), changes to stored orders, dry-runs and
// service visits all call it, so a rule decides the same way wherever it runs.
import type { BuiltOrder } from "../orders/model/build-order.js";
import { matchRules } from "./active-rules.js";
import { applyPlanToOrder } from "./model/apply-plan.js";
import type { ActiveRule } from "./model/definition.js";
import type { OrderFacts, Trigger } from "./model/facts.js";
import { type FactsCustomer, type FactsItem, orderFacts } from "./model/order-facts.js";
import { type ActionPlan, type MatchedRule, planActions } from "./model/plan-actions.js";

export interface Judgement<F, P> {
  facts: F;
  matched: MatchedRule[];
  plan: P;
}

/** Any facts that carry their event (an order's, a visit's): the rules listening and holding, and their plan. */
export function judge<F extends { event: OrderFacts["event"] }, P>(
  rules: ActiveRule[],
  facts: F,
  plan: (matched: MatchedRule[], facts: F) => P,
): Judgement<F, P> {
  // A compiled condition is a plain function over JSON facts; its type names the order facts it usually sees.
  const matched = matchRules(rules, facts as unknown as OrderFacts);
  return { facts, matched, plan: plan(matched, facts) };
}

export type OrderJudged = Parameters<typeof orderFacts>[0];
export interface OrderEvent {
  trigger: Trigger;
  changedFields?: string[];
  from?: string | null;
  to?: string | null;
}

/** An order (being taken in or stored) judged on an event, as of `today` and `at`. */
export function judgeOrder(
  rules: ActiveRule[],
  order: OrderJudged,
  context: { customer: FactsCustomer; items: Map<string, FactsItem>; event: OrderEvent; today: string; at: Date },
): Judgement<OrderFacts, ActionPlan> {
  const facts = orderFacts(order, context.customer, context.items, context.event, context.today);
  return judge(rules, facts, (matched) => planActions(matched, facts, context.at));
}

/** An order being taken in: judged on order.created, with what the rules plan applied to it before it is written. */
export function judgeNewOrder(
  rules: ActiveRule[],
  revision: number,
  built: BuiltOrder,
  intake: { orderNo: string; source: string; customer: FactsCustomer; items: Map<string, FactsItem>; today: string; at: Date },
) {
  const { orderNo, source, customer, items, today, at } = intake;
  const { facts, matched, plan } = judgeOrder(
    rules,
    { ...built, orderNo, status: built.status, source },
    { customer, items, event: { trigger: "order.created" }, today, at },
  );
  return { orderNo, built: applyPlanToOrder(built, plan), facts, revision, matched, plan, at };
}
