// The judgement of an order not yet taken in: the order as built (every check of build-order), the
// promise, the rules that match it and the plan of what they do. It writes nothing. The preview calls
// it; intake (take-in.ts) runs the same steps on the same pure functions, and a test holds the two
// together (decision 0054).
import type { Kysely } from "kysely";
import { now } from "../core/clock.js";
import type { DB } from "../core/db/schema.js";
import { type BuiltOrder, buildOrder, type IntakeCustomer, type OrderRequest } from "../orders/model/build-order.js";
import { plantDay } from "../orders/model/numbering.js";
import { type IntakePromise, promiseForIntake } from "../planning/promise-order.js";
import { activeRules, matchRules } from "../rules/active-rules.js";
import { applyPlanToOrder } from "../rules/model/apply-plan.js";
import type { OrderFacts } from "../rules/model/facts.js";
import { orderFacts } from "../rules/model/order-facts.js";
import { type ActionPlan, type MatchedRule, planActions } from "../rules/model/plan-actions.js";
import { readCreditedIntakeContext } from "./credited-context.js";

export interface NewOrderJudgement {
  /** The order as intake would write it: rules' tags, fields and hold applied. */
  built: BuiltOrder;
  customer: IntakeCustomer;
  facts: OrderFacts;
  matched: MatchedRule[];
  plan: ActionPlan;
  promise: IntakePromise | null;
  at: Date;
}

/** Throws the AppError intake would throw for the same request (unknown customer, rush for grade D, …). */
export async function judgeNewOrder(
  db: Kysely<DB>,
  request: OrderRequest,
  options: { orderNo: string; source?: "api" | "ui"; at?: Date },
): Promise<NewOrderJudgement> {
  const at = options.at ?? now();
  const today = plantDay(at);
  const ctx = await readCreditedIntakeContext(
    db,
    [request.customer],
    request.lines.map((l) => l.sku),
    today,
  );
  const built = buildOrder(request, ctx);
  const customer = ctx.customers.get(request.customer)!;
  const promise = await promiseForIntake(db, built);
  const { rules } = await activeRules(db, db);
  const facts = orderFacts(
    { ...built, orderNo: options.orderNo, status: built.status, source: options.source ?? "api" },
    customer,
    ctx.items,
    { trigger: "order.created" },
    today,
  );
  const matched = matchRules(rules, facts);
  const plan = planActions(matched, facts, at);
  return { built: applyPlanToOrder(built, plan), customer, facts, matched, plan, promise, at };
}
