// The plan: every open order scheduled in priority order (due date, rush, customer grade, rule
// priority, age) on one capacity board and one ATP ledger. Pure: the same input gives the same plan.
import { dayNumber } from "../../calendar/model/dates.js";
import { AtpLedger } from "./atp.js";
import { buildCentreCalendars, CapacityBoard, type CentreCalendar } from "./capacity.js";
import { type ScheduleContext, scheduleOrder } from "./schedule.js";
import { dayStartMs } from "./timeline.js";
import type { OrderPlan, PlanningInput, PlanOrder } from "./types.js";

const GRADE_RANK: Record<string, number> = { A: 0, B: 1, C: 2, D: 3 };

/**
 * Sort key of the plan: promised orders first (their promises are kept before anything new is placed),
 * then earlier due date, rush, better grade, higher rule priority, older. An order without a promise
 * waits behind every promised one, whatever date it asked for.
 */
export function comparePriority(a: PlanOrder, b: PlanOrder): number {
  if ((a.promisedDate === null) !== (b.promisedDate === null)) return a.promisedDate === null ? 1 : -1;
  const da = a.dueDate ?? "9999-12-31";
  const db = b.dueDate ?? "9999-12-31";
  if (da !== db) return da < db ? -1 : 1;
  if (a.rush !== b.rush) return a.rush ? -1 : 1;
  const ga = GRADE_RANK[a.grade] ?? 9;
  const gb = GRADE_RANK[b.grade] ?? 9;
  if (ga !== gb) return ga - gb;
  if (a.priority !== b.priority) return b.priority - a.priority;
  if (a.createdAt !== b.createdAt) return a.createdAt - b.createdAt;
  return a.orderNo < b.orderNo ? -1 : a.orderNo > b.orderNo ? 1 : 0;
}

export interface PlanState {
  today: string;
  todayN: number;
  horizonDays: number;
  calendars: Map<string, CentreCalendar>;
  board: CapacityBoard;
  ledger: AtpLedger;
  context: ScheduleContext;
}

export interface PlanResult {
  orders: OrderPlan[];
  state: PlanState;
}

/** The starting state for `input`: calendars over the horizon, an empty board, the ATP ledger. */
export function initialState(input: Omit<PlanningInput, "orders">, calendars?: Map<string, CentreCalendar>): PlanState {
  const todayN = dayNumber(input.today);
  const cals = calendars ?? buildCentreCalendars(input.calendar, input.today, input.horizonDays);
  const board = CapacityBoard.empty(cals, input.today, input.horizonDays);
  applyDowntime(board, input);
  return {
    today: input.today,
    todayN,
    horizonDays: input.horizonDays,
    calendars: cals,
    board,
    ledger: AtpLedger.build(input.supply, todayN, dayNumber),
    context: {
      engineering: input.engineering,
      todayN,
      dayNumber,
      startAt: input.nowMs,
      moveHours: input.moveHours,
      materialBufferDays: input.materialBufferDays,
      shippingBufferDays: input.shippingBufferDays,
    },
  };
}

/** Takes out what is not there: the hours before now, and units broken down. */
export function applyDowntime(board: CapacityBoard, input: Pick<PlanningInput, "nowMs" | "downtime" | "today">) {
  if (input.nowMs !== undefined) for (const code of board.calendars.keys()) board.block(code, null, dayStartMs(dayNumber(input.today)), input.nowMs);
  for (const d of input.downtime ?? []) board.block(d.workCentre, d.unit, d.startsAt, d.endsAt);
}

/**
 * Schedules every order of `input` in priority order. When that eats into promises — an order planned later
 * than its promise less the shipping buffer, which is there for the floor's disturbances, not for orders
 * booked later — one repair is tried (SAP aATP's "redistribute"): each such order goes back ahead of the
 * promised orders booked after it, whose promises were made on what it had been given. The repair is kept
 * only if fewer orders eat into their buffer, none newly, and no promise is broken that was not before.
 */
export function planAll(input: PlanningInput, calendars?: Map<string, CentreCalendar>): PlanResult {
  const cals = calendars ?? buildCentreCalendars(input.calendar, input.today, input.horizonDays);
  const sorted = [...input.orders].sort(comparePriority);
  const first = scheduleInOrder(input, cals, sorted);
  const margin = input.shippingBufferDays ?? 0;
  const squeezed = lateBy(sorted, first.orders, margin);
  if (!squeezed.size) return first;
  const resequenced = yieldToEarlierBookings(sorted, squeezed);
  if (!resequenced) return first;
  const second = scheduleInOrder(input, cals, resequenced);
  const squeezedAfter = lateBy(resequenced, second.orders, margin);
  const brokenBefore = lateBy(sorted, first.orders, 0);
  const better =
    squeezedAfter.size < squeezed.size &&
    [...squeezedAfter].every((no) => squeezed.has(no)) &&
    [...lateBy(resequenced, second.orders, 0)].every((no) => brokenBefore.has(no));
  return better ? second : first;
}

function scheduleInOrder(input: PlanningInput, calendars: Map<string, CentreCalendar>, sequence: PlanOrder[]): PlanResult {
  const state = initialState(input, calendars);
  const orders = sequence.map((order, rank) => scheduleOrder(state.context, state.board, state.ledger, order, rank + 1));
  return { orders, state };
}

/** Promised orders the plan finishes later than `marginDays` before their promise (or not at all). */
function lateBy(sequence: PlanOrder[], plans: OrderPlan[], marginDays: number): Set<string> {
  const out = new Set<string>();
  plans.forEach((p, i) => {
    const promised = sequence[i].promisedDate;
    if (promised !== null && (p.finishN === null || p.finishN > dayNumber(promised) - marginDays)) out.add(p.orderNo);
  });
  return out;
}

/**
 * The sequence with each order of `late` moved ahead of promised orders booked after it (as far back as the
 * earliest of them), never past another order of `late`; null when nothing moves.
 */
export function yieldToEarlierBookings(sequence: PlanOrder[], late: Set<string>): PlanOrder[] | null {
  const out = [...sequence];
  let moved = false;
  for (const no of sequence.map((o) => o.orderNo).filter((n) => late.has(n))) {
    const i = out.findIndex((o) => o.orderNo === no);
    const mover = out[i];
    let target = i;
    for (let j = i - 1; j >= 0; j--) {
      const ahead = out[j];
      if (ahead.promisedDate === null || late.has(ahead.orderNo)) break;
      if (ahead.createdAt > mover.createdAt) target = j;
    }
    if (target === i) continue;
    out.splice(i, 1);
    out.splice(target, 0, mover);
    moved = true;
  }
  return moved ? out : null;
}

export interface Slip {
  orderNo: string;
  fromN: number | null;
  toN: number | null;
}

/** Orders whose planned finish got later from `before` to `after` (or that dropped out of the horizon). */
export function slipped(before: OrderPlan[], after: OrderPlan[]): Slip[] {
  const was = new Map(before.map((o) => [o.orderNo, o.finishN]));
  const out: Slip[] = [];
  for (const o of after) {
    if (!was.has(o.orderNo)) continue;
    const fromN = was.get(o.orderNo)!;
    const later = o.finishN === null ? fromN !== null : fromN !== null && o.finishN > fromN;
    if (later) out.push({ orderNo: o.orderNo, fromN, toN: o.finishN });
  }
  return out;
}
