// Purchasing (decision 0067): suppliers with their items, lead times, calendar and receipt tolerance;
// purchase orders with schedule lines (requested and supplier-confirmed dates, pegging to a customer
// order or to stock); each line's history of confirmations, moves and receipts (the reliability figures).
// An open line is also in-transit supply (supply_lines, kept by the inventory capability): `confirmed`
// tells the plan whether the date is the supplier's word, `requested_date` what we asked for (a supplier
// confirming later shows its real lead time), `updated_at` makes a moved date re-plan.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table suppliers (
      code text primary key,
      name text not null,
      contacts jsonb not null default '[]',
      lead_time_days int not null default 14 check (lead_time_days between 0 and 365),
      closures jsonb not null default '[]',
      receipt_tolerance_pct numeric(5,2) not null default 5 check (receipt_tolerance_pct between 0 and 50),
      version int not null default 1,
      created_by text not null,
      created_at timestamptz not null default now()
    );
    create table supplier_items (
      supplier_code text not null references suppliers(code),
      sku text not null references items(sku),
      lead_time_days int not null check (lead_time_days between 0 and 365),
      price_fen bigint not null check (price_fen >= 0),
      preferred boolean not null default false,
      primary key (supplier_code, sku)
    );
    create unique index supplier_items_preferred on supplier_items(sku) where preferred;
    create sequence purchase_order_seq;
    create table purchase_orders (
      po_no text primary key,
      supplier_code text not null references suppliers(code),
      location text not null references locations(code),
      status text not null default 'open' check (status in ('open','closed','cancelled')),
      note text not null default '',
      idempotency_key text unique,
      created_by text not null,
      created_at timestamptz not null default now()
    );
    create index purchase_orders_supplier on purchase_orders(supplier_code, created_at);
    create table purchase_order_lines (
      po_no text not null references purchase_orders(po_no),
      line_no int not null,
      sku text not null references items(sku),
      qty numeric(14,3) not null check (qty > 0),
      received_qty numeric(14,3) not null default 0,
      price_fen bigint not null check (price_fen >= 0),
      requested_date date not null,
      confirmed_date date,
      state text not null default 'unconfirmed'
        check (state in ('unconfirmed','confirmed','rescheduled','partly_received','received','cancelled')),
      order_no text,
      request_id bigint,
      proposal_key text,
      late_on date,
      closed_on date,
      version int not null default 1,
      updated_at timestamptz not null default now(),
      primary key (po_no, line_no)
    );
    create unique index purchase_order_lines_proposal on purchase_order_lines(proposal_key) where proposal_key is not null;
    create index purchase_order_lines_open on purchase_order_lines(sku) where state not in ('received','cancelled');
    create index purchase_order_lines_order on purchase_order_lines(order_no) where order_no is not null;
    create table purchase_line_events (
      id bigserial primary key,
      po_no text not null,
      line_no int not null,
      kind text not null check (kind in ('created','confirmed','rescheduled','received','cancelled','late')),
      from_date date,
      to_date date,
      qty numeric(14,3),
      request_key text,
      actor text not null,
      at timestamptz not null default now()
    );
    create index purchase_line_events_line on purchase_line_events(po_no, line_no, id);
    create unique index purchase_line_events_request on purchase_line_events(po_no, request_key, line_no) where request_key is not null;
    alter table supply_lines add column confirmed boolean not null default true;
    alter table supply_lines add column updated_at timestamptz not null default now();
    alter table supply_lines add column requested_date date;
    alter table plan_orders add column supply_risk jsonb;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table plan_orders drop column supply_risk;
    alter table supply_lines drop column requested_date;
    alter table supply_lines drop column updated_at;
    alter table supply_lines drop column confirmed;
    drop table purchase_line_events;
    drop table purchase_order_lines;
    drop table purchase_orders;
    drop sequence purchase_order_seq;
    drop table supplier_items;
    drop table suppliers;
  `.execute(db);
}
