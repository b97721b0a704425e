// Finance closes the order: invoicing profiles per customer and per item, invoice requests for the tax
// platform's batch issue (数电票) with the shipment lines they claim, payments and their allocations, the
// exposure settings and finance's logged overrides (decision 0069). Money is numeric(14,2), counted in fen.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table invoicing_profiles (
      customer_code text primary key references customers(code),
      buyer_name text not null check (char_length(buyer_name) between 1 and 100),
      tax_id text not null default '',
      address text not null default '',
      phone text not null default '',
      bank_name text not null default '',
      bank_account text not null default '',
      email text not null default '',
      default_type text not null default 'normal' check (default_type in ('special', 'normal')),
      payment_days integer not null default 30 check (payment_days between 0 and 365),
      version integer not null default 1,
      updated_by text not null,
      updated_at timestamptz not null default now()
    );
    create table invoice_items (
      sku text primary key references items(sku),
      tax_code text not null check (tax_code ~ '^[0-9]{19}$'),
      tax_rate integer not null check (tax_rate between 0 and 17),
      invoice_name text not null check (char_length(invoice_name) between 1 and 100),
      unit text not null default '',
      updated_by text not null,
      updated_at timestamptz not null default now()
    );
    create table invoice_requests (
      id bigserial primary key,
      serial text not null unique,
      customer_code text not null references customers(code),
      invoice_type text not null check (invoice_type in ('special', 'normal')),
      kind text not null default 'blue' check (kind in ('blue', 'red')),
      reverses_id bigint references invoice_requests(id),
      -- A red reversal for a wrong invoice (not a return) gives its lines back to be invoiced again.
      reopens_lines boolean not null default false,
      tax_rate integer not null,
      tax_included boolean not null default true,
      status text not null default 'requested' check (status in ('requested', 'issued', 'reversed')),
      buyer jsonb not null,
      amount numeric(14,2) not null,
      net_amount numeric(14,2) not null,
      tax_amount numeric(14,2) not null,
      note text not null default '',
      invoice_no text unique,
      issued_on date,
      due_on date,
      created_by text not null,
      created_at timestamptz not null default now()
    );
    create index invoice_requests_customer on invoice_requests(customer_code, status);
    create table invoice_request_lines (
      request_id bigint not null references invoice_requests(id),
      row_no integer not null,
      shipment_id bigint not null,
      order_no text not null,
      order_line integer not null,
      sku text not null,
      name text not null,
      tax_code text not null,
      unit text not null default '',
      qty integer not null,
      unit_price text not null,
      amount numeric(14,2) not null,
      net_amount numeric(14,2) not null,
      tax_amount numeric(14,2) not null,
      -- A blue line claims its shipment line for good; a red reversal that re-opens it clears the claim.
      claims boolean not null,
      primary key (request_id, row_no)
    );
    create unique index invoice_lines_claimed on invoice_request_lines(shipment_id, order_line) where claims;
    create table payments (
      id bigserial primary key,
      dedupe_key text not null unique,
      customer_code text references customers(code),
      payer_name text not null,
      payer_account text not null default '',
      amount numeric(14,2) not null check (amount > 0),
      received_on date not null,
      bank_ref text not null default '',
      note text not null default '',
      source text not null check (source in ('manual', 'import')),
      matched_by text,
      created_by text not null,
      created_at timestamptz not null default now()
    );
    create index payments_customer on payments(customer_code);
    create table payment_allocations (
      id bigserial primary key,
      payment_id bigint not null references payments(id),
      customer_code text not null references customers(code),
      -- null: the opening balance (the receivables typed before Lvyue kept its own ledger)
      invoice_request_id bigint references invoice_requests(id),
      amount numeric(14,2) not null check (amount > 0),
      created_by text not null,
      created_at timestamptz not null default now()
    );
    create index payment_allocations_payment on payment_allocations(payment_id);
    create index payment_allocations_customer on payment_allocations(customer_code);
    create table finance_settings (
      id integer primary key default 1 check (id = 1),
      include_receivables boolean not null default true,
      include_unbilled boolean not null default true,
      include_open_orders boolean not null default true,
      -- The day Lvyue's ledger starts: what shipped before was invoiced in the previous system and is in
      -- the customers' opening balances (the typed receivables), so it is neither unbilled nor invoiceable.
      ledger_start timestamptz not null default now(),
      -- A newer template of the platform's workbook, by header name (null: the built-in layout).
      workbook_layout jsonb,
      updated_by text not null default 'system',
      updated_at timestamptz not null default now()
    );
    insert into finance_settings (id) values (1);
    create table credit_overrides (
      id bigserial primary key,
      customer_code text not null references customers(code),
      extra_limit numeric(14,2) not null check (extra_limit > 0),
      reason text not null check (char_length(reason) between 2 and 500),
      expires_at timestamptz not null,
      created_by text not null,
      created_at timestamptz not null default now()
    );
    create index credit_overrides_customer on credit_overrides(customer_code, expires_at);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table credit_overrides;
    drop table finance_settings;
    drop table payment_allocations;
    drop table payments;
    drop table invoice_request_lines;
    drop table invoice_requests;
    drop table invoice_items;
    drop table invoicing_profiles;
  `.execute(db);
}
