// Who may change which field of an order, and at which stages. Pure: shared by the edit (PATCH) and the
// batch reschedule, so the same person gets the same answer through either.
import type { Role } from "../../core/auth/roles.js";
import { OPEN_STATUSES, type OrderStatus } from "./lifecycle.js";

export interface OrderPatch {
  requestedDate?: string | null;
  promisedDate?: string | null;
  rush?: boolean;
  tags?: string[];
  note?: string;
}

export const FIELD_RULES: Record<keyof OrderPatch, { column: string; roles: Role[]; statuses: readonly OrderStatus[] }> = {
  requestedDate: { column: "requested_date", roles: ["sales", "service"], statuses: OPEN_STATUSES },
  promisedDate: { column: "promised_date", roles: ["planner"], statuses: OPEN_STATUSES },
  rush: { column: "rush", roles: ["sales", "service"], statuses: OPEN_STATUSES },
  tags: { column: "tags", roles: ["sales", "service", "planner"], statuses: OPEN_STATUSES },
  note: { column: "note", roles: ["sales", "service", "planner", "warehouse", "finance"], statuses: [...OPEN_STATUSES, "shipped", "delivered"] },
};

/** Whether someone with these roles may change the field (admin may change every field). */
export function mayChangeField(roles: readonly Role[], field: keyof OrderPatch): boolean {
  return roles.includes("admin") || roles.some((r) => FIELD_RULES[field].roles.includes(r));
}

/** Line quantities: sales and service, until the order is scheduled (an order held before that too). */
export const LINE_RULE: { roles: Role[]; statuses: readonly OrderStatus[] } = { roles: ["sales", "service"], statuses: ["draft", "confirmed"] };

export function mayChangeLines(roles: readonly Role[]): boolean {
  return roles.includes("admin") || roles.some((r) => LINE_RULE.roles.includes(r));
}
