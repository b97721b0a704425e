// Shapes of the planning figures the boards and quick entry read (server: src/dashboards, src/planning).
export interface PlanRun {
  runId: number | null;
  finishedAt: string | null;
  stale: boolean;
  reasons: string[];
}

export type Constraint =
  | { kind: "work_centre"; workCentre: string; name: string; until: string | null; why: "full" | "maintenance" | "closed"; note?: string | null }
  | { kind: "material"; sku: string; name: string; short: number; readyDate: string | null; newPurchase: boolean }
  | { kind: "processing"; days: number }
  | { kind: "horizon" };

export interface BottleneckAlert {
  code: string;
  name: string;
  utilisation: number | null;
  fullDays: number;
  firstFullDay: string | null;
  lateOrders: string[];
  lateCount: number;
  topOrders: { orderNo: string; hours: number; rush: boolean }[];
}

/** A material the plan is short of: how much, first needed when, red when a rush order waits for it. */
interface MaterialShort {
  sku: string;
  name: string;
  qtyShort: number;
  dateNeeded: string;
  red: boolean;
}

export interface KittingMaterial extends MaterialShort {
  ordersShort: number;
  rushOrdersShort: number;
  nextSupply: { qty: number; expectedDate: string } | null;
}

export interface LoadChart {
  dates: string[];
  series: { code: string; name: string; loadHours: number[]; limitHours: number[] }[];
  others: { count: number; loadHours: number[]; limitHours: number[] } | null;
  total: { loadHours: number[]; limitHours: number[] };
}

export interface CalendarHighlight {
  date: string;
  working: boolean;
  reason: "workday" | "weekend" | "holiday" | "adjusted_workday" | "shutdown" | "extra_working";
  note: string | null;
  provisional: boolean;
  maintenance: { workCentre: string; hours: number; reason: string }[];
}

export interface Shortage extends MaterialShort {
  leadTimeDays: number;
  onHand: number;
  orders: { orderNo: string; qtyShort: number; dateNeeded: string; rush: boolean }[];
  openSupply: { kind: string; ref: string; qty: number; expectedDate: string; afterNeed: boolean }[];
}

export interface AcceptableToday {
  date: string;
  families: {
    family: string;
    standardOrder: { sku: string; qty: number; leadDays: number; requestedDate: string };
    acceptable: number;
    capped: boolean;
    limitedBy: Constraint | null;
    nextEarliestDate: string | null;
  }[];
}

export interface PromiseReply {
  earliestDate: string | null;
  requestedDate: string | null;
  feasible: boolean;
  ctp: { kittingRate: number; materialReadyDate: string | null };
  bottleneck: Constraint;
  explanation: string;
}
