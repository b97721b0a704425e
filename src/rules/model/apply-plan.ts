// Applies a plan's order-level changes (tags, fields, hold) to an order before it is written.
import type { BuiltOrder } from "../../orders/model/build-order.js";
import { nextStatuses, type OrderStatus } from "../../orders/model/lifecycle.js";
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

export interface StoredOrderState {
  status: OrderStatus;
  held_from: string | null;
  rush: boolean;
  tags: string[];
  note: string;
  priority: number;
  customerGrade: string;
}

export interface StoredOrderChanges {
  /** Column values to write (empty: the order row stays as it is). */
  columns: Partial<{
    tags: string[];
    note: string;
    rush: boolean;
    priority: number;
    status: OrderStatus;
    held_from: string;
    hold_reason: string;
    owner_role: string;
    owner_user: null;
  }>;
  /** Field-level diff for the 'changed' event. */
  diff: Record<string, { from: unknown; to: unknown }>;
  /** Set when the plan holds an order that was not on hold: the transition to record. */
  hold: { from: OrderStatus; reason: string; rules: { id: number; version: number }[] } | null;
}

/** What a plan changes on an order that is already stored (rules fired by a change, a transition, a schedule…). */
export function storedOrderChanges(order: StoredOrderState, plan: ActionPlan): StoredOrderChanges {
  const columns: StoredOrderChanges["columns"] = {};
  const diff: StoredOrderChanges["diff"] = {};
  const tags = [...new Set([...order.tags, ...plan.tags])];
  if (tags.length !== order.tags.length) {
    columns.tags = tags;
    diff.tags = { from: order.tags, to: tags };
  }
  if (plan.fields.note !== undefined && plan.fields.note !== order.note) {
    columns.note = plan.fields.note;
    diff.note = { from: order.note, to: plan.fields.note };
  }
  if (plan.fields.rush === true && !order.rush && order.customerGrade !== "D") {
    columns.rush = true;
    diff.rush = { from: false, to: true };
  }
  if (plan.fields.priority !== undefined && plan.fields.priority !== order.priority) {
    columns.priority = plan.fields.priority;
    diff.priority = { from: order.priority, to: plan.fields.priority };
  }
  let hold: StoredOrderChanges["hold"] = null;
  if (plan.holds.length && order.status !== "on_hold" && nextStatuses(order.status).includes("on_hold")) {
    const reason = plan.holds.map((h) => h.reason).join("；");
    hold = { from: order.status, reason, rules: plan.holds.map((h) => ({ id: h.ruleId, version: h.ruleVersion })) };
    Object.assign(columns, {
      status: "on_hold",
      held_from: order.status,
      hold_reason: reason,
      owner_role: plan.holds.some((h) => h.releasableBy.includes("finance")) ? "finance" : "sales",
      owner_user: null,
    });
  }
  return { columns, diff, hold };
}
