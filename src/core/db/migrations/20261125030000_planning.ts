// Planning: each full re-plan is a run; the current run's schedule (per order, per operation and
// day, per work centre and day), its shortages and the stock left to promise are kept so that
// dashboards and promises read them without recomputing. plan_status names the current run; a run
// records the high-water marks of the order events, master-data changes and stock updates it saw, so
// "is the plan stale?" is a comparison, and no write path has to touch a shared row.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table plan_runs (
      id bigserial primary key,
      started_at timestamptz not null default now(),
      finished_at timestamptz,
      today date not null,
      horizon_to date not null,
      trigger text not null check (trigger in ('manual','change','reschedule','start')),
      actor text not null,
      orders int not null default 0,
      operations int not null default 0,
      late int not null default 0,
      unplanned int not null default 0,
      duration_ms numeric(12,3) not null default 0,
      events_mark bigint not null default 0,
      master_mark bigint not null default 0,
      stock_mark timestamptz,
      supply_mark text
    );
    create table plan_status (
      id int primary key default 1 check (id = 1),
      current_run bigint references plan_runs(id)
    );
    insert into plan_status (id) values (1);

    create table plan_orders (
      run_id bigint not null references plan_runs(id) on delete cascade,
      order_no text not null,
      rank int not null,
      due_date date,
      need_date date,
      material_ready date not null,
      planned_date date not null,
      late boolean not null,
      kitting_rate numeric(5,4) not null,
      bottleneck jsonb,
      primary key (run_id, order_no)
    );
    create table plan_segments (
      run_id bigint not null references plan_runs(id) on delete cascade,
      order_no text not null,
      job int not null,
      sku text not null,
      seq int not null,
      work_centre text not null,
      day date not null,
      hours numeric(12,4) not null
    );
    create index plan_segments_centre on plan_segments(run_id, work_centre, day);
    create index plan_segments_order on plan_segments(run_id, order_no);
    create table plan_loads (
      run_id bigint not null references plan_runs(id) on delete cascade,
      work_centre text not null,
      day date not null,
      load_hours numeric(12,4) not null,
      capacity_hours numeric(12,4) not null,
      limit_hours numeric(12,4) not null,
      primary key (run_id, work_centre, day)
    );
    create table plan_shortages (
      run_id bigint not null references plan_runs(id) on delete cascade,
      sku text not null,
      order_no text not null,
      qty_short numeric(14,3) not null,
      date_needed date not null,
      rush boolean not null
    );
    create index plan_shortages_sku on plan_shortages(run_id, sku);
    -- Stock and supply left to promise after the plan took its share: what CTP nets new orders against.
    create table plan_atp (
      run_id bigint not null references plan_runs(id) on delete cascade,
      sku text not null,
      day date not null,
      free numeric(14,3) not null,
      primary key (run_id, sku, day)
    );
  `.execute(db);
}
