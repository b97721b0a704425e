// Use case: sales (or the planner) called the customer about a promise at risk and agreed a new date. The
// order keeps its first promise for good (on-time is judged against it); the new date is the promise from
// now on, with who re-confirmed it and why in the order's promise history. A date earlier than the plan
// gives is refused: that would be the same silent break again.
import type { Kysely } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { AppError } from "../core/errors.js";
import { applyOrderChange, lockOrder } from "./apply-order-change.js";
import { OPEN_STATUSES } from "./model/lifecycle.js";

export async function reconfirmPromise(db: Kysely<DB>, principal: Principal, orderNo: string, input: { date: string; reason: string }) {
  return db.transaction().execute(async (tx) => {
    const row = await lockOrder(tx, orderNo);
    if (!(OPEN_STATUSES as readonly string[]).includes(row.status) || !row.promised_date) {
      throw new AppError("business_rule", "promise.not_promised", { orderNo });
    }
    const planned = (row.promise_note as { plannedDate?: string | null } | null)?.plannedDate;
    if (planned && input.date < planned) throw new AppError("business_rule", "promise.before_plan", { date: input.date, planned, field: "date" }, "date");
    const stored = await applyOrderChange(tx, db, row, {
      actor: principal.name,
      columns: { promised_date: input.date, promise_state: "promised", promise_note: null },
      events: [{ kind: "changed", reason: input.reason, data: { promisedDate: { from: row.promised_date, to: input.date }, reconfirmed: true } }],
      trigger: { trigger: "order.changed", changedFields: ["promisedDate"] },
    });
    await tx
      .insertInto("order_promises")
      .values({ order_no: orderNo, kind: "reconfirmed", promised_date: input.date, planned_date: planned ?? null, reason: input.reason, actor: principal.name })
      .execute();
    return {
      orderNo,
      firstPromisedDate: stored.first_promised_date,
      promisedDate: stored.promised_date,
      promiseState: stored.promise_state,
      version: stored.version,
    };
  });
}

/** The order's promise history: the first promise, every break the plan found and every re-confirmation. */
export async function listPromiseHistory(db: Kysely<DB>, orderNo: string) {
  const rows = await db.selectFrom("order_promises").selectAll().where("order_no", "=", orderNo).orderBy("id").execute();
  return rows.map((r) => ({
    kind: r.kind,
    promisedDate: r.promised_date,
    plannedDate: r.planned_date,
    reason: r.reason,
    actor: r.actor,
    at: r.at.toISOString(),
  }));
}
