// Plain data the planning model takes and gives: no I/O, no clocks. Days are plant days; `n` is a
// day number (days since 1970-01-01) used as a cheap key.
import type { CalendarInputs } from "../../calendar/model/calendar.js";
import type { ReleasedWorkOrder } from "./released.js";

export interface ItemInfo {
  sku: string;
  name: string;
  kind: "finished" | "subassembly" | "purchased";
  family: string;
  leadTimeDays: number;
}
export interface BomVersion {
  id: number;
  sku: string;
  lines: { sku: string; qtyPer: number }[];
}
export interface RoutingOperation {
  seq: number;
  workCentre: string;
  setupHours: number;
  runHoursPerUnit: number;
  /** The lot may be split over the centre's parallel units (each part takes the setup); else it runs on one unit. */
  splittable?: boolean;
}
export interface RoutingVersion {
  id: number;
  sku: string;
  ops: RoutingOperation[];
}
export interface EngineeringData {
  items: Map<string, ItemInfo>;
  boms: Map<number, BomVersion>;
  routings: Map<number, RoutingVersion>;
  /** Versions effective today, by sku: used below the pinned top level and for unpinned lines. */
  currentBom: Map<string, number>;
  currentRouting: Map<string, number>;
}

export interface SupplyData {
  /** On hand less reserved, by sku and location. */
  stock: { sku: string; location: string; free: number }[];
  /**
   * Open purchase and transfer lines with their expected arrival. `risk`: an overdue line (rolled to
   * today + a delay by the store) or a line the supplier has not confirmed (its requested date).
   */
  receipts: { sku: string; location: string; qty: number; date: string; risk?: "overdue" | "unconfirmed" }[];
  /** Active reservations: stock held for one order (already left out of `free`). */
  reservations: { orderNo: string; sku: string; qty: number }[];
}

export interface PlanLine {
  lineNo: number;
  sku: string;
  qty: number;
  bomVersionId: number | null;
  routingVersionId: number | null;
  /** Standard lines may ship from finished stock; a non-standard one is always made. */
  standard: boolean;
}
export interface PlanOrder {
  orderNo: string;
  customer: string;
  grade: string;
  rush: boolean;
  priority: number;
  /** Promised, else requested date: what the plan tries to meet. */
  dueDate: string | null;
  requestedDate: string | null;
  promisedDate: string | null;
  createdAt: number;
  /** In production: materials are already issued, only the operations remain. */
  materialsIssued: boolean;
  lines: PlanLine[];
  /**
   * Work orders released to the shop floor, with what was reported on them: when present, the order is
   * planned from what they have left (the one input of the plan from actuals, model/released.ts).
   */
  released?: ReleasedWorkOrder[];
}

/** A unit (or, with `unit` null, the whole centre) out of service: a breakdown reported by the shop floor. */
export interface Downtime {
  workCentre: string;
  unit: number | null;
  startsAt: number;
  endsAt: number;
}

export interface PlanningInput {
  today: string;
  horizonDays: number;
  calendar: CalendarInputs;
  engineering: EngineeringData;
  supply: SupplyData;
  orders: PlanOrder[];
  /** Epoch ms: nothing is planned before it (default: today's shift start). */
  nowMs?: number;
  /** Capacity taken out by breakdowns. */
  downtime?: Downtime[];
  /** Hours between the end of an operation on a centre and the start of the next operation, per centre. */
  moveHours?: Record<string, number>;
  /** Days purchased parts are wanted before the job that uses them starts; default 0. */
  materialBufferDays?: number;
  /** Days between the plan's finish and the date promised to a new order (a shipping buffer); default 0. */
  shippingBufferDays?: number;
}

export interface Segment {
  n: number;
  /** Which of the centre's parallel units (0-based) works it. */
  unit: number;
  hours: number;
  /** Clock time the load occupies (epoch ms), never inside maintenance. */
  at: [number, number][];
}
export interface ScheduledOp {
  job: number;
  sku: string;
  seq: number;
  workCentre: string;
  hours: number;
  releaseN: number;
  startN: number;
  endN: number;
  /** Clock time (epoch ms): released (predecessors done and moved), started, ended. */
  releaseAt: number;
  startAt: number;
  endAt: number;
  segments: Segment[];
}
export interface MaterialNeed {
  job: number;
  sku: string;
  qty: number;
  needN: number;
  /** Covered by stock or open supply arriving by the need date. */
  kitted: boolean;
  /** Quantity not covered by the need date. */
  short: number;
  /** When the whole quantity is there (open supply, or a new purchase after its lead time). */
  readyN: number;
  /** Nothing on hand or on order covers it in time: a new purchase (to be requested) is needed. */
  purchase: boolean;
  /** Covered only by open supply already past its expected date. */
  overdue?: boolean;
  /** Covered by a purchase line the supplier has not confirmed. */
  unconfirmed?: boolean;
}
export type Constraint =
  | { kind: "work_centre"; code: string; untilN: number; why: "full" | "maintenance" | "closed"; note: string | null }
  | { kind: "material"; sku: string; short: number; readyN: number; purchase: boolean }
  | { kind: "processing"; days: number }
  | { kind: "horizon" };

export interface OrderPlan {
  orderNo: string;
  rank: number;
  dueN: number | null;
  needN: number;
  materialReadyN: number;
  /** Day the last operation ends (or stock is there): the earliest date the order can ship. Null: not within the horizon. */
  finishN: number | null;
  late: boolean;
  kittingRate: number;
  ops: ScheduledOp[];
  materials: MaterialNeed[];
  bottleneck: Constraint;
  /** What the date depends on beyond the plant: purchases still to be placed, overdue supply. */
  conditions: PromiseCondition[];
}

export type PromiseCondition =
  | { kind: "purchase"; sku: string; qty: number; leadTimeDays: number; readyN: number }
  | { kind: "overdue_supply"; sku: string }
  | { kind: "unconfirmed_supply"; sku: string };
