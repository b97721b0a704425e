// The plan's operations with the clock time they occupy (first and last loaded stretch), saved per run:
// what dispatch lists and the order page show as planned, and how the shop floor's operations (by their
// id, for released work orders) find their place in the current plan.
import type { Transaction } from "kysely";
import { dayFromNumber, plantMs } from "../calendar/model/dates.js";
import { insertUnnest } from "../core/db/insert-unnest.js";
import type { DB } from "../core/db/schema.js";
import type { PlanResult } from "./model/plan.js";
import type { PlanOrder, ScheduledOp } from "./model/types.js";

/** First and last instant an operation occupies; an operation of no hours sits at the start of its day's shift. */
export function opTimes(op: ScheduledOp): { start: Date; end: Date } {
  const stretches = op.segments.flatMap((s) => s.at);
  if (!stretches.length) {
    const at = new Date(plantMs(dayFromNumber(op.startN), 8));
    return { start: at, end: at };
  }
  return { start: new Date(Math.min(...stretches.map((s) => s[0]))), end: new Date(Math.max(...stretches.map((s) => s[1]))) };
}

export async function persistPlanOperations(tx: Transaction<DB>, runId: number, result: PlanResult, orders: PlanOrder[]) {
  // Released orders are planned with their work orders' ids as job ids (model/released.ts).
  const operationIds = new Map<string, number>();
  for (const o of orders) for (const wo of o.released ?? []) for (const op of wo.ops) operationIds.set(`${o.orderNo}|${wo.id}|${op.seq}`, op.operationId);
  await insertUnnest(
    tx,
    "plan_operations",
    {
      run_id: "bigint",
      order_no: "text",
      job: "int",
      sku: "text",
      seq: "int",
      work_centre: "text",
      operation_id: "bigint",
      hours: "numeric",
      planned_start: "timestamptz",
      planned_end: "timestamptz",
    },
    result.orders.flatMap((o) =>
      o.ops.map((op) => {
        const t = opTimes(op);
        return {
          run_id: runId,
          order_no: o.orderNo,
          job: op.job,
          sku: op.sku,
          seq: op.seq,
          work_centre: op.workCentre,
          operation_id: operationIds.get(`${o.orderNo}|${op.job}|${op.seq}`) ?? null,
          hours: Math.round(op.hours * 10000) / 10000,
          planned_start: t.start.toISOString(),
          planned_end: t.end.toISOString(),
        };
      }),
    ),
  );
}
