// Which operations of a released work order an engineering change may replace: only those nobody has
// started. Everything up to the last operation started stays as it was built; the new routing's
// operations after it take the place of the old unstarted ones.

export interface WorkOrderOp {
  id: number;
  seq: number;
  status: "open" | "started" | "paused" | "done";
  qtyGood: number;
  qtyScrap: number;
  started: boolean;
}

export interface RoutingStep {
  seq: number;
  workCentre: string;
  setupHours: string;
  runHoursPerUnit: string;
}

export interface RoutingSwitch {
  /** The last operation anyone started (0: none). */
  startedThrough: number;
  keep: number[];
  remove: number[];
  add: RoutingStep[];
}

export const isStarted = (op: WorkOrderOp) => op.started || op.status !== "open" || op.qtyGood > 0 || op.qtyScrap > 0;

export function planRoutingSwitch(ops: WorkOrderOp[], next: RoutingStep[]): RoutingSwitch {
  const startedThrough = Math.max(0, ...ops.filter(isStarted).map((o) => o.seq));
  const keep = ops.filter((o) => o.seq <= startedThrough || isStarted(o));
  const lastKept = Math.max(0, ...keep.map((o) => o.seq));
  return {
    startedThrough,
    keep: keep.map((o) => o.id),
    remove: ops.filter((o) => !keep.includes(o)).map((o) => o.id),
    add: next.filter((s) => s.seq > lastKept),
  };
}
