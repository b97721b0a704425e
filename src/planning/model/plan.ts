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

/** Schedules every order of `input` in priority order. */
export function planAll(input: PlanningInput, calendars?: Map<string, CentreCalendar>): PlanResult {
  const state = initialState(input, calendars);
  const sorted = [...input.orders].sort(comparePriority);
  const orders = sorted.map((order, rank) => scheduleOrder(state.context, state.board, state.ledger, order, rank + 1));
  return { orders, state };
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
