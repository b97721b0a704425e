// The stages whose dwell time the seed measured, mapped onto our state machine, and every status.
// A stage runs from the first entry into `from` (null: the order's creation) to the first entry into
// `to` after it; time spent on hold in between is not the stage's own time (see decision 0020).
import { ORDER_STATUSES, type OrderStatus } from "../../orders/model/lifecycle.js";

export interface StageDef {
  key: string;
  from: OrderStatus | null;
  to: OrderStatus;
}

export const STAGES: StageDef[] = [
  { key: "sales_acceptance", from: null, to: "confirmed" },
  { key: "scheduling", from: "confirmed", to: "scheduled" },
  { key: "shipping", from: "ready", to: "shipped" },
];

/** Statuses an order leaves again: a stay in them has a length. Closed and cancelled are final. */
export const DWELL_STATUSES: OrderStatus[] = ORDER_STATUSES.filter((s) => s !== "closed" && s !== "cancelled");

/** A dwell key is a stage key or `status:<status>`. */
export type DwellKey = { kind: "stage"; stage: StageDef } | { kind: "status"; status: OrderStatus };

export function parseDwellKey(key: string): DwellKey | undefined {
  const stage = STAGES.find((s) => s.key === key);
  if (stage) return { kind: "stage", stage };
  const status = DWELL_STATUSES.find((s) => `status:${s}` === key || s === key);
  return status ? { kind: "status", status } : undefined;
}

export const DWELL_KEYS = [...STAGES.map((s) => s.key), ...DWELL_STATUSES];
