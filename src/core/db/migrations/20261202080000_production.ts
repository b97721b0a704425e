// The shop floor (decision 0058): work orders and their operations copied from the pinned routing,
// operation reports (idempotent by key), downtime per unit of a work centre; the views through which
// planning reads them (production's exported reads, so planning imports nothing from production);
// the plan's operations with clock times; order events of kind 'production'.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table work_orders (
      id bigserial primary key,
      wo_no text not null unique,
      order_no text not null references orders(order_no),
      line_no int not null,
      parent_id bigint references work_orders(id),
      sku text not null references items(sku),
      qty int not null check (qty > 0),
      routing_version_id bigint references routing_versions(id),
      status text not null default 'released' check (status in ('released','in_progress','done')),
      material_ready date,
      released_at timestamptz not null default now(),
      released_by text not null,
      unique (order_no, line_no, sku)
    );
    create index work_orders_order on work_orders(order_no);
    create table work_order_operations (
      id bigserial primary key,
      work_order_id bigint not null references work_orders(id),
      seq int not null,
      work_centre text not null references work_centres(code),
      setup_hours numeric(8,3) not null default 0,
      run_hours_per_unit numeric(10,5) not null,
      status text not null default 'open' check (status in ('open','started','paused','done')),
      qty_good int not null default 0 check (qty_good >= 0),
      qty_scrap int not null default 0 check (qty_scrap >= 0),
      qty_rework int not null default 0 check (qty_rework >= 0),
      qty_remaining int not null check (qty_remaining >= 0),
      setup_minutes int not null default 0 check (setup_minutes >= 0),
      planned_start timestamptz,
      planned_end timestamptz,
      actual_start timestamptz,
      actual_end timestamptz,
      operator text,
      updated_at timestamptz not null default now(),
      unique (work_order_id, seq)
    );
    create index work_order_operations_centre on work_order_operations(work_centre, status);
    create table operation_reports (
      id bigserial primary key,
      operation_id bigint not null references work_order_operations(id),
      idempotency_key text not null unique,
      kind text not null check (kind in ('start','pause','finish')),
      good int not null default 0 check (good >= 0),
      scrap int not null default 0 check (scrap >= 0),
      scrap_reason text,
      rework int not null default 0 check (rework >= 0),
      setup_minutes int not null default 0 check (setup_minutes >= 0),
      operator text,
      at timestamptz not null,
      reported_by text not null,
      override_reason text,
      created_at timestamptz not null default now()
    );
    create index operation_reports_operation on operation_reports(operation_id, id);
    create index operation_reports_at on operation_reports(at);
    create table downtime (
      id bigserial primary key,
      work_centre text not null references work_centres(code),
      unit int check (unit >= 1),
      starts_at timestamptz not null,
      ends_at timestamptz check (ends_at is null or ends_at > starts_at),
      reason text not null,
      reported_by text not null,
      updated_at timestamptz not null default now()
    );
    create index downtime_centre on downtime(work_centre, starts_at);

    -- What planning reads (production's exported reads): released work still to do, and downtime.
    create view production_plan_feed as
      select w.order_no, w.id as work_order_id, w.parent_id, w.line_no, w.sku, w.qty as wo_qty,
             o.id as operation_id, o.seq, o.work_centre, o.setup_hours, o.run_hours_per_unit,
             o.status, o.qty_remaining, o.setup_minutes, o.actual_start
      from work_orders w join work_order_operations o on o.work_order_id = w.id
      where w.status <> 'done';
    create view production_downtime_feed as
      select id, work_centre, unit, starts_at, ends_at, reason from downtime;
    create view production_plan_mark as
      select (select coalesce(max(id), 0) from operation_reports) || ':' ||
             (select coalesce(max(id), 0) from work_orders) || ':' ||
             (select coalesce(max(updated_at)::text, '') from downtime) as mark;

    -- The plan's operations with the clock time they occupy (first and last stretch), per run.
    create table plan_operations (
      run_id bigint not null references plan_runs(id) on delete cascade,
      order_no text not null,
      job int not null,
      sku text not null,
      seq int not null,
      work_centre text not null,
      operation_id bigint,
      hours numeric(12,4) not null,
      planned_start timestamptz,
      planned_end timestamptz
    );
    create index plan_operations_centre on plan_operations(run_id, work_centre, planned_start);
    create index plan_operations_order on plan_operations(run_id, order_no);
    alter table plan_runs add column shop_floor_mark text;

    alter table order_events drop constraint order_events_kind_check;
    alter table order_events add constraint order_events_kind_check check (kind in ('created','transition','changed','production'));
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table order_events drop constraint order_events_kind_check;
    alter table order_events add constraint order_events_kind_check check (kind in ('created','transition','changed'));
    alter table plan_runs drop column shop_floor_mark;
    drop table plan_operations;
    drop view production_plan_mark;
    drop view production_downtime_feed;
    drop view production_plan_feed;
    drop table downtime;
    drop table operation_reports;
    drop table work_order_operations;
    drop table work_orders;
  `.execute(db);
}
