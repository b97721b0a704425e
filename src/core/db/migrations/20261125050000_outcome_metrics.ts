// Outcome metrics: summaries derived from the append-only order_events log, so a year of figures is
// read without re-deriving every stay at request time (decision 0020).
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Orders whose events changed since the summaries were last refreshed. Rows, not a unique key: an
    -- order queued by a transaction that commits during a refresh stays queued for the next one.
    create table metric_dirty_orders (order_no text not null);
    create function queue_metric_orders() returns trigger language plpgsql as $$
    begin
      insert into metric_dirty_orders (order_no) select distinct order_no from new_events;
      return null;
    end $$;
    create trigger order_events_queue_metrics after insert on order_events
      referencing new table as new_events for each statement execute function queue_metric_orders();
    insert into metric_dirty_orders (order_no) select distinct order_no from order_events;

    -- One row per stage per order and per completed stay (key 'status:<status>'), from the event log.
    create table order_dwell_samples (
      order_no text not null,
      key text not null,
      started_at timestamptz not null,
      done_at timestamptz not null,
      week text not null, -- ISO week of done_at in plant time, e.g. 2026-W10
      held_s double precision not null,
      hours double precision not null
    );
    create index order_dwell_samples_done on order_dwell_samples(done_at);
    create index order_dwell_samples_order on order_dwell_samples(order_no);

    -- Per order: the last status its log set, and the first break in its chain of transitions.
    create table order_log_heads (
      order_no text primary key,
      last_status text not null,
      chain_breaks int not null,
      first_break text
    );

    create index orders_delivered on orders(delivered_at) where delivered_at is not null;
  `.execute(db);
}
