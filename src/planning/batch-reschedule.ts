// Use case: batch reschedule (批量改期) — tick orders, enter a date: every order gets the new due date
// (the customer's requested date when sales or service move it, the promise when a planner does: see
// orders/reschedule-orders.ts and decision 0051), the plan is recomputed with it, each order its new promise and kitting rate, and purchasing is told
// how the shortages changed. All or nothing: one order that cannot move stops the batch, and the
// answer says which and why.
import { type Kysely, sql } from "kysely";
import { dayFromNumber } from "../calendar/dates.js";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { AppError } from "../core/errors.js";
import type { Lang } from "../core/i18n.js";
import { plantDay } from "../core/plant-day.js";
import { OPEN_STATUSES, type OrderStatus } from "../orders/model/lifecycle.js";
import { movesRequestedDate, rescheduleOrders } from "../orders/reschedule-orders.js";
import { currentRunId } from "./list-shortages.js";
import type { OrderPlan } from "./model/types.js";
import { persistPlan } from "./persist-plan.js";
import { forgetPlanContext } from "./plan-state.js";
import { computePlan } from "./replan.js";
import { diffShortages, type ShortageTotals, shortageMessage } from "./shortage-changes.js";

export interface BatchRescheduleInput {
  orderNos: string[];
  dueDate: string;
  reason: string;
}

type OrderError = { orderNo: string; ok: false; error: { code: string; reason: string; message: string } };

function rejected(failures: { orderNo: string; error: AppError }[], total: string[], lang: Lang): AppError {
  const failed = new Map(failures.map((f) => [f.orderNo, f.error]));
  const results = total.map((orderNo): OrderError | { orderNo: string; ok: true } => {
    const e = failed.get(orderNo);
    if (!e) return { orderNo, ok: true };
    const body = e.toBody(lang).error;
    return { orderNo, ok: false, error: { code: body.code, reason: body.reason, message: body.message } };
  });
  return new AppError("conflict", "reschedule.rejected", { count: failures.length }, "orderNos", { results });
}

async function shortageTotals(db: Kysely<DB>, runId: number | null): Promise<ShortageTotals> {
  if (!runId) return new Map();
  const rows = await db
    .selectFrom("plan_shortages")
    .select(["sku", sql<string>`sum(qty_short)`.as("qty"), sql<string>`min(date_needed)`.as("need"), sql<boolean>`bool_or(rush)`.as("rush")])
    .where("run_id", "=", runId)
    .groupBy("sku")
    .execute();
  return new Map(rows.map((r) => [r.sku, { qty: Number(r.qty), dateNeeded: r.need, red: r.rush }]));
}

function totalsOf(plans: OrderPlan[], rushOf: Map<string, boolean>): ShortageTotals {
  const out: ShortageTotals = new Map();
  for (const p of plans) {
    for (const m of p.materials) {
      if (m.short <= 1e-6) continue;
      const t = out.get(m.sku) ?? { qty: 0, dateNeeded: dayFromNumber(m.needN), red: false };
      t.qty += m.short;
      const need = dayFromNumber(m.needN);
      if (need < t.dateNeeded) t.dateNeeded = need;
      t.red ||= rushOf.get(p.orderNo) ?? false;
      out.set(m.sku, t);
    }
  }
  return out;
}

