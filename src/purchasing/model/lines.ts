// A purchase order line's life, pure: the date the plan counts, what a supplier's new date does to its
// state, and what a receipt does (partial, or over/under within the supplier's tolerance).
export type PurchaseLineState = "unconfirmed" | "confirmed" | "rescheduled" | "partly_received" | "received" | "cancelled";

export const CLOSED: readonly PurchaseLineState[] = ["received", "cancelled"];
export const isOpen = (state: PurchaseLineState) => !CLOSED.includes(state);

/** Quantities are numeric(14,3): compared in thousandths, never as binary fractions. */
const milli = (q: number) => Math.round(q * 1000);

export interface LineFacts {
  qty: number;
  received: number;
  requestedDate: string;
  confirmedDate: string | null;
  state: PurchaseLineState;
}

/** The supplier's date when there is one, else the date we asked for. */
export const expectedDate = (l: Pick<LineFacts, "requestedDate" | "confirmedDate">) => l.confirmedDate ?? l.requestedDate;

/** The state after the supplier gives a date: the first date confirms, a different later one reschedules. */
export function stateAfterConfirm(l: LineFacts, date: string): PurchaseLineState {
  if (l.state === "partly_received") return l.state;
  if (l.confirmedDate && l.confirmedDate !== date) return "rescheduled";
  return l.state === "rescheduled" ? "rescheduled" : "confirmed";
}

/** The state the line had before any receipt (what it returns to if it is not closed). */
function dateState(l: LineFacts): PurchaseLineState {
  if (l.state === "partly_received") return l.confirmedDate ? "confirmed" : "unconfirmed";
  return l.state;
}

export type ReceiptOutcome =
  | { ok: true; received: number; state: PurchaseLineState; closed: boolean }
  | { ok: false; reason: "over_tolerance"; max: number; total: number };

/**
 * A receipt of `qty`: the line closes once what arrived is within the tolerance below the ordered
 * quantity; more than the tolerance above it is refused (the warehouse sends the rest back).
 */
export function receive(l: LineFacts, qty: number, tolerancePct: number): ReceiptOutcome {
  const total = milli(l.received) + milli(qty);
  const max = Math.floor(milli(l.qty) * (1 + tolerancePct / 100));
  if (total > max) return { ok: false, reason: "over_tolerance", max: max / 1000, total: total / 1000 };
  const closes = total >= Math.ceil(milli(l.qty) * (1 - tolerancePct / 100));
  const state: PurchaseLineState = closes ? "received" : total > 0 ? "partly_received" : dateState(l);
  return { ok: true, received: total / 1000, state, closed: closes };
}

/** Still to come (never below zero). */
export const openQty = (l: Pick<LineFacts, "qty" | "received">) => Math.max(0, milli(l.qty) - milli(l.received)) / 1000;
