// Shapes of the shop floor's API replies (GET /api/work-centres…, /api/operations/…).
export type OpStatus = "open" | "started" | "paused" | "done";
export interface DispatchOp {
  operationId: number;
  orderNo: string;
  workOrder: string;
  seq: number;
  sku: string;
  qty: number;
  qtyReady: number;
  qtyRemaining: number;
  status: OpStatus;
  plannedStart: string | null;
  plannedEnd: string | null;
  rush: boolean;
  late: boolean;
  materialReady: boolean;
  previousDone: boolean;
  /** Since the shift started. */
  change: "added" | "resequenced" | "moved" | null;
}
export interface Dispatch {
  workCentre: { code: string; name: string; units: number };
  generatedAt: string;
  planRun: { id: number; at: string | null } | null;
  shift: { start: string; baselineAt: string };
  operations: DispatchOp[];
}
export interface Downtime {
  id: number;
  workCentre: string;
  unit: number | null;
  from: string;
  to: string | null;
  reason: string;
}
export interface Centre {
  code: string;
  name: string;
  units: number;
  down: Downtime[];
}
export interface Operation {
  operationId: number;
  orderNo: string;
  workOrder: string;
  seq: number;
  workCentre: string;
  sku: string;
  qty: number;
  status: OpStatus;
  good: number;
  scrap: number;
  qtyReady: number;
  qtyRemaining: number;
  plannedStart: string | null;
  plannedEnd: string | null;
  actualStart: string | null;
  operator: string | null;
}
