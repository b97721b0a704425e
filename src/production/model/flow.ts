// How quantities flow through a work order's operations, and which reports make sense. Pure.
//
// For operation i (in seq order): it expects what the previous one will pass on (the work order's
// quantity at the first), has received what the previous one reported good (everything at the first:
// materials are issued at release), and will pass on its good quantity once finished, else what it
// expects less what it scrapped. 40 good + 5 scrap of 100 at op 10 → 55 remain there, 40 ready at op 20.

export type OperationStatus = "open" | "started" | "paused" | "done";

export interface OperationFigures {
  seq: number;
  status: OperationStatus;
  good: number;
  scrap: number;
}

export interface OperationFlow {
  seq: number;
  /** What this operation is expected to process in all. */
  expected: number;
  /** What has reached it (good at the previous operation; the whole quantity at the first). */
  arrived: number;
  /** Arrived and not yet reported good or scrap: what can be worked now. */
  ready: number;
  /** Still to process (0 once finished). */
  remaining: number;
  /** What it passes on in the end. */
  out: number;
}

export function flow(qty: number, ops: OperationFigures[]): OperationFlow[] {
  const out: OperationFlow[] = [];
  let expected = qty;
  let arrived = qty;
  for (const op of ops) {
    const reported = op.good + op.scrap;
    const done = op.status === "done";
    const passes = done ? op.good : Math.max(0, expected - op.scrap);
    out.push({
      seq: op.seq,
      expected,
      arrived,
      ready: Math.max(0, arrived - reported),
      remaining: done ? 0 : Math.max(0, expected - reported),
      out: passes,
    });
    expected = passes;
    arrived = op.good;
  }
  return out;
}

export type ReportKind = "start" | "pause" | "finish";

export interface ReportInput {
  kind: ReportKind;
  good: number;
  scrap: number;
}

/** Why a report makes no sense; each is a message key `production.<why>` and may be overridden by a supervisor. */
export type Refusal = "order_closed" | "operation_done" | "not_started" | "previous_not_reported" | "more_than_arrived";

/** The first reason to refuse `report` on operation `index` of `ops`, or null. */
export function judgeReport(qty: number, ops: OperationFigures[], index: number, report: ReportInput, orderOpen: boolean): Refusal | null {
  if (!orderOpen) return "order_closed";
  const op = ops[index];
  if (op.status === "done") return "operation_done";
  if (report.kind === "pause" && op.status === "open") return "not_started";
  const previous = index > 0 ? ops[index - 1] : undefined;
  if (previous && previous.status !== "done" && previous.good === 0) return "previous_not_reported";
  const flows = flow(qty, ops);
  if (op.good + op.scrap + report.good + report.scrap > flows[index].arrived) return "more_than_arrived";
  return null;
}

/** The operation after the report: quantities added, status moved. */
export function applyReport(op: OperationFigures, report: ReportInput): OperationFigures {
  const status: OperationStatus = report.kind === "finish" ? "done" : report.kind === "pause" ? "paused" : "started";
  return { seq: op.seq, status, good: op.good + report.good, scrap: op.scrap + report.scrap };
}

/** What a finished work order still owes its order line after scrap: the make-up quantity (补投) to propose. */
export function shortfall(qty: number, ops: OperationFigures[]): number {
  const flows = flow(qty, ops);
  const last = flows[flows.length - 1];
  return last ? Math.max(0, qty - last.out) : 0;
}
