// Which work orders an order gets when it is released: one per made line (its pinned routing), and one
// per sub-assembly the plan makes for it, with planned times from the plan's operations. Pure.

export interface PlannedOp {
  job: number;
  sku: string;
  seq: number;
  hours: number;
  plannedStart: Date | null;
  plannedEnd: Date | null;
}
export interface ReleaseLine {
  lineNo: number;
  sku: string;
  qty: number;
  routingVersionId: number | null;
}
export interface RoutingOp {
  seq: number;
  workCentre: string;
  setupHours: number;
  runHoursPerUnit: number;
}
export interface WorkOrderSpec {
  lineNo: number;
  sku: string;
  qty: number;
  routingVersionId: number | null;
  parentIndex: number | null;
  /** The plan's job this work order is, when the plan made one. */
  job: number | null;
}

/**
 * The plan numbers an order's jobs depth first: a line's job, then its sub-assemblies, then the next
 * made line. A job whose sku is the next unplaced line's is that line's; any other belongs to the line
 * before it as a sub-assembly (nested sub-assemblies all feed the line's work order). Without a plan
 * for the order, each line with a routing gets one work order; with one, a line the plan takes from
 * stock gets none.
 */
export function workOrderSpecs(
  lines: ReleaseLine[],
  planned: PlannedOp[],
  routingOf: (sku: string, pinned: number | null) => { id: number; ops: RoutingOp[] } | undefined,
): WorkOrderSpec[] {
  if (!planned.length) {
    return lines.flatMap((l) => {
      const routing = routingOf(l.sku, l.routingVersionId);
      return routing?.ops.length ? [{ lineNo: l.lineNo, sku: l.sku, qty: l.qty, routingVersionId: routing.id, parentIndex: null, job: null }] : [];
    });
  }
  const jobs = [...new Set(planned.map((p) => p.job))].sort((a, b) => a - b);
  const out: WorkOrderSpec[] = [];
  let next = 0;
  let current: { index: number; lineNo: number } | null = null;
  for (const job of jobs) {
    const ops = planned.filter((p) => p.job === job).sort((a, b) => a.seq - b.seq);
    const sku = ops[0].sku;
    const lineAt = lines.findIndex((l, i) => i >= next && l.sku === sku);
    if (lineAt >= 0) {
      const line = lines[lineAt];
      next = lineAt + 1;
      const routing = routingOf(line.sku, line.routingVersionId);
      out.push({ lineNo: line.lineNo, sku: line.sku, qty: line.qty, routingVersionId: routing?.id ?? null, parentIndex: null, job });
      current = { index: out.length - 1, lineNo: line.lineNo };
      continue;
    }
    if (!current) continue;
    const routing = routingOf(sku, null);
    out.push({ lineNo: current.lineNo, sku, qty: jobQty(ops[0], routing?.ops), routingVersionId: routing?.id ?? null, parentIndex: current.index, job });
  }
  return out;
}

/** A sub-assembly job's quantity, from its first operation's hours (setup + run × qty). */
function jobQty(op: PlannedOp, routingOps: RoutingOp[] | undefined): number {
  const r = routingOps?.find((x) => x.seq === op.seq);
  if (!r || r.runHoursPerUnit <= 0) return 1;
  return Math.max(1, Math.round((op.hours - r.setupHours) / r.runHoursPerUnit));
}
