// Use case: give several orders a new date at once, in the caller's transaction (the batch reschedule,
// which also stores the plan computed with the new date). The customer's requested date moves only for
// those who may change it (sales, service: the customer asked for it); a planner moves the promise and
// leaves the request as the customer made it. Each order gets its event, its rules and its live change.
import type { Kysely, Transaction } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { applyOrderChange, lockOrder } from "./apply-order-change.js";
import { mayChangeField } from "./model/field-rules.js";
import type { OrderColumns, OrderRow } from "./store.js";

export interface NewDate {
  orderNo: string;
  /** The version the caller judged the order at: a newer one refuses the whole batch. */
  version: number;
  /** Written only when the person may move the customer's date (see `movesRequestedDate`). */
  requestedDate: string | null;
  promisedDate: string | null;
}

export type RescheduleOutcome = { ok: true; rows: OrderRow[] } | { ok: false; moved: string[] };

/** Whether this person's reschedule moves the customer's requested date (else only the promise). */
export function movesRequestedDate(principal: Principal): boolean {
  return mayChangeField(principal.roles, "requestedDate");
}

export async function rescheduleOrders(
  tx: Transaction<DB>,
  cacheKey: Kysely<DB>,
  principal: Principal,
  dates: NewDate[],
  reason: string,
): Promise<RescheduleOutcome> {
  // Locked in order-number order, so two batches never wait for each other in a circle.
  const sorted = [...dates].sort((a, b) => (a.orderNo < b.orderNo ? -1 : a.orderNo > b.orderNo ? 1 : 0));
  const locked: OrderRow[] = [];
  for (const d of sorted) locked.push(await lockOrder(tx, d.orderNo));
  const moved = locked.filter((row, i) => row.version !== sorted[i].version).map((r) => r.order_no);
  if (moved.length) return { ok: false, moved };

  const requested = movesRequestedDate(principal);
  const rows: OrderRow[] = [];
  for (const [i, row] of locked.entries()) {
    const d = sorted[i];
    const columns: OrderColumns = { promised_date: d.promisedDate };
    const data: Record<string, unknown> = { batchReschedule: true, promisedDate: { from: row.promised_date, to: d.promisedDate } };
    const changedFields = ["promisedDate"];
    if (requested) {
      columns.requested_date = d.requestedDate;
      data.requestedDate = { from: row.requested_date, to: d.requestedDate };
      changedFields.unshift("requestedDate");
    }
    rows.push(
      await applyOrderChange(tx, cacheKey, row, {
        actor: principal.name,
        columns,
        events: [{ kind: "changed", reason, data }],
        trigger: { trigger: "order.changed", changedFields },
      }),
    );
  }
  return { ok: true, rows };
}
