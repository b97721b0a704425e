// Foundation: people and access, master data, inventory, calendar, orders and their event log.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table users (
      id bigserial primary key,
      username text not null unique check (username ~ '^[a-z0-9_.-]{2,40}$'),
      display_name text not null,
      password_hash text not null,
      roles text[] not null check (cardinality(roles) > 0),
      active boolean not null default true,
      created_at timestamptz not null default now()
    );
    create table sessions (
      token_hash text primary key,
      user_id bigint not null references users(id) on delete cascade,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    );
    create index sessions_user on sessions(user_id);
    create table api_tokens (
      id bigserial primary key,
      name text not null,
      token_hash text not null unique,
      roles text[] not null check (cardinality(roles) > 0),
      created_by text not null,
      created_at timestamptz not null default now(),
      revoked_at timestamptz
    );

    create table customers (
      code text primary key check (code ~ '^[A-Z0-9-]{2,20}$'),
      name text not null check (length(name) between 1 and 100),
      grade char(1) not null check (grade in ('A','B','C','D')),
      credit_limit numeric(14,2) not null default 0 check (credit_limit >= 0),
      open_receivables numeric(14,2) not null default 0 check (open_receivables >= 0),
      special_terms text not null default '',
      contact_name text not null default '',
      contact_phone text not null default '',
      region text not null default '',
      version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );

    create table locations (
      code text primary key,
      name text not null
    );
    create table work_centres (
      code text primary key,
      name text not null,
      shifts int not null default 1 check (shifts between 1 and 3),
      hours_per_shift numeric(4,2) not null default 8 check (hours_per_shift > 0 and hours_per_shift <= 12),
      parallel_units int not null default 1 check (parallel_units >= 1),
      load_threshold numeric(4,3) not null default 0.85 check (load_threshold > 0 and load_threshold <= 1)
    );
    create table items (
      sku text primary key check (sku ~ '^[A-Z0-9][A-Z0-9._-]{1,39}$'),
      name text not null,
      kind text not null check (kind in ('finished','subassembly','purchased')),
      family text not null default '',
      uom text not null default 'pcs',
      unit_price numeric(14,2) not null default 0 check (unit_price >= 0),
      lead_time_days int not null default 0 check (lead_time_days >= 0),
      serialised boolean not null default false,
      param_schema jsonb not null default '{}'::jsonb,
      version int not null default 1,
      created_at timestamptz not null default now()
    );
    create table bom_versions (
      id bigserial primary key,
      sku text not null references items(sku),
      version int not null check (version >= 1),
      effective_from date not null,
      note text not null default '',
      created_by text not null default 'system',
      created_at timestamptz not null default now(),
      unique (sku, version)
    );
    create table bom_lines (
      bom_version_id bigint not null references bom_versions(id),
      component_sku text not null references items(sku),
      qty_per numeric(12,4) not null check (qty_per > 0),
      primary key (bom_version_id, component_sku)
    );
    create table routing_versions (
      id bigserial primary key,
      sku text not null references items(sku),
      version int not null check (version >= 1),
      effective_from date not null,
      note text not null default '',
      created_by text not null default 'system',
      created_at timestamptz not null default now(),
      unique (sku, version)
    );
    create table routing_operations (
      routing_version_id bigint not null references routing_versions(id),
      seq int not null check (seq > 0),
      work_centre text not null references work_centres(code),
      setup_hours numeric(8,3) not null default 0 check (setup_hours >= 0),
      run_hours_per_unit numeric(10,5) not null check (run_hours_per_unit >= 0),
      primary key (routing_version_id, seq)
    );

    create table inventory_balances (
      sku text not null references items(sku),
      location text not null references locations(code),
      on_hand numeric(14,3) not null default 0 check (on_hand >= 0),
      reserved numeric(14,3) not null default 0 check (reserved >= 0),
      updated_at timestamptz not null default now(),
      primary key (sku, location)
    );
    create table supply_lines (
      id bigserial primary key,
      kind text not null check (kind in ('purchase','transfer')),
      ref text not null,
      sku text not null references items(sku),
      location text not null references locations(code),
      qty numeric(14,3) not null check (qty > 0),
      expected_date date not null,
      status text not null default 'open' check (status in ('open','received','cancelled')),
      created_at timestamptz not null default now(),
      unique (kind, ref, sku)
    );
    create index supply_lines_open on supply_lines(sku, expected_date) where status = 'open';

    create table calendar_exceptions (
      id bigserial primary key,
      day_from date not null,
      day_to date not null check (day_to >= day_from),
      kind text not null check (kind in ('shutdown','extra_working')),
      reason text not null,
      created_by text not null default 'system'
    );
    create table maintenance_windows (
      id bigserial primary key,
      work_centre text not null references work_centres(code),
      starts_at timestamptz not null,
      ends_at timestamptz not null check (ends_at > starts_at),
      reason text not null,
      created_by text not null default 'system'
    );

    create table order_sequences (
      day date primary key,
      last_seq int not null
    );
    create table orders (
      order_no text primary key check (order_no ~ '^DH[0-9]{8}[0-9]{3,}$'),
      customer_code text not null references customers(code),
      status text not null check (status in ('draft','confirmed','scheduled','in_production','ready','shipped','delivered','closed','on_hold','cancelled')),
      held_from text,
      hold_reason text,
      rush boolean not null default false,
      tags text[] not null default '{}',
      requested_date date,
      promised_date date,
      delivered_at timestamptz,
      total_amount numeric(14,2) not null check (total_amount >= 0),
      nonstandard boolean not null default false,
      owner_role text,
      owner_user text,
      note text not null default '',
      source text not null default 'api' check (source in ('api','bulk','ui','import','demo')),
      idempotency_key text unique,
      request_hash text,
      version int not null default 1,
      created_by text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index orders_customer on orders(customer_code, created_at);
    create index orders_status on orders(status, created_at);
    create index orders_created on orders(created_at, order_no);
    create table order_lines (
      order_no text not null references orders(order_no),
      line_no int not null check (line_no >= 1),
      sku text not null references items(sku),
      qty int not null check (qty > 0),
      unit_price numeric(14,2) not null check (unit_price >= 0),
      amount numeric(14,2) not null check (amount >= 0),
      params jsonb not null default '{}'::jsonb,
      nonstandard boolean not null default false,
      bom_version_id bigint references bom_versions(id),
      routing_version_id bigint references routing_versions(id),
      primary key (order_no, line_no)
    );
    create index order_lines_sku on order_lines(sku);
    create table order_events (
      id bigserial primary key,
      order_no text not null references orders(order_no),
      at timestamptz not null default now(),
      actor text not null,
      kind text not null check (kind in ('created','transition','changed')),
      from_status text,
      to_status text,
      reason text,
      data jsonb not null default '{}'::jsonb
    );
    create index order_events_order on order_events(order_no, id);
    create index order_events_at on order_events(at);
    -- The event log is append-only: history is evidence, so nobody edits it, not even admin.
    create function forbid_change() returns trigger language plpgsql as $$
    begin
      raise exception 'append-only table %: % is not allowed', tg_table_name, tg_op;
    end $$;
    create trigger order_events_append_only before update or delete on order_events
      for each row execute function forbid_change();

    -- Master-data changes, with the roles of who made them (feeds the data-autonomy figure).
    create table master_changes (
      id bigserial primary key,
      entity text not null,
      entity_key text not null,
      actor text not null,
      actor_roles text[] not null,
      at timestamptz not null default now(),
      change jsonb not null
    );
    create index master_changes_at on master_changes(at);
  `.execute(db);
}
