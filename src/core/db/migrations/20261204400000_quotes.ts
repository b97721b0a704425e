// Quotations (decision 0070): one number per inquiry, versions V1, V2, … each costed on pinned BOM and
// routing versions, with a price, a margin, a promise valid until a date, and what became of it.
// Costing needs an hourly rate per work centre, which the schema did not have: 80 yuan an hour unless
// set (the demo plant sets one per centre); materials are costed at their item price (purchased parts).
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table work_centres add column hourly_rate numeric(10,2) not null default 80.00 check (hourly_rate >= 0)`.execute(db);
  await sql`
    create table quote_margin_floors (
      grade text primary key,
      floor_pct numeric(5,2) not null check (floor_pct >= 0 and floor_pct < 100)
    )`.execute(db);
  await sql`insert into quote_margin_floors (grade, floor_pct) values ('A', 12), ('B', 15), ('C', 18), ('D', 22)`.execute(db);
  await sql`create table quote_sequences (day date primary key, last_seq integer not null)`.execute(db);
  await sql`
    create table quotes (
      quote_no text primary key,
      customer_code text not null references customers(code),
      title text not null default '',
      status text not null default 'open' check (status in ('open', 'won', 'lost')),
      lost_reason text check (lost_reason in ('price', 'lead_time', 'spec', 'competitor', 'cancelled', 'other')),
      lost_note text not null default '',
      won_version integer,
      order_no text,
      idempotency_key text unique,
      request_hash text,
      created_by text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index quotes_customer on quotes (customer_code)`.execute(db);
  await sql`
    create table quote_versions (
      quote_no text not null references quotes(quote_no),
      version integer not null check (version >= 1),
      status text not null check (status in ('draft', 'sent', 'won', 'lost', 'superseded')),
      requested_date date,
      valid_until date not null,
      margin_pct numeric(6,2) not null,
      margin_floor_pct numeric(5,2) not null,
      cost_total numeric(14,2) not null,
      price_total numeric(14,2) not null,
      promise_date date,
      promise_valid_until date not null,
      promise_note jsonb,
      approval text not null default 'none' check (approval in ('none', 'pending', 'approved')),
      approval_task_id integer,
      approved_by text,
      approved_at timestamptz,
      note text not null default '',
      created_by text not null,
      created_at timestamptz not null default now(),
      sent_by text,
      sent_at timestamptz,
      conversion jsonb,
      idempotency_key text unique,
      primary key (quote_no, version)
    )`.execute(db);
  await sql`
    create table quote_lines (
      quote_no text not null,
      version integer not null,
      line_no integer not null,
      sku text not null references items(sku),
      params jsonb not null default '{}',
      qty integer not null check (qty > 0),
      bom_version_id integer references bom_versions(id),
      routing_version_id integer references routing_versions(id),
      material_cost numeric(14,2) not null,
      labour_cost numeric(14,2) not null,
      outsourcing_cost numeric(14,2) not null,
      unit_cost numeric(14,2) not null,
      unit_price numeric(14,2) not null,
      amount numeric(14,2) not null,
      primary key (quote_no, version, line_no),
      foreign key (quote_no, version) references quote_versions(quote_no, version)
    )`.execute(db);
  // Rules judge quotes too (trigger quote.below_margin): an evaluation and its actions may concern a quote.
  for (const table of ["rule_evaluations", "rule_actions"]) {
    await sql`alter table ${sql.table(table)} add column quote_no text references quotes(quote_no)`.execute(db);
    await sql`alter table ${sql.table(table)} drop constraint ${sql.ref(`${table}_subject`)}`.execute(db);
    await sql`alter table ${sql.table(table)} add constraint ${sql.ref(`${table}_subject`)} check (order_no is not null or visit_id is not null or quote_no is not null)`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["rule_evaluations", "rule_actions"]) {
    await sql`delete from ${sql.table(table)} where quote_no is not null`.execute(db);
    await sql`alter table ${sql.table(table)} drop constraint ${sql.ref(`${table}_subject`)}`.execute(db);
    await sql`alter table ${sql.table(table)} add constraint ${sql.ref(`${table}_subject`)} check (order_no is not null or visit_id is not null)`.execute(db);
    await sql`alter table ${sql.table(table)} drop column quote_no`.execute(db);
  }
  await sql`drop table quote_lines`.execute(db);
  await sql`drop table quote_versions`.execute(db);
  await sql`drop table quotes`.execute(db);
  await sql`drop table quote_sequences`.execute(db);
  await sql`drop table quote_margin_floors`.execute(db);
  await sql`alter table work_centres drop column hourly_rate`.execute(db);
}
