// Honest promises (decision 0056): operations in clock time (move time per centre, splittable lots),
// each plan segment on its unit at its clock time, purchase requests a promise depends on, and each
// order's first promise with every re-confirmation.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table work_centres add column move_hours numeric(6,2) not null default 0 check (move_hours >= 0);
    alter table routing_operations add column splittable boolean not null default false;
    alter table plan_segments add column unit smallint, add column starts_at timestamptz;

    create table purchase_requests (
      id bigserial primary key,
      sku text not null references items(sku),
      qty numeric(14,3) not null check (qty > 0),
      need_date date not null,
      order_no text not null references orders(order_no),
      lead_time_days int not null,
      status text not null default 'requested' check (status in ('requested', 'confirmed', 'cancelled')),
      requested_by text not null,
      requested_at timestamptz not null default now(),
      decided_by text,
      decided_at timestamptz,
      supply_line_id bigint references supply_lines(id)
    );
    create index purchase_requests_open on purchase_requests(status, sku) where status = 'requested';
    create index purchase_requests_order on purchase_requests(order_no);

    alter table orders add column first_promised_date date,
                       add column promise_state text check (promise_state in ('promised', 'at_risk', 'none')),
                       add column promise_note jsonb;
    create table order_promises (
      id bigserial primary key,
      order_no text not null references orders(order_no),
      kind text not null check (kind in ('first', 'reconfirmed', 'at_risk', 'none')),
      promised_date date,
      planned_date date,
      reason text not null,
      actor text not null,
      at timestamptz not null default now()
    );
    create index order_promises_order on order_promises(order_no, id);
    update orders set first_promised_date = promised_date, promise_state = 'promised' where promised_date is not null;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table order_promises;
    alter table orders drop column first_promised_date, drop column promise_state, drop column promise_note;
    drop table purchase_requests;
    alter table plan_segments drop column unit, drop column starts_at;
    alter table routing_operations drop column splittable;
    alter table work_centres drop column move_hours;
  `.execute(db);
}
