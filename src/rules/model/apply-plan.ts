// Applies a plan's order-level changes (tags, fields, hold) to an order before it is written.
import type { BuiltOrder } from "../../orders/model/build-order.js";
import type { ActionPlan } from "./plan-actions.js";

export function applyPlanToOrder(built: BuiltOrder, plan: ActionPlan): BuiltOrder {
  const next: BuiltOrder = {
    ...built,
    tags: [...new Set([...built.tags, ...plan.tags])],
    note: plan.fields.note ?? built.note,
    // A rule may mark an order rush, but never opens the rush channel to a grade D customer:
    // buildOrder already refused explicit rush requests, and set_field must not get round it.
    rush: built.rush || (plan.fields.rush === true && built.customer_grade !== "D"),
    priority: plan.fields.priority ?? built.priority,
  };
  if (plan.holds.length) {
    next.hold = {
      reason: plan.holds.map((h) => h.reason).join("；"),
      ownerRole: plan.holds.some((h) => h.releasableBy.includes("finance")) ? "finance" : "sales",
      rules: plan.holds.map((h) => ({ id: h.ruleId, version: h.ruleVersion })),
    };
  }
  return next;
}
