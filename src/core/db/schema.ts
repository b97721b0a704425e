// Row types of every table, as Kysely sees them. numeric columns are decimal strings; date columns
// are 'YYYY-MM-DD' strings on both drivers (see connect.ts).
import type { ColumnType, Generated } from "kysely";
import type { FinanceTables } from "./schema-finance.js";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T = unknown> = ColumnType<T, string, string>;

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  roles: string[];
  active: Generated<boolean>;
  created_at: Timestamp;
}
export interface SessionsTable {
  token_hash: string;
  user_id: number;
  created_at: Timestamp;
  expires_at: Timestamp;
}
export interface ApiTokensTable {
  id: Generated<number>;
  name: string;
  token_hash: string;
  roles: string[];
  created_by: string;
  created_at: Timestamp;
  revoked_at: Date | null;
}
export interface CustomersTable {
  code: string;
  name: string;
  grade: string;
  credit_limit: string;
  open_receivables: string;
  special_terms: Generated<string>;
  contact_name: Generated<string>;
  contact_phone: Generated<string>;
  region: Generated<string>;
  /** [{label, address, contact, phone}], see customers/schemas.ts */
  addresses: Generated<unknown>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export interface LocationsTable {
  code: string;
  name: string;
}
export interface WorkCentresTable {
  code: string;
  name: string;
  shifts: number;
  hours_per_shift: string;
  parallel_units: number;
  load_threshold: string;
  move_hours: Generated<string>;
  /** Yuan an hour, for costing quotes (decision 0070). */
  hourly_rate: Generated<string>;
}
export interface ItemsTable {
  sku: string;
  name: string;
  kind: "finished" | "subassembly" | "purchased";
  family: string;
  uom: string;
  unit_price: string;
  lead_time_days: number;
  serialised: boolean;
  param_schema: Json<Record<string, unknown>>;
  warranty_months: ColumnType<number | null, number | null | undefined, number | null>;
  version: Generated<number>;
  created_at: Timestamp;
}
export interface VersionHeaderTable {
  id: Generated<number>;
  sku: string;
  version: number;
  effective_from: string;
  note: Generated<string>;
  created_by: Generated<string>;
  created_at: Timestamp;
  status: Generated<"draft" | "released" | "superseded">;
  released_at: Date | null;
  released_by: string | null;
}
export interface BomLinesTable {
  bom_version_id: number;
  component_sku: string;
  qty_per: string;
  scrap_factor: Generated<string>;
  substitutes: Generated<string[]>;
}
export interface RoutingOperationsTable {
  routing_version_id: number;
  seq: number;
  work_centre: string;
  setup_hours: string;
  run_hours_per_unit: string;
  splittable: Generated<boolean>;
}
export interface InventoryBalancesTable {
  sku: string;
  location: string;
  on_hand: string;
  reserved: string;
  updated_at: Timestamp;
}
export interface SupplyLinesTable {
  id: Generated<number>;
  kind: "purchase" | "transfer";
  ref: string;
  sku: string;
  location: string;
  qty: string;
  expected_date: string;
  status: Generated<"open" | "received" | "cancelled">;
  created_at: Timestamp;
  /** False: a purchase line the supplier has not confirmed yet (the date is what was requested). */
  confirmed: Generated<boolean>;
  updated_at: Generated<Date>;
  /** A purchase line's requested date (what was asked for); null for WMS lines. */
  requested_date: ColumnType<string | null, string | null | undefined, string | null>;
}
export interface SuppliersTable {
  code: string;
  name: string;
  /** [{name, phone, email}] */
  contacts: ColumnType<{ name: string; phone?: string; email?: string }[], string | undefined, string>;
  lead_time_days: Generated<number>;
  /** [{from, to, reason}]: the supplier's own shutdowns (Spring Festival). */
  closures: ColumnType<{ from: string; to: string; reason: string }[], string | undefined, string>;
  receipt_tolerance_pct: ColumnType<string, string | number | undefined, string | number>;
  version: Generated<number>;
  created_by: string;
  created_at: Generated<Date>;
}
export interface SupplierItemsTable {
  supplier_code: string;
  sku: string;
  lead_time_days: number;
  price_fen: ColumnType<string, string | number, string | number>;
  preferred: Generated<boolean>;
}
export type PurchaseLineState = "unconfirmed" | "confirmed" | "rescheduled" | "partly_received" | "received" | "cancelled";
export interface PurchaseOrdersTable {
  po_no: string;
  supplier_code: string;
  location: string;
  status: Generated<"open" | "closed" | "cancelled">;
  note: Generated<string>;
  idempotency_key: string | null;
  created_by: string;
  created_at: Generated<Date>;
}
export interface PurchaseOrderLinesTable {
  po_no: string;
  line_no: number;
  sku: string;
  qty: ColumnType<string, string | number, string | number>;
  received_qty: ColumnType<string, string | number | undefined, string | number>;
  price_fen: ColumnType<string, string | number, string | number>;
  requested_date: string;
  confirmed_date: string | null;
  state: Generated<PurchaseLineState>;
  order_no: string | null;
  request_id: number | null;
  proposal_key: string | null;
  late_on: string | null;
  closed_on: string | null;
  version: Generated<number>;
  updated_at: Generated<Date>;
}
export interface PurchaseLineEventsTable {
  id: Generated<number>;
  po_no: string;
  line_no: number;
  kind: "created" | "confirmed" | "rescheduled" | "received" | "cancelled" | "late";
  from_date: string | null;
  to_date: string | null;
  qty: ColumnType<string | null, string | number | null | undefined, string | number | null>;
  /** A receipt's Idempotency-Key: a retried receipt is taken once. */
  request_key: string | null;
  actor: string;
  at: Generated<Date>;
}
export interface CalendarExceptionsTable {
  id: Generated<number>;
  day_from: string;
  day_to: string;
  kind: "shutdown" | "extra_working";
  reason: string;
  created_by: Generated<string>;
}
export interface MaintenanceWindowsTable {
  id: Generated<number>;
  work_centre: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  reason: string;
  created_by: Generated<string>;
}
export interface OrderSequencesTable {
  day: string;
  last_seq: number;
}
export interface OrdersTable {
  order_no: string;
  customer_code: string;
  status: string;
  held_from: string | null;
  hold_reason: string | null;
  rush: boolean;
  tags: string[];
  requested_date: string | null;
  promised_date: string | null;
  delivered_at: Date | null;
  total_amount: string;
  nonstandard: boolean;
  owner_role: string | null;
  owner_user: string | null;
  note: Generated<string>;
  source: string;
  idempotency_key: string | null;
  request_hash: string | null;
  version: Generated<number>;
  priority: Generated<number>;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  first_promised_date: Generated<string | null>;
  promise_state: Generated<"promised" | "at_risk" | "none" | null>;
  promise_note: Generated<unknown>;
}
export interface PurchaseRequestsTable {
  id: Generated<number>;
  sku: string;
  qty: ColumnType<string, string | number, string | number>;
  need_date: string;
  order_no: string;
  lead_time_days: number;
  status: Generated<"requested" | "confirmed" | "cancelled">;
  requested_by: string;
  requested_at: Generated<Date>;
  decided_by: string | null;
  decided_at: Date | null;
  supply_line_id: number | null;
}
export interface OrderPromisesTable {
  id: Generated<number>;
  order_no: string;
  kind: "first" | "reconfirmed" | "at_risk" | "none";
  promised_date: string | null;
  planned_date: string | null;
  reason: string;
  actor: string;
  at: Generated<Date>;
}
export interface OrderLinesTable {
  order_no: string;
  line_no: number;
  sku: string;
  qty: number;
  unit_price: string;
  amount: string;
  params: Json<Record<string, unknown>>;
  nonstandard: boolean;
  bom_version_id: number | null;
  routing_version_id: number | null;
}
export interface OrderEventsTable {
  id: Generated<number>;
  order_no: string;
  at: Timestamp;
  actor: string;
  kind: "created" | "transition" | "changed" | "production";
  from_status: string | null;
  to_status: string | null;
  reason: string | null;
  data: Json<Record<string, unknown>>;
}
export interface MasterChangesTable {
  id: Generated<number>;
  entity: string;
  entity_key: string;
  actor: string;
  actor_roles: string[];
  at: Timestamp;
  change: Json<Record<string, unknown>>;
}

export interface RulesTable {
  id: Generated<number>;
  name: string;
  enabled: boolean;
  current_version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export interface RuleVersionsTable {
  rule_id: number;
  version: number;
  definition: Json<Record<string, unknown>>;
  diff: Json<Record<string, unknown>>;
  created_by: string;
  created_by_roles: string[];
  created_at: Timestamp;
}
export interface RulesRevisionTable {
  id: number;
  revision: number;
}
export interface RuleEvaluationsTable {
  id: Generated<number>;
  /** Null when the evaluation concerns a service visit (visit_id). */
  order_no: string | null;
  visit_id: ColumnType<number | null, number | null | undefined, number | null>;
  /** Set when the evaluation concerns a quote (trigger quote.below_margin). */
  quote_no: ColumnType<string | null, string | null | undefined, string | null>;
  trigger: string;
  at: Timestamp;
  revision: number;
  facts: Json<Record<string, unknown>>;
  matched: Json<{ ruleId: number; version: number }[]>;
}
export interface RuleActionsTable {
  id: Generated<number>;
  evaluation_id: number;
  /** Null when the action concerns a service visit (visit_id). */
  order_no: string | null;
  visit_id: ColumnType<number | null, number | null | undefined, number | null>;
  quote_no: ColumnType<string | null, string | null | undefined, string | null>;
  rule_id: number;
  rule_version: number;
  action_index: number;
  type: string;
  status: "done" | "queued" | "failed" | "skipped";
  detail: Json<Record<string, unknown>>;
  error: string | null;
  latency_ms: ColumnType<string, string | number | undefined, string | number>;
  at: Timestamp;
  updated_at: Timestamp;
}
export interface TasksTable {
  id: Generated<number>;
  title: string;
  order_no: string | null;
  assignee_role: string | null;
  assignee_user: string | null;
  mentions: string[];
  due_at: Date | null;
  status: Generated<"open" | "done" | "cancelled">;
  rule_id: number | null;
  rule_version: number | null;
  created_by: string;
  created_at: Timestamp;
  done_by: string | null;
  done_at: Date | null;
  /** When the task.overdue rules ran for it (once per task). */
  overdue_at: Date | null;
  /** customer_input: a question sales asks the customer for a review; its answer re-opens the review. */
  kind: Generated<"task" | "customer_input">;
  done_note: string | null;
  outcome: "approve" | "reject" | "needs_input" | null;
  follows_task_id: number | null;
}
export interface RuleScheduleRunsTable {
  rule_id: number;
  day: string;
  rule_version: number;
  started_at: Timestamp;
  finished_at: Date | null;
  orders: Generated<number>;
  matched: Generated<number>;
}
export interface NotificationsTable {
  id: Generated<number>;
  to_role: string | null;
  to_user: string | null;
  level: "info" | "warning" | "critical";
  message: string;
  order_no: string | null;
  rule_id: number | null;
  created_at: Timestamp;
  read_at: Date | null;
}
export interface ReservationsTable {
  id: Generated<number>;
  order_no: string;
  line_no: number;
  sku: string;
  location: string;
  qty: string;
  kind: "soft" | "hard";
  expires_at: Date | null;
  status: Generated<"active" | "released" | "expired" | "consumed">;
  rule_id: number | null;
  created_at: Timestamp;
  released_at: Date | null;
}
export interface OrderBlocksTable {
  id: Generated<number>;
  order_no: string;
  to_status: string;
  reason: string;
  releasable_by: string[];
  rule_id: number | null;
  rule_version: number | null;
  task_id: number | null;
  created_at: Timestamp;
  cleared_at: Date | null;
  cleared_by: string | null;
}
export interface OrderPinsTable {
  order_no: string;
  board: string;
  colour: string;
  rule_id: number | null;
  created_at: Timestamp;
}
export interface OutboxTable {
  id: Generated<number>;
  topic: "robot" | "credit_check" | "status_link" | "warranty_card";
  payload: Json<Record<string, unknown>>;
  order_no: string | null;
  rule_action_id: number | null;
  status: Generated<"pending" | "done" | "failed">;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  next_attempt_at: Timestamp;
  last_error: string | null;
  created_at: Timestamp;
  done_at: Date | null;
}
export interface IntegrationSettingsTable {
  name: string;
  kind: "robot" | "credit";
  config: Json<Record<string, unknown>>;
  updated_by: string;
  updated_at: Timestamp;
}
export interface PlantSettingsTable {
  name: string;
  value: Json<Record<string, unknown>>;
  updated_by: string;
  updated_at: Generated<Timestamp>;
}
export interface BulkBatchesTable {
  batch_id: string;
  request_hash: string;
  result: Json<unknown>;
  created_by: string;
  created_at: Timestamp;
}
export interface MetricDirtyOrdersTable {
  order_no: string;
}
export interface OrderDwellSamplesTable {
  order_no: string;
  key: string;
  started_at: Date;
  done_at: Date;
  week: string;
  /** Plant day of done_at. */
  day: string;
  held_s: number;
  hours: number;
}
export interface OrderLogHeadsTable {
  order_no: string;
  last_status: string;
  chain_breaks: number;
  first_break: string | null;
  delivered_day: string | null;
  last_at: Date | null;
}
export interface OrderDisagreementsTable {
  order_no: string;
  cause: string;
  status: string;
  detail: string | null;
}
export interface MetricDirtyDaysTable {
  kind: "dwell" | "delivery" | "autonomy";
  day: string;
}
export interface DwellDayTotalsTable {
  key: string;
  day: string;
  grade: string;
  rush: boolean;
  n: number;
  hours: number;
}
export interface DwellDayBucketsTable {
  key: string;
  day: string;
  grade: string;
  rush: boolean;
  bucket: number;
  n: number;
}
export interface DwellWeekTotalsTable {
  key: string;
  week: string;
  grade: string;
  rush: boolean;
  n: number;
  hours: number;
}
export interface DwellWeekBucketsTable {
  key: string;
  week: string;
  grade: string;
  rush: boolean;
  bucket: number;
  n: number;
}
export interface AutonomyDaysTable {
  day: string;
  entity: string;
  class: "business" | "admin" | "automated";
  n: number;
}
export interface DeliveryDaysTable {
  source: string;
  day: string;
  customer_code: string;
  family: string;
  delivered: number;
  with_due: number;
  on_time: number;
  with_promised: number;
  on_time_promised: number;
  with_requested: number;
  on_time_requested: number;
}
export interface ImportBatchesTable {
  id: Generated<number>;
  file_hash: string;
  run_key: string;
  file_name: string;
  kind: "orders" | "customers" | "items" | "inventory";
  sheet: string;
  summary: Json<Record<string, unknown>>;
  created_by: string;
  created_at: Timestamp;
}
export interface CustomerAliasesTable {
  alias_key: string;
  alias: string;
  customer_code: string;
  created_by: string;
  created_at: Timestamp;
}
export interface ImportTemplatesTable {
  name: string;
  kind: "orders" | "customers" | "items" | "inventory";
  mapping: Json<Record<string, string>>;
  /** field → ledger word → our value: the user's answers to words the importer did not know. */
  value_answers: ColumnType<Record<string, Record<string, string>>, string | undefined, string>;
  header_row: number | null;
  updated_by: string;
  updated_at: Timestamp;
}
export interface HistoryOrdersTable {
  order_no: string;
  customer_code: string;
  ordered_on: string;
  due_on: string | null;
  delivered_on: string | null;
  status: "open" | "in_production" | "shipped" | "delivered" | "closed" | "cancelled";
  amount: string;
  note: string;
  import_id: number;
  source_rows: number[];
  imported_at: Timestamp;
}
export interface HistoryOrderLinesTable {
  order_no: string;
  line_no: number;
  item: string;
  qty: string | null;
  amount: string;
  source_row: number;
}
export interface InventorySyncBatchesTable {
  batch_id: string;
  request_hash: string;
  result: Json<Record<string, unknown>>;
  created_by: string;
  created_at: Timestamp;
}

export interface MasterRevisionTable {
  id: number;
  revision: number;
}
export interface PlanRunsTable {
  id: Generated<number>;
  started_at: Timestamp;
  finished_at: Date | null;
  today: string;
  horizon_to: string;
  trigger: "manual" | "change" | "reschedule" | "start";
  actor: string;
  orders: Generated<number>;
  operations: Generated<number>;
  late: Generated<number>;
  unplanned: Generated<number>;
  duration_ms: ColumnType<string, string | number | undefined, string | number>;
  events_mark: ColumnType<number, number | undefined, number>;
  master_mark: ColumnType<number, number | undefined, number>;
  stock_mark: Date | null;
  supply_mark: string | null;
  shop_floor_mark: string | null;
}
export interface PlanStatusTable {
  id: number;
  current_run: number | null;
}
export interface PlanOrdersTable {
  run_id: number;
  order_no: string;
  rank: number;
  due_date: string | null;
  need_date: string | null;
  material_ready: string;
  planned_date: string;
  late: boolean;
  kitting_rate: ColumnType<string, string | number, string | number>;
  bottleneck: Json<Record<string, unknown> | null>;
  /** [{sku, kind: "unconfirmed" | "overdue"}]: supply the planned date counts on that is not firm. */
  supply_risk: ColumnType<unknown, string | null | undefined, string | null>;
}
export interface PlanSegmentsTable {
  run_id: number;
  order_no: string;
  job: number;
  sku: string;
  seq: number;
  work_centre: string;
  day: string;
  hours: ColumnType<string, string | number, string | number>;
  unit: number | null;
  starts_at: Date | null;
}
export interface PlanLoadsTable {
  run_id: number;
  work_centre: string;
  day: string;
  load_hours: ColumnType<string, string | number, string | number>;
  capacity_hours: ColumnType<string, string | number, string | number>;
  limit_hours: ColumnType<string, string | number, string | number>;
}
export interface PlanShortagesTable {
  run_id: number;
  sku: string;
  order_no: string;
  qty_short: ColumnType<string, string | number, string | number>;
  date_needed: string;
  rush: boolean;
}
export interface PlanAtpTable {
  run_id: number;
  sku: string;
  day: string;
  free: ColumnType<string, string | number, string | number>;
}
export interface AppSecretsTable {
  name: string;
  secret: Uint8Array;
  created_at: Timestamp;
}
export interface StatusLinksTable {
  id: Generated<number>;
  order_no: string;
  nonce: string;
  expires_at: Timestamp;
  created_by: string;
  created_at: Timestamp;
  revoked_at: Date | null;
  revoked_by: string | null;
  opens: Generated<number>;
  last_opened_at: Date | null;
}
export interface ShipmentsTable {
  id: Generated<number>;
  order_no: string;
  carrier: string;
  tracking_no: string;
  shipped_at: Timestamp;
  created_by: string;
  created_at: Timestamp;
}
export interface ShipmentLinesTable {
  shipment_id: number;
  order_no: string;
  line_no: number;
  qty: number;
}
export interface EquipmentTable {
  serial: string;
  sku: string;
  customer_code: string;
  order_no: string | null;
  line_no: number | null;
  site: Generated<string>;
  installed_on: string;
  warranty_until: string;
  source: "delivery" | "import";
  created_by: string;
  created_at: Timestamp;
}
export interface ServiceVisitsTable {
  id: Generated<number>;
  serial: string;
  visited_on: string;
  engineer: string;
  notes: Generated<string>;
  created_at: Timestamp;
}
export interface VisitPartsTable {
  visit_id: number;
  sku: string;
  qty: number;
}
export interface VisitPhotosTable {
  visit_id: number;
  mime: "image/jpeg" | "image/png" | "image/webp";
  size: number;
  bytes: Uint8Array;
}
export interface WarrantyCardsTable {
  code: string;
  visit_id: number;
  serial: string;
  valid_from: string;
  valid_until: string;
  pdf: Uint8Array | null;
  rendered_at: Date | null;
  notified_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_at: Timestamp;
}
export interface ReplenishmentRequestsTable {
  id: Generated<number>;
  visit_id: number;
  sku: string;
  qty: number;
  status: Generated<"open" | "done" | "cancelled">;
  created_at: Timestamp;
}
export interface EquipmentEventsTable {
  id: Generated<number>;
  serial: string;
  at: Timestamp;
  kind: "installed" | "imported" | "visit";
  actor: string;
  data: Json<Record<string, unknown>>;
}

export interface SavedViewsTable {
  id: Generated<number>;
  owner: string;
  list: string;
  name: string;
  filter: Json<Record<string, unknown>>;
  shared: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

// The shop floor (production/, decision 0058).
type Num = ColumnType<string, string | number, string | number>;
/** A dispatch list as it stood when a shift started (decision 0061). */
export interface DispatchBaselinesTable {
  work_centre: string;
  shift_start: Timestamp;
  taken_at: Generated<Date>;
  operations: Json<{ operationId: number; plannedStart: string | null }[]>;
}
export interface WorkOrdersTable {
  id: Generated<number>;
  wo_no: string;
  order_no: string;
  line_no: number;
  parent_id: number | null;
  sku: string;
  qty: number;
  routing_version_id: number | null;
  status: ColumnType<"released" | "in_progress" | "done", "released" | "in_progress" | "done" | undefined>;
  material_ready: string | null;
  released_at: Timestamp;
  released_by: string;
}
export interface WorkOrderOperationsTable {
  id: Generated<number>;
  work_order_id: number;
  seq: number;
  work_centre: string;
  setup_hours: Num;
  run_hours_per_unit: Num;
  status: ColumnType<"open" | "started" | "paused" | "done", "open" | "started" | "paused" | "done" | undefined>;
  qty_good: Generated<number>;
  qty_scrap: Generated<number>;
  qty_rework: Generated<number>;
  qty_remaining: number;
  setup_minutes: Generated<number>;
  planned_start: Date | null;
  planned_end: Date | null;
  actual_start: Date | null;
  actual_end: Date | null;
  operator: string | null;
  updated_at: Timestamp;
}
export interface OperationReportsTable {
  id: Generated<number>;
  operation_id: number;
  idempotency_key: string;
  kind: "start" | "pause" | "finish";
  good: number;
  scrap: number;
  scrap_reason: string | null;
  rework: number;
  setup_minutes: number;
  operator: string | null;
  at: Date;
  reported_by: string;
  override_reason: string | null;
  created_at: Timestamp;
}
export interface DowntimeTable {
  id: Generated<number>;
  work_centre: string;
  unit: number | null;
  starts_at: Date;
  ends_at: Date | null;
  reason: string;
  reported_by: string;
  updated_at: Timestamp;
}
export interface ProductionPlanFeedView {
  order_no: string;
  work_order_id: number;
  parent_id: number | null;
  line_no: number;
  sku: string;
  wo_qty: number;
  operation_id: number;
  seq: number;
  work_centre: string;
  setup_hours: string;
  run_hours_per_unit: string;
  status: "open" | "started" | "paused" | "done";
  qty_remaining: number;
  setup_minutes: number;
  actual_start: Date | null;
}
export interface ProductionDowntimeFeedView {
  id: number;
  work_centre: string;
  unit: number | null;
  starts_at: Date;
  ends_at: Date | null;
  reason: string;
}
export interface PlanOperationsTable {
  run_id: number;
  order_no: string;
  job: number;
  sku: string;
  seq: number;
  work_centre: string;
  operation_id: number | null;
  hours: Num;
  planned_start: Date | null;
  planned_end: Date | null;
}

export interface PromiseHoldsTable {
  id: Generated<number>;
  customer_code: string;
  request: Json<Record<string, unknown>>;
  held_date: string;
  expires_at: Date;
  status: ColumnType<"held" | "released" | "converted", "held" | "released" | "converted" | undefined>;
  order_no: string | null;
  created_by: string;
  created_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
}

export interface QuoteMarginFloorsTable {
  grade: string;
  floor_pct: string;
}
export interface QuoteSequencesTable {
  day: string;
  last_seq: number;
}
export interface QuotesTable {
  quote_no: string;
  customer_code: string;
  title: Generated<string>;
  status: Generated<"open" | "won" | "lost">;
  lost_reason: "price" | "lead_time" | "spec" | "competitor" | "cancelled" | "other" | null;
  lost_note: Generated<string>;
  won_version: number | null;
  order_no: string | null;
  idempotency_key: string | null;
  request_hash: string | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export interface QuoteVersionsTable {
  quote_no: string;
  version: number;
  status: "draft" | "sent" | "won" | "lost" | "superseded";
  requested_date: string | null;
  valid_until: string;
  margin_pct: string;
  margin_floor_pct: string;
  cost_total: string;
  price_total: string;
  promise_date: string | null;
  promise_valid_until: string;
  /** Why no date could be promised, or what it is subject to, in people's words ({zh, en}). */
  promise_note: ColumnType<{ zh: string; en: string } | null, string | null, string | null>;
  approval: Generated<"none" | "pending" | "approved">;
  approval_task_id: number | null;
  approved_by: string | null;
  approved_at: Date | null;
  note: Generated<string>;
  created_by: string;
  created_at: Timestamp;
  sent_by: string | null;
  sent_at: Date | null;
  /** What converting it did: the order, and the price and date re-run when it had expired. */
  conversion: ColumnType<unknown, string | null, string | null>;
  idempotency_key: string | null;
  /** The promise hold taken when it was sent (planning's promise_holds; bigint, read as a string). */
  promise_hold_id: ColumnType<string | null, number | null | undefined, number | null>;
}
export interface QuoteLinesTable {
  quote_no: string;
  version: number;
  line_no: number;
  sku: string;
  params: Json<Record<string, string | number | boolean>>;
  qty: number;
  bom_version_id: number | null;
  routing_version_id: number | null;
  material_cost: string;
  labour_cost: string;
  outsourcing_cost: string;
  unit_cost: string;
  unit_price: string;
  amount: string;
}
export interface EcnsTable {
  ecn_no: string;
  title: string;
  reason: Generated<string>;
  sku: string;
  status: Generated<"draft" | "review" | "approved" | "released" | "closed">;
  from_bom_version_id: number | null;
  to_bom_version_id: number | null;
  from_routing_version_id: number | null;
  to_routing_version_id: number | null;
  effectivity: "date" | "order" | "use_up";
  effective_date: string;
  idempotency_key: string | null;
  created_by: string;
  created_at: Timestamp;
  approved_by: string | null;
  approved_at: Date | null;
  released_by: string | null;
  released_at: Date | null;
  released_impact: Json<unknown[]> | null;
  updated_at: Timestamp;
}
export interface EcnLinesTable {
  ecn_no: string;
  line_no: number;
  kind: "component_added" | "component_removed" | "component_changed" | "quantity" | "substitute" | "operation" | "time" | "drawing";
  ref: string;
  from_value: string | null;
  to_value: string | null;
}
export interface EcnDecisionsTable {
  ecn_no: string;
  ref: string;
  decision: "keep" | "switch" | "rework" | "scrap" | "cancel_reorder" | "ask_customer";
  owner: string;
  decided_by: string;
  decided_at: Timestamp;
  applied_at: Date | null;
}
export interface EcnSequencesTable {
  year: number;
  last_seq: number;
}

export interface DB extends FinanceTables {
  ecns: EcnsTable;
  ecn_lines: EcnLinesTable;
  ecn_decisions: EcnDecisionsTable;
  ecn_sequences: EcnSequencesTable;
  users: UsersTable;
  saved_views: SavedViewsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  customers: CustomersTable;
  customer_aliases: CustomerAliasesTable;
  locations: LocationsTable;
  work_centres: WorkCentresTable;
  items: ItemsTable;
  bom_versions: VersionHeaderTable;
  bom_lines: BomLinesTable;
  routing_versions: VersionHeaderTable;
  routing_operations: RoutingOperationsTable;
  quote_margin_floors: QuoteMarginFloorsTable;
  quote_sequences: QuoteSequencesTable;
  quotes: QuotesTable;
  quote_versions: QuoteVersionsTable;
  quote_lines: QuoteLinesTable;
  inventory_balances: InventoryBalancesTable;
  supply_lines: SupplyLinesTable;
  suppliers: SuppliersTable;
  supplier_items: SupplierItemsTable;
  purchase_orders: PurchaseOrdersTable;
  purchase_order_lines: PurchaseOrderLinesTable;
  purchase_line_events: PurchaseLineEventsTable;
  calendar_exceptions: CalendarExceptionsTable;
  maintenance_windows: MaintenanceWindowsTable;
  order_sequences: OrderSequencesTable;
  orders: OrdersTable;
  order_lines: OrderLinesTable;
  order_events: OrderEventsTable;
  master_changes: MasterChangesTable;
  rules: RulesTable;
  rule_versions: RuleVersionsTable;
  rules_revision: RulesRevisionTable;
  master_revision: MasterRevisionTable;
  rule_evaluations: RuleEvaluationsTable;
  rule_actions: RuleActionsTable;
  tasks: TasksTable;
  rule_schedule_runs: RuleScheduleRunsTable;
  notifications: NotificationsTable;
  reservations: ReservationsTable;
  order_blocks: OrderBlocksTable;
  order_pins: OrderPinsTable;
  outbox: OutboxTable;
  integration_settings: IntegrationSettingsTable;
  plant_settings: PlantSettingsTable;
  promise_holds: PromiseHoldsTable;
  bulk_batches: BulkBatchesTable;
  metric_dirty_orders: MetricDirtyOrdersTable;
  order_dwell_samples: OrderDwellSamplesTable;
  order_log_heads: OrderLogHeadsTable;
  import_batches: ImportBatchesTable;
  import_templates: ImportTemplatesTable;
  history_orders: HistoryOrdersTable;
  history_order_lines: HistoryOrderLinesTable;
  inventory_sync_batches: InventorySyncBatchesTable;
  plan_runs: PlanRunsTable;
  plan_status: PlanStatusTable;
  plan_orders: PlanOrdersTable;
  plan_segments: PlanSegmentsTable;
  purchase_requests: PurchaseRequestsTable;
  order_promises: OrderPromisesTable;
  plan_loads: PlanLoadsTable;
  plan_shortages: PlanShortagesTable;
  plan_atp: PlanAtpTable;
  app_secrets: AppSecretsTable;
  status_links: StatusLinksTable;
  shipments: ShipmentsTable;
  shipment_lines: ShipmentLinesTable;
  equipment: EquipmentTable;
  service_visits: ServiceVisitsTable;
  visit_parts: VisitPartsTable;
  visit_photos: VisitPhotosTable;
  warranty_cards: WarrantyCardsTable;
  replenishment_requests: ReplenishmentRequestsTable;
  equipment_events: EquipmentEventsTable;
  metric_dirty_days: MetricDirtyDaysTable;
  dwell_day_totals: DwellDayTotalsTable;
  dwell_day_buckets: DwellDayBucketsTable;
  delivery_days: DeliveryDaysTable;
  order_disagreements: OrderDisagreementsTable;
  dwell_week_totals: DwellWeekTotalsTable;
  dwell_week_buckets: DwellWeekBucketsTable;
  autonomy_days: AutonomyDaysTable;
  work_orders: WorkOrdersTable;
  work_order_operations: WorkOrderOperationsTable;
  operation_reports: OperationReportsTable;
  downtime: DowntimeTable;
  production_plan_feed: ProductionPlanFeedView;
  production_downtime_feed: ProductionDowntimeFeedView;
  production_plan_mark: { mark: string };
  plan_operations: PlanOperationsTable;
  dispatch_baselines: DispatchBaselinesTable;
}
