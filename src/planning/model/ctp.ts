// Capable-to-promise for a new order on top of the current plan: its lines are exploded, netted
// against what the plan left free and scheduled on the capacity the plan left, on forks of the
// plan's board and ledger, so the plan itself (and every earlier promise) is untouched.
import { explainPromise, type Names } from "./explain.js";
import type { PlanState } from "./plan.js";
import { scheduleOrder } from "./schedule.js";
import type { Constraint, OrderPlan, PlanLine, PromiseCondition } from "./types.js";

export interface PromiseRequest {
  orderNo?: string;
  customer: string;
  grade: string;
  rush: boolean;
  requestedDate: string | null;
  lines: PlanLine[];
}

export interface PromiseOutcome {
  requestedN: number | null;
  /** The earliest date that can be promised: the plan's finish plus the shipping buffer. */
  earliestN: number | null;
  feasible: boolean;
  bottleneck: Constraint;
  /** For a single-line order that misses the requested date: how many pieces would make it. */
  partial: { lineNo: number; qty: number } | null;
  plan: OrderPlan;
  /** Purchases still to be placed and overdue supply the date counts on. */
  conditions: PromiseCondition[];
  explanation: { zh: string; en: string };
}

function attempt(state: PlanState, request: PromiseRequest, lines: PlanLine[]) {
  const board = state.board.fork();
  const ledger = state.ledger.fork();
  const plan = scheduleOrder(
    state.context,
    board,
    ledger,
    {
      orderNo: request.orderNo ?? "NEW",
      customer: request.customer,
      grade: request.grade,
      rush: request.rush,
      priority: 0,
      dueDate: request.requestedDate,
      requestedDate: request.requestedDate,
      promisedDate: null,
      createdAt: 0,
      materialsIssued: false,
      lines,
    },
    0,
  );
  return { plan, board, ledger };
}

/** The promise for `request`; `commit` applies it to the state (used when the order is then taken). */
export function promiseOrder(state: PlanState, request: PromiseRequest, names: Names, options: { commit?: boolean } = {}): PromiseOutcome {
  const requestedN = request.requestedDate ? state.context.dayNumber(request.requestedDate) : null;
  const buffer = state.context.shippingBufferDays ?? 0;
  const first = attempt(state, request, request.lines);
  const earliestN = first.plan.finishN === null ? null : first.plan.finishN + buffer;
  const feasible = earliestN !== null && (requestedN === null || earliestN <= requestedN);
  let partial: PromiseOutcome["partial"] = null;
  if (!feasible && requestedN !== null && request.lines.length === 1 && request.lines[0].qty > 1) {
    // Binary search on the quantity: fewer pieces need less capacity and material.
    const line = request.lines[0];
    const fits = (qty: number) => {
      const p = attempt(state, request, [{ ...line, qty }]).plan;
      return p.finishN !== null && p.finishN + buffer <= requestedN;
    };
    // Most often not even one piece makes it: ask that first, before searching.
    let lo = 0;
    let hi = fits(1) ? line.qty - 1 : 0;
    if (hi > 0) lo = 1;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (fits(mid)) lo = mid;
      else hi = mid - 1;
    }
    if (lo > 0) partial = { lineNo: line.lineNo, qty: lo };
  }
  // Only a date can be booked: an order that fits nowhere takes no capacity.
  if (options.commit && earliestN !== null) {
    state.board = first.board;
    state.ledger = first.ledger;
  }
  const bottleneck = first.plan.bottleneck;
  return {
    requestedN,
    earliestN,
    feasible,
    bottleneck,
    partial,
    plan: first.plan,
    conditions: first.plan.conditions,
    explanation: explainPromise({ requestedN, earliestN, feasible, bottleneck, partial }, names, first.plan.conditions),
  };
}
