// The order state machine: a registry of allowed transitions, each naming the roles that may take it.
// Pure: no I/O, so it is unit-tested alone and reused by the demo generator.
import type { Role } from "../../core/auth/roles.js";

export const ORDER_STATUSES = ["draft", "confirmed", "scheduled", "in_production", "ready", "shipped", "delivered", "closed", "on_hold", "cancelled"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** The main line, in order: the stages whose dwell time we measure. */
export const MAIN_LINE: OrderStatus[] = ["draft", "confirmed", "scheduled", "in_production", "ready", "shipped", "delivered", "closed"];

const HOLDABLE: OrderStatus[] = ["draft", "confirmed", "scheduled", "in_production", "ready"];
const CANCELLABLE_BEFORE_PRODUCTION: OrderStatus[] = ["draft", "confirmed", "scheduled", "on_hold"];

interface TransitionRule {
  from: OrderStatus[];
  to: OrderStatus;
  roles: Role[];
  reasonRequired: boolean;
}

export const TRANSITIONS: TransitionRule[] = [
  { from: ["draft"], to: "confirmed", roles: ["sales", "service"], reasonRequired: false },
  { from: ["confirmed"], to: "scheduled", roles: ["planner"], reasonRequired: false },
  { from: ["scheduled"], to: "confirmed", roles: ["planner"], reasonRequired: true },
  { from: ["scheduled"], to: "in_production", roles: ["planner"], reasonRequired: false },
  { from: ["in_production"], to: "ready", roles: ["planner", "warehouse"], reasonRequired: false },
  { from: ["ready"], to: "shipped", roles: ["warehouse"], reasonRequired: false },
  { from: ["shipped"], to: "delivered", roles: ["warehouse", "service"], reasonRequired: false },
  { from: ["delivered"], to: "closed", roles: ["finance", "sales"], reasonRequired: false },
  { from: HOLDABLE, to: "on_hold", roles: ["sales", "service", "planner", "finance"], reasonRequired: true },
  { from: CANCELLABLE_BEFORE_PRODUCTION, to: "cancelled", roles: ["sales", "service", "planner"], reasonRequired: true },
  { from: ["in_production"], to: "cancelled", roles: ["planner"], reasonRequired: true },
];

// Releasing a hold returns the order to where it was held; the release is its own rule.
const RELEASE_ROLES: Role[] = ["sales", "service", "planner", "finance"];

/** Who must act next at each stage: the owner shown to customer service. */
export const STAGE_OWNER: Record<OrderStatus, Role | null> = {
  draft: "sales",
  confirmed: "planner",
  scheduled: "planner",
  in_production: "planner",
  ready: "warehouse",
  shipped: "service",
  delivered: "finance",
  closed: null,
  on_hold: "sales",
  cancelled: null,
};

export const OPEN_STATUSES: OrderStatus[] = ["draft", "confirmed", "scheduled", "in_production", "ready", "on_hold"];

export function isOrderStatus(value: string): value is OrderStatus {
  return (ORDER_STATUSES as readonly string[]).includes(value);
}

export type TransitionCheck = { ok: true; reasonRequired: boolean } | { ok: false; why: "not_allowed" | "role"; allowedRoles: Role[] };

/** Can `roles` move an order from `from` to `to`? `heldFrom` is the status an on-hold order returns to. */
export function checkTransition(from: OrderStatus, to: OrderStatus, roles: readonly Role[], heldFrom?: OrderStatus | null): TransitionCheck {
  let rule: { roles: Role[]; reasonRequired: boolean } | undefined =
    from === "on_hold" && to !== "cancelled"
      ? heldFrom === to
        ? { roles: RELEASE_ROLES, reasonRequired: false }
        : undefined
      : TRANSITIONS.find((t) => t.to === to && t.from.includes(from));
  if (!rule) return { ok: false, why: "not_allowed", allowedRoles: [] };
  // An order held during production is cancelled on the same terms as one in production.
  if (from === "on_hold" && to === "cancelled" && heldFrom === "in_production") rule = { roles: ["planner"], reasonRequired: true };
  if (!roles.includes("admin") && !roles.some((r) => rule.roles.includes(r))) {
    return { ok: false, why: "role", allowedRoles: rule.roles };
  }
  return { ok: true, reasonRequired: rule.reasonRequired };
}

/** Every status reachable from `from` in one step (ignoring roles): for UIs and property tests. */
export function nextStatuses(from: OrderStatus, heldFrom?: OrderStatus | null): OrderStatus[] {
  return ORDER_STATUSES.filter((to) => checkTransition(from, to, ["admin"], heldFrom).ok);
}
