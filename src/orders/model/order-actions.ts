// What a caller may do to an order now: the state machine, the order's holds and blocks, and the caller's
// roles and permissions, in one place. Pure, so the drawer, the lists and the tests read one answer.
import { hasPermission, type Permission, type Role } from "../../core/auth/roles.js";
import { checkTransition, type OrderStatus } from "./lifecycle.js";

export const ORDER_ACTIONS = [
  "confirm",
  "schedule",
  "unschedule",
  "start",
  "ready",
  "ship",
  "deliver",
  "close",
  "hold",
  "release",
  "cancel",
  "editRequestedDate",
  "editLines",
  "sendStatusLink",
  "revokeStatusLink",
  "review",
] as const;
export type OrderActionName = (typeof ORDER_ACTIONS)[number];

/** The fields the person fills in for an action; nothing else is asked. */
export type ActionField = "reason" | "carrier" | "trackingNo" | "requestedDate" | "outcome" | "note" | "lines";

export interface PlannedAction {
  action: OrderActionName;
  /** The route that carries it out: a transition, a PATCH, a shipment, a status link or a task. */
  route: "transition" | "patch" | "patch-lines" | "shipment+transition" | "status-link" | "task";
  to?: OrderStatus;
  needs: ActionField[];
  /** review: the task this action closes. */
  taskId?: number;
}

export interface ActionsInput {
  status: OrderStatus;
  heldFrom: OrderStatus | null;
  /** Uncleared holds ('*') and blocked targets of the order. */
  blocks: { toStatus: string; releasableBy: string[] }[];
  roles: readonly Role[];
  /** Whether the order has a customer status link that still opens. */
  activeLink: boolean;
  /** Open tasks of this order that gate a transition and are the caller's to decide. */
  reviewTasks: number[];
  /** Fields the caller may change now (the update use case's field rules, already applied). */
  editableFields: string[];
  /** Units still to ship over all lines: more than one may go out in parts. */
  unitsToShip: number;
  /** Whether the caller may lower line quantities now (the line edit's rule, already applied). */
  linesEditable: boolean;
}

/** The main line's forward steps, as actions. */
const FORWARD: { action: OrderActionName; to: OrderStatus; from: OrderStatus }[] = [
  { action: "confirm", from: "draft", to: "confirmed" },
  { action: "schedule", from: "confirmed", to: "scheduled" },
  { action: "start", from: "scheduled", to: "in_production" },
  { action: "ready", from: "in_production", to: "ready" },
  { action: "ship", from: "ready", to: "shipped" },
  { action: "deliver", from: "shipped", to: "delivered" },
  { action: "close", from: "delivered", to: "closed" },
];

export function orderActions(input: ActionsInput): PlannedAction[] {
  const { status, heldFrom, roles } = input;
  const can = (permission: Permission) => roles.includes("admin") || hasPermission(roles, permission);
  const blocked = (to: OrderStatus) => input.blocks.some((b) => b.toStatus === to);
  const allowed = (to: OrderStatus) => can("orders.transition") && !blocked(to) && checkTransition(status, to, roles, heldFrom).ok;
  const out: PlannedAction[] = [];

  for (const step of FORWARD) {
    if (step.from !== status || !allowed(step.to)) continue;
    if (step.action === "ship") {
      if (can("shipments.write")) {
        const needs: ActionField[] = input.unitsToShip > 1 ? ["carrier", "trackingNo", "lines"] : ["carrier", "trackingNo"];
        out.push({ action: "ship", route: "shipment+transition", to: "shipped", needs });
      }
    } else out.push({ action: step.action, route: "transition", to: step.to, needs: [] });
  }
  if (status === "scheduled" && allowed("confirmed")) out.push({ action: "unschedule", route: "transition", to: "confirmed", needs: ["reason"] });
  if (status === "on_hold" && heldFrom && allowed(heldFrom) && mayRelease(input)) out.push({ action: "release", route: "transition", to: heldFrom, needs: [] });
  if (allowed("on_hold")) out.push({ action: "hold", route: "transition", to: "on_hold", needs: ["reason"] });
  if (allowed("cancelled")) out.push({ action: "cancel", route: "transition", to: "cancelled", needs: ["reason"] });
  if (input.editableFields.includes("requestedDate")) out.push({ action: "editRequestedDate", route: "patch", needs: ["requestedDate"] });
  if (input.linesEditable) out.push({ action: "editLines", route: "patch-lines", needs: ["lines"] });
  if (can("status_links.write") && status !== "cancelled") {
    out.push({ action: "sendStatusLink", route: "status-link", needs: [] });
    if (input.activeLink) out.push({ action: "revokeStatusLink", route: "status-link", needs: [] });
  }
  for (const taskId of input.reviewTasks) out.push({ action: "review", route: "task", needs: ["outcome", "note"], taskId });
  return out;
}

/** A rule's hold names who may lift it (finance for credit); any other hold, the release roles. */
function mayRelease(input: ActionsInput): boolean {
  if (input.roles.includes("admin")) return true;
  return input.blocks.filter((b) => b.toStatus === "*").every((h) => !h.releasableBy.length || h.releasableBy.some((r) => input.roles.includes(r as Role)));
}
