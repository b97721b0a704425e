// The finance capability's tables (src/finance/, migration 20261204300000_finance).
import type { ColumnType, Generated } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T = unknown> = ColumnType<T, string, string>;

export interface InvoicingProfilesTable {
  customer_code: string;
  buyer_name: string;
  tax_id: string;
  address: string;
  phone: string;
  bank_name: string;
  bank_account: string;
  email: string;
  default_type: string;
  payment_days: number;
  version: Generated<number>;
  updated_by: string;
  updated_at: Timestamp;
}
export interface InvoiceItemsTable {
  sku: string;
  tax_code: string;
  tax_rate: number;
  invoice_name: string;
  unit: string;
  updated_by: string;
  updated_at: Timestamp;
}
export interface InvoiceRequestsTable {
  id: Generated<number>;
  serial: string;
  customer_code: string;
  invoice_type: string;
  kind: Generated<string>;
  reverses_id: number | null;
  reopens_lines: Generated<boolean>;
  tax_rate: number;
  tax_included: boolean;
  status: Generated<string>;
  buyer: Json<Record<string, string>>;
  amount: string;
  net_amount: string;
  tax_amount: string;
  note: Generated<string>;
  invoice_no: string | null;
  issued_on: ColumnType<string | null, string | null | undefined, string | null>;
  due_on: ColumnType<string | null, string | null | undefined, string | null>;
  created_by: string;
  created_at: Timestamp;
}
export interface InvoiceRequestLinesTable {
  request_id: number;
  row_no: number;
  shipment_id: number;
  order_no: string;
  order_line: number;
  sku: string;
  name: string;
  tax_code: string;
  unit: string;
  qty: number;
  unit_price: string;
  amount: string;
  net_amount: string;
  tax_amount: string;
  claims: boolean;
}
export interface PaymentsTable {
  id: Generated<number>;
  dedupe_key: string;
  customer_code: string | null;
  payer_name: string;
  payer_account: string;
  amount: string;
  received_on: ColumnType<string, string, string>;
  bank_ref: string;
  note: Generated<string>;
  source: string;
  matched_by: string | null;
  created_by: string;
  created_at: Timestamp;
}
export interface PaymentAllocationsTable {
  id: Generated<number>;
  payment_id: number;
  customer_code: string;
  invoice_request_id: number | null;
  amount: string;
  created_by: string;
  created_at: Timestamp;
}
export interface FinanceSettingsTable {
  id: Generated<number>;
  include_receivables: boolean;
  include_unbilled: boolean;
  include_open_orders: boolean;
  ledger_start: Timestamp;
  workbook_layout: Json<unknown> | null;
  updated_by: string;
  updated_at: Timestamp;
}
export interface CreditOverridesTable {
  id: Generated<number>;
  customer_code: string;
  extra_limit: string;
  reason: string;
  expires_at: Timestamp;
  created_by: string;
  created_at: Timestamp;
}

export interface FinanceTables {
  invoicing_profiles: InvoicingProfilesTable;
  invoice_items: InvoiceItemsTable;
  invoice_requests: InvoiceRequestsTable;
  invoice_request_lines: InvoiceRequestLinesTable;
  payments: PaymentsTable;
  payment_allocations: PaymentAllocationsTable;
  finance_settings: FinanceSettingsTable;
  credit_overrides: CreditOverridesTable;
}