export async function batchReschedule(db: Kysely<DB>, principal: Principal, input: BatchRescheduleInput, lang: Lang) {
  const today = plantDay(new Date());
  if (input.dueDate < today) throw new AppError("invalid", "order.requested_in_past", { date: input.dueDate }, "dueDate");
  const orderNos = [...new Set(input.orderNos)].sort();
  const rows = await db
    .selectFrom("orders")
    .select(["order_no", "status", "version", "requested_date", "promised_date", "rush"])
    .where("order_no", "in", orderNos)
    .execute();
  const byNo = new Map(rows.map((r) => [r.order_no, r]));
  const failures: { orderNo: string; error: AppError }[] = [];
  for (const orderNo of orderNos) {
    const row = byNo.get(orderNo);
    if (!row) failures.push({ orderNo, error: new AppError("not_found", "order.not_found", { orderNo }) });
    else if (!OPEN_STATUSES.includes(row.status as OrderStatus))
      failures.push({ orderNo, error: new AppError("business_rule", "reschedule.not_open", { orderNo, status: row.status }) });
  }
  if (failures.length) throw rejected(failures, orderNos, lang);

  const beforeRun = await currentRunId(db);
  const [before, kittingBefore] = await Promise.all([
    shortageTotals(db, beforeRun),
    db
      .selectFrom("plan_orders")
      .select(["order_no", "kitting_rate", "planned_date"])
      .where("run_id", "=", beforeRun ?? 0)
      .where("order_no", "in", orderNos)
      .execute(),
  ]);
  const t0 = performance.now();
  // The plan with the new date: the batch's orders are due on it (their old promise no longer binds).
  const inBatch = new Set(orderNos);
  const computed = await computePlan(db, (orders) => orders.map((o) => (inBatch.has(o.orderNo) ? { ...o, dueDate: input.dueDate, promisedDate: null } : o)));
  const planOf = new Map(computed.result.orders.map((p) => [p.orderNo, p]));
  const rushOf = new Map(computed.orders.map((o) => [o.orderNo, o.rush]));
  const after = totalsOf(computed.result.orders, rushOf);
  const changes = diffShortages(before, after);
  const names = (sku: string) => computed.engineering.items.get(sku)?.name ?? sku;

  // The customer's date moves for those who may change it; a planner's reschedule moves the promise.
  const movesRequested = movesRequestedDate(principal);
  const results = orderNos.map((orderNo) => {
    const row = byNo.get(orderNo)!;
    const plan = planOf.get(orderNo);
    const plannedDate = plan?.finishN != null ? dayFromNumber(plan.finishN) : null;
    // The new promise: the new date when the plan meets it, else the date the plan can; an order the
    // plan does not hold (draft, on hold) gets its promise when it is confirmed or released.
    const promisedDate = plan ? (plannedDate && plannedDate > input.dueDate ? plannedDate : input.dueDate) : null;
    const was = kittingBefore.find((k) => k.order_no === orderNo);
    return {
      orderNo,
      ok: true as const,
      status: row.status,
      version: row.version + 1,
      previous: { requestedDate: row.requested_date, promisedDate: row.promised_date, kittingRate: was ? Number(was.kitting_rate) : null },
      requestedDate: movesRequested ? input.dueDate : row.requested_date,
      promisedDate,
      plannedDate,
      late: plannedDate !== null && plannedDate > input.dueDate,
      kittingRate: plan ? Math.round(plan.kittingRate * 10000) / 10000 : null,
      planned: plan !== undefined,
    };
  });

  const notification = changes.count ? shortageMessage(changes, { count: orderNos.length, reason: input.reason, dueDate: input.dueDate }, names) : null;
  const runId = await db.transaction().execute(async (tx) => {
    const written = await rescheduleOrders(
      tx,
      db,
      principal,
      results.map((r) => ({ orderNo: r.orderNo, version: r.version - 1, requestedDate: r.requestedDate, promisedDate: r.promisedDate })),
      input.reason,
    );
    if (!written.ok)
      throw rejected(
        written.moved.map((orderNo) => ({ orderNo, error: new AppError("conflict", "reschedule.changed", { orderNo }) })),
        orderNos,
        lang,
      );
    for (const stored of written.rows) {
      const result = results.find((r) => r.orderNo === stored.order_no);
      if (result) Object.assign(result, { status: stored.status, version: stored.version });
    }
    if (notification) {
      await tx
        .insertInto("notifications")
        .values({ to_role: "purchasing", to_user: null, level: notification.level, message: notification.message, order_no: null, rule_id: null })
        .execute();
    }
    return persistPlan(tx, computed.result, computed.orders, {
      today: computed.today,
      horizonDays: computed.horizonDays,
      trigger: "reschedule",
      actor: principal.name,
      marks: computed.marks,
      startedAt: computed.startedAt,
      durationMs: performance.now() - t0,
    });
  });
  forgetPlanContext(db);
  return {
    dueDate: input.dueDate,
    reason: input.reason,
    count: results.length,
    runId,
    results,
    shortages: changes.lists,
    notifications: notification ? [{ toRole: "purchasing", level: notification.level, message: notification.message }] : [],
  };
}
