// The plain rows the demo generators return: table columns as the database takes them, except that
// jsonb columns hold objects (the loader serialises them).

import type { BomLinesTable, LocationsTable, WorkCentresTable } from "../core/db/schema.js";
import type { BuiltLine } from "../orders/model/build-order.js";
import type { OrderStatus } from "../orders/model/lifecycle.js";
import type { ParamSchema } from "../orders/model/params.js";

export type LocationRow = LocationsTable;
export type WorkCentreRow = Omit<WorkCentresTable, "move_hours" | "hourly_rate"> & { move_hours?: string; hourly_rate?: string };
export interface ItemRow {
  sku: string;
  name: string;
  kind: "finished" | "subassembly" | "purchased";
  family: string;
  uom: string;
  unit_price: string;
  lead_time_days: number;
  serialised: boolean;
  param_schema: ParamSchema;
}
export interface VersionRow {
  id: number;
  sku: string;
  version: number;
  effective_from: string;
  note: string;
  created_by: string;
}
export type BomLineRow = Pick<BomLinesTable, "bom_version_id" | "component_sku" | "qty_per">;
export interface RoutingOperationRow {
  routing_version_id: number;
  seq: number;
  work_centre: string;
  setup_hours: string;
  run_hours_per_unit: string;
}
export interface CustomerRow {
  code: string;
  name: string;
  grade: "A" | "B" | "C" | "D";
  credit_limit: string;
  open_receivables: string;
  special_terms: string;
  contact_name: string;
  contact_phone: string;
  region: string;
}
export interface InventoryRow {
  sku: string;
  location: string;
  on_hand: string;
  reserved: string;
}
export interface SupplyLineRow {
  kind: "purchase" | "transfer";
  ref: string;
  sku: string;
  location: string;
  qty: string;
  expected_date: string;
  status: "open" | "received" | "cancelled";
  created_at: Date;
}
export interface CalendarExceptionRow {
  day_from: string;
  day_to: string;
  kind: "shutdown" | "extra_working";
  reason: string;
  created_by: string;
}
export interface MaintenanceWindowRow {
  work_centre: string;
  starts_at: Date;
  ends_at: Date;
  reason: string;
  created_by: string;
}
export interface OrderRow {
  order_no: string;
  customer_code: string;
  status: OrderStatus;
  held_from: OrderStatus | null;
  hold_reason: string | null;
  rush: boolean;
  tags: string[];
  requested_date: string;
  promised_date: string | null;
  delivered_at: Date | null;
  total_amount: string;
  nonstandard: boolean;
  owner_role: string | null;
  owner_user: string | null;
  note: string;
  source: "demo";
  version: number;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}
export type OrderLineRow = BuiltLine & { order_no: string };
export interface OrderEventRow {
  order_no: string;
  at: Date;
  actor: string;
  kind: "created" | "transition";
  from_status: OrderStatus | null;
  to_status: OrderStatus;
  reason: string | null;
  data: Record<string, unknown>;
}
