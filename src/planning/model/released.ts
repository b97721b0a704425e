// Orders whose work orders are released to the shop floor are planned from those work orders, not from
// the BOM (frePPLe's execution feedback; decision 0058): finished operations are not planned again, a
// started one keeps its actual start and plans only its remaining quantity (its setup is behind it),
// and a sub-assembly's work order comes before its parent's. This is the plan's one input of shop-floor
// actuals (decision 0061). Pure.
import type { EngineeringData, MaterialNeed } from "./types.js";

export interface ReleasedOperation {
  operationId: number;
  seq: number;
  workCentre: string;
  setupHours: number;
  runHoursPerUnit: number;
  status: "open" | "started" | "paused" | "done";
  /** Pieces still to process at this operation (quantities flow from the reports; see production/model/flow.ts). */
  qtyRemaining: number;
  /** Epoch ms the operation was started on the shop floor (null until then). */
  actualStart: number | null;
}
export interface ReleasedWorkOrder {
  id: number;
  parentId: number | null;
  sku: string;
  qty: number;
  ops: ReleasedOperation[];
}

/** A job of the scheduler built from a work order (the shape schedule.ts loads). */
export interface ReleasedJob {
  id: number;
  sku: string;
  qty: number;
  routingId: number | null;
  children: ReleasedJob[];
  materials: MaterialNeed[];
  hours: number;
  /** Actual start (epoch ms) of each started operation, by seq: it runs on from there, whatever came before. */
  started: Map<number, number>;
}

/** The routing id under which a work order's remaining operations are registered (never a real version id). */
export const releasedRoutingId = (workOrderId: number) => -workOrderId;

/**
 * The jobs of an order's released work orders, top-level first with their sub-assemblies as children.
 * Each work order's remaining operations are registered in `engineering.routings` under a negative id,
 * with the run hours scaled so that `setup + run × qty` is the work left: idempotent, and the same for
 * the plan and its what-if forks.
 */
export function releasedJobs(engineering: EngineeringData, workOrders: ReleasedWorkOrder[]): ReleasedJob[] {
  const jobs = new Map<number, ReleasedJob>();
  for (const wo of workOrders) {
    const left = wo.ops.filter((op) => op.status !== "done").sort((a, b) => a.seq - b.seq);
    const routingId = releasedRoutingId(wo.id);
    engineering.routings.set(routingId, {
      id: routingId,
      sku: wo.sku,
      ops: left.map((op) => ({
        seq: op.seq,
        workCentre: op.workCentre,
        setupHours: op.status === "open" ? op.setupHours : 0,
        runHoursPerUnit: (op.runHoursPerUnit * op.qtyRemaining) / wo.qty,
      })),
    });
    const started = new Map(left.filter((op) => op.status !== "open" && op.actualStart !== null).map((op) => [op.seq, op.actualStart as number]));
    jobs.set(wo.id, { id: wo.id, sku: wo.sku, qty: wo.qty, routingId, children: [], materials: [], hours: 0, started });
  }
  const tops: ReleasedJob[] = [];
  for (const wo of workOrders) {
    const job = jobs.get(wo.id)!;
    const parent = wo.parentId === null ? undefined : jobs.get(wo.parentId);
    if (parent) parent.children.push(job);
    else tops.push(job);
  }
  return tops;
}
