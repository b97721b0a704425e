// Data bridge: import runs and saved column mappings, the read-only history of legacy orders, and
// WMS sync batches (idempotent per batch id).
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table import_batches (
      id bigserial primary key,
      file_hash text not null,
      -- The file, its sheet and the reading options: the same run commits once and a re-run answers
      -- with the first; a corrected mapping or year is a new run (natural keys still stop duplicates).
      run_key text not null unique,
      file_name text not null,
      kind text not null check (kind in ('orders','customers','items','inventory')),
      sheet text not null,
      summary jsonb not null,
      created_by text not null,
      created_at timestamptz not null default now()
    );
    create index import_batches_file on import_batches(file_hash);
    create table import_templates (
      name text primary key check (length(name) between 1 and 60),
      kind text not null check (kind in ('orders','customers','items','inventory')),
      mapping jsonb not null,
      header_row int check (header_row >= 1),
      updated_by text not null,
      updated_at timestamptz not null default now()
    );

    -- Legacy orders from the old ledgers: apart from live orders, never edited, linked to a customer.
    create table history_orders (
      order_no text primary key check (length(order_no) between 1 and 40),
      customer_code text not null references customers(code),
      ordered_on date not null,
      due_on date check (due_on >= ordered_on),
      delivered_on date check (delivered_on >= ordered_on),
      status text not null check (status in ('open','in_production','shipped','delivered','closed','cancelled')),
      amount numeric(14,2) not null,
      note text not null default '',
      import_id bigint not null references import_batches(id),
      source_rows int[] not null,
      imported_at timestamptz not null default now()
    );
    create index history_orders_customer on history_orders(customer_code, ordered_on);
    create index history_orders_ordered on history_orders(ordered_on, order_no);
    create table history_order_lines (
      order_no text not null references history_orders(order_no),
      line_no int not null check (line_no >= 1),
      item text not null default '',
      qty numeric(14,3),
      amount numeric(14,2) not null,
      source_row int not null,
      primary key (order_no, line_no)
    );
    create trigger history_orders_read_only before update or delete on history_orders
      for each row execute function forbid_change();
    create trigger history_order_lines_read_only before update or delete on history_order_lines
      for each row execute function forbid_change();

    create table inventory_sync_batches (
      batch_id text primary key,
      request_hash text not null,
      result jsonb not null,
      created_by text not null,
      created_at timestamptz not null default now()
    );
  `.execute(db);
}
