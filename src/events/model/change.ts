// A change the boards care about, and who may see it. Pure: the payload of a NOTIFY and of an SSE message.
import { hasPermission, type Role } from "../../core/auth/roles.js";

export type Change =
  | { kind: "order"; action: "created" | "changed" | "transition" | "status_link"; orderNo: string; customer: string; status: string; at: string }
  | { kind: "orders"; action: "bulk"; count: number; at: string }
  | { kind: "rule"; action: "created" | "changed"; ruleId: number; enabled: boolean; at: string }
  | { kind: "task"; action: "done"; taskId: number; at: string }
  /** Master data kept by the business changed: a customer, a stock balance, the calendar, a user. */
  | { kind: "master"; entity: string; key: string; at: string }
  /** Finance's ledger moved: an invoice request, its result, a payment or an override (the finance board reloads). */
  | { kind: "finance"; action: "invoice" | "payment" | "override"; customer: string; at: string }
  | { kind: "production"; action: "report" | "downtime" | "released"; orderNo?: string; workCentre?: string; report?: LiveReport; at: string };

/** A shop-floor report as the production board lists it: carried by its change, so an open board shows it without a reload. */
export interface LiveReport {
  id: number;
  at: string;
  kind: "start" | "pause" | "finish";
  good: number;
  scrap: number;
  scrapReason: string | null;
  operator: string | null;
  orderNo: string;
  workOrder: string;
  sku: string;
  seq: number;
  workCentre: string;
}

/** The one NOTIFY channel of the app; payloads stay far below PostgreSQL's 8,000-byte limit. */
export const CHANGE_CHANNEL = "lvyue_changes";

/** A caller sees a change when it may read what changed: orders and tasks for people, rules for rule readers. */
export function maySee(change: Change, roles: readonly Role[]): boolean {
  switch (change.kind) {
    case "order":
    case "orders":
    case "production":
      return hasPermission(roles, "orders.read");
    case "rule":
      return hasPermission(roles, "rules.read");
    case "finance":
      return hasPermission(roles, "finance.read");
    case "task":
    case "master":
      return hasPermission(roles, "session");
  }
}

export function parseChange(payload: string): Change | undefined {
  try {
    const value = JSON.parse(payload) as Change;
    return typeof value === "object" && value && typeof value.kind === "string" ? value : undefined;
  } catch {
    return undefined;
  }
}
