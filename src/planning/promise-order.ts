// Use case: "can we take it, and by when?" — the promise for an order not yet taken, on top of the
// current plan, from stock, open supply, the calendar and the capacity the plan left. Saves nothing.
import type { Kysely } from "kysely";
import { dayFromNumber } from "../calendar/model/dates.js";
import { plantToday } from "../core/clock.js";
import type { DB } from "../core/db/schema.js";
import type { Lang } from "../core/i18n.js";
import { readIntakeContext } from "../orders/intake-context.js";
import { type BuiltOrder, buildOrder, type OrderRequest } from "../orders/model/build-order.js";
import { type PromiseOutcome, promiseOrder } from "./model/ctp.js";
import type { Constraint, PromiseCondition } from "./model/types.js";
import { getPlanContext, type PlanContext } from "./plan-state.js";

const day = (n: number | null) => (n === null ? null : dayFromNumber(n));
const round = (q: number) => Math.round(q * 1000) / 1000;

export function constraintView(c: Constraint, names: PlanContext["names"]) {
  switch (c.kind) {
    case "work_centre":
      return { kind: c.kind, workCentre: c.code, name: names.centre(c.code) ?? c.code, until: day(c.untilN), why: c.why, note: c.note };
    case "material":
      return { kind: c.kind, sku: c.sku, name: names.item(c.sku)?.name ?? c.sku, short: round(c.short), readyDate: day(c.readyN), newPurchase: c.purchase };
    case "processing":
      return { kind: c.kind, days: c.days };
    case "horizon":
      return { kind: c.kind };
  }
}

/** The promise in the shape of `POST /api/promise`. */
export function promiseView(outcome: PromiseOutcome, context: PlanContext, lang: Lang) {
  const { state, names } = context;
  const plan = outcome.plan;
  const components = new Map<string, { required: number; short: number; readyN: number; purchase: boolean }>();
  for (const m of plan.materials) {
    const c = components.get(m.sku) ?? { required: 0, short: 0, readyN: state.todayN, purchase: false };
    c.required += m.qty;
    c.short += m.short;
    c.readyN = Math.max(c.readyN, m.readyN);
    c.purchase ||= m.purchase;
    components.set(m.sku, c);
  }
  return {
    earliestDate: day(outcome.earliestN),
    requestedDate: day(outcome.requestedN),
    feasible: outcome.feasible,
    atp: [...components].map(([sku, c]) => ({
      sku,
      name: names.item(sku)?.name ?? sku,
      required: round(c.required),
      availableToday: round(state.ledger.availableBy(sku, state.todayN)),
      availableByRequested: outcome.requestedN === null ? null : round(state.ledger.availableBy(sku, outcome.requestedN)),
      short: round(c.short),
      readyDate: day(c.readyN),
      source: (c.purchase ? "new_purchase" : c.short > 0 ? "open_supply" : "stock") as "new_purchase" | "open_supply" | "stock",
    })),
    ctp: {
      materialReadyDate: day(plan.materialReadyN),
      finishDate: day(plan.finishN),
      shippingBufferDays: state.context.shippingBufferDays ?? 0,
      kittingRate: Math.round(plan.kittingRate * 10000) / 10000,
      partial: outcome.partial && { ...outcome.partial, date: day(outcome.requestedN) },
      operations: plan.ops.map((op) => ({
        sku: op.sku,
        seq: op.seq,
        workCentre: op.workCentre,
        hours: round(op.hours),
        start: day(op.startN),
        end: day(op.endN),
      })),
    },
    bottleneck: constraintView(outcome.bottleneck, names),
    subjectTo: outcome.conditions.map((c) =>
      c.kind === "purchase"
        ? { kind: c.kind, sku: c.sku, name: names.item(c.sku)?.name ?? c.sku, qty: round(c.qty), leadTimeDays: c.leadTimeDays, readyDate: day(c.readyN) }
        : { kind: c.kind, sku: c.sku, name: names.item(c.sku)?.name ?? c.sku, qty: null, leadTimeDays: null, readyDate: null },
    ),
    explanation: outcome.explanation[lang],
    explanations: outcome.explanation,
  };
}

export function promiseRequest(built: BuiltOrder) {
  return {
    customer: built.customer_code,
    grade: built.customer_grade,
    rush: built.rush,
    requestedDate: built.requested_date,
    lines: built.lines.map((l) => ({
      lineNo: l.line_no,
      sku: l.sku,
      qty: l.qty,
      bomVersionId: l.bom_version_id,
      routingVersionId: l.routing_version_id,
      standard: !l.nonstandard,
    })),
  };
}

export async function promiseNewOrder(db: Kysely<DB>, request: OrderRequest, lang: Lang) {
  const today = plantToday();
  const ctx = await readIntakeContext(
    db,
    [request.customer],
    request.lines.map((l) => l.sku),
    today,
  );
  // The same checks as taking the order in: customer, items, parameters, rush channel, dates.
  const built = buildOrder({ ...request, confirm: true }, ctx);
  const context = await getPlanContext(db);
  return promiseView(promiseOrder(context.state, promiseRequest(built), context.names), context, lang);
}

export interface IntakePromise {
  /** Null: nothing fits within the horizon; the order waits as "no promise" for `noPromise`. */
  date: string | null;
  /** Purchases still to be placed and overdue supply the date counts on. */
  conditions: PromiseCondition[];
  /** Why no date could be promised, in people's words. */
  noPromise: { zh: string; en: string } | null;
}

function intakePromise(built: BuiltOrder, outcome: PromiseOutcome): IntakePromise {
  if (outcome.earliestN === null) return { date: null, conditions: [], noPromise: outcome.explanation };
  return {
    date: outcome.feasible && built.requested_date ? built.requested_date : dayFromNumber(outcome.earliestN),
    conditions: outcome.conditions,
    noPromise: null,
  };
}

/**
 * The date to store on an order being taken in: the requested date when it holds, else the earliest
 * feasible one. Booked in this instance's plan state in the same synchronous step that computed it, so
 * two intakes in flight never get the same capacity and the stored date is exactly what was booked.
 * Should the order then not be stored, the booking lasts until the next re-plan (conservative).
 * Null: a draft or a held order (promised when released). A date of null: nothing fits, with the reason.
 */
export async function promiseForIntake(db: Kysely<DB>, built: BuiltOrder): Promise<IntakePromise | null> {
  if (built.status === "draft" || built.hold) return null;
  const context = await getPlanContext(db, { burst: true });
  return intakePromise(built, promiseOrder(context.state, promiseRequest(built), context.names, { commit: true }));
}

/**
 * Bulk intake: the promise of each order taken in confirmed (not held), each on top of the ones before it
 * in the batch — booked in this instance's plan state as it goes. Should the batch's transaction fail, the
 * phantom bookings last until the next re-plan, which rebuilds the state from the stored orders.
 * `context`: from getPlanContext, read before the transaction (PGlite has one connection).
 */
export function bookPromisesForIntake(context: PlanContext, orders: (BuiltOrder | null)[]): (IntakePromise | null)[] {
  return orders.map((built) => {
    if (built?.status !== "confirmed" || built.hold) return null;
    return intakePromise(built, promiseOrder(context.state, promiseRequest(built), context.names, { commit: true }));
  });
}
