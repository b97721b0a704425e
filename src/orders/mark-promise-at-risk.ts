// Use case: a re-plan found that promised orders can no longer make their promise (or make it again).
// Through the one door (apply-order-change): the order turns "promise at risk" with the date the plan
// now gives, its history says so, the live change is published, and sales gets a task to call the
// customer with the new date. The promise itself stays until someone re-confirms it with the customer.
import type { Kysely } from "kysely";
import { now } from "../core/clock.js";
import type { DB } from "../core/db/schema.js";
import { translate } from "../core/i18n.js";
import { openTask } from "../tasks/open-task.js";
import { applyOrderChange, lockOrder } from "./apply-order-change.js";

export interface PromiseCheck {
  orderNo: string;
  /** The date the plan now gives; null: it does not fit in the horizon. */
  plannedDate: string | null;
  /** The plan's binding constraint, for the history and the call. */
  reason: string;
}

const ACTOR = "planning";

/** `atRisk`: orders the plan makes late; `kept`: orders at risk that the plan now makes on time. Returns how many changed. */
export async function markPromisesAtRisk(db: Kysely<DB>, atRisk: PromiseCheck[], kept: string[]): Promise<{ atRisk: number; recovered: number }> {
  let flagged = 0;
  let recovered = 0;
  // Sorted: two re-plans never wait for each other in a circle.
  for (const check of [...atRisk].sort((a, b) => (a.orderNo < b.orderNo ? -1 : 1))) {
    const changed = await db.transaction().execute(async (tx) => {
      const row = await lockOrder(tx, check.orderNo);
      const note = row.promise_note as { plannedDate?: string | null } | null;
      if (!row.promised_date || (row.promise_state === "at_risk" && note?.plannedDate === check.plannedDate)) return false;
      await applyOrderChange(tx, db, row, {
        actor: ACTOR,
        columns: { promise_state: "at_risk", promise_note: JSON.stringify({ plannedDate: check.plannedDate, reason: check.reason }) },
        events: [
          {
            kind: "changed",
            reason: "promise_at_risk",
            data: {
              promiseState: { from: row.promise_state, to: "at_risk" },
              promisedDate: row.promised_date,
              plannedDate: check.plannedDate,
              why: check.reason,
            },
          },
        ],
        trigger: null,
      });
      await tx
        .insertInto("order_promises")
        .values({
          order_no: row.order_no,
          kind: "at_risk",
          promised_date: row.promised_date,
          planned_date: check.plannedDate,
          reason: check.reason,
          actor: ACTOR,
          at: now(),
        })
        .execute();
      // One call per break: a later slip of an order already at risk updates the date, not the task list.
      if (row.promise_state !== "at_risk") {
        const params = { orderNo: row.order_no, promised: row.promised_date, planned: check.plannedDate ?? "—" };
        await openTask(tx, { title: translate("zh", "promise.at_risk_task", params), orderNo: row.order_no, assigneeRole: "sales", createdBy: ACTOR });
      }
      return true;
    });
    if (changed) flagged++;
  }
  for (const orderNo of [...kept].sort()) {
    const changed = await db.transaction().execute(async (tx) => {
      const row = await lockOrder(tx, orderNo);
      if (row.promise_state !== "at_risk") return false;
      await applyOrderChange(tx, db, row, {
        actor: ACTOR,
        columns: { promise_state: "promised", promise_note: null },
        events: [
          { kind: "changed", reason: "promise_kept_again", data: { promiseState: { from: "at_risk", to: "promised" }, promisedDate: row.promised_date } },
        ],
        trigger: null,
      });
      return true;
    });
    if (changed) recovered++;
  }
  return { atRisk: flagged, recovered };
}
