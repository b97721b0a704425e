// Outcome metrics: per-day totals and histograms of dwell samples, and per-day on-time counts, so a
// year of figures reads a few thousand rows instead of every sample and delivery (decision 0020).
// Kept by the read-time refresh (refresh-summaries.ts), never on the intake path: the refresh recomputes
// whole plant days — those of the orders the order_events trigger queued, and those queued here by
// the rarer changes that move a figure without an order event (a customer's grade, an item's family or
// name, imported history).
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table order_dwell_samples add column day date; -- plant day of done_at
    update order_dwell_samples set day = ((done_at at time zone 'UTC') + interval '8 hours')::date;
    alter table order_dwell_samples alter column day set not null;
    create index order_dwell_samples_day on order_dwell_samples(day);

    -- The plant day the order was delivered on, as last summarised (the day to recompute if it moves).
    alter table order_log_heads add column delivered_day date;
    update order_log_heads h set delivered_day = ((o.delivered_at at time zone 'UTC') + interval '8 hours')::date
      from orders o where o.order_no = h.order_no;

    -- Plant days whose rollups must be recomputed; rows, not a unique key, like metric_dirty_orders.
    create table metric_dirty_days (kind text not null check (kind in ('dwell', 'delivery')), day date not null);

    -- Per key, plant day, customer grade and rush (statuses: grade '' and rush false): count and sum of hours.
    create table dwell_day_totals (
      key text not null, day date not null, grade text not null, rush boolean not null,
      n int not null, hours double precision not null,
      primary key (day, key, grade, rush)
    );
    -- The same samples counted per hours bucket (model/histogram.ts: 0.01 h wide below 1 h, then 1 % wide).
    create table dwell_day_buckets (
      key text not null, day date not null, grade text not null, rush boolean not null, bucket int not null,
      n int not null,
      primary key (day, key, grade, rush, bucket)
    );
    -- Per source, plant day of delivery and customer: on-time counts. family '' holds each order once; the
    -- other rows count an order once in each product family of its lines.
    create table delivery_days (
      source text not null, day date not null, customer_code text not null, family text not null,
      delivered int not null, with_due int not null, on_time int not null,
      with_promised int not null, on_time_promised int not null, with_requested int not null, on_time_requested int not null,
      primary key (day, source, customer_code, family)
    );
    create index history_orders_delivered on history_orders(delivered_on) where delivered_on is not null;

    -- Imported history (insert-only): the delivery days of the new rows.
    create function queue_history_days() returns trigger language plpgsql as $$
    begin
      insert into metric_dirty_days (kind, day)
      select distinct 'delivery', h.delivered_on from history_orders h
      where h.delivered_on is not null and h.order_no in (select order_no from new_rows);
      return null;
    end $$;
    create trigger history_orders_queue_metrics after insert on history_orders
      referencing new table as new_rows for each statement execute function queue_history_days();
    create trigger history_order_lines_queue_metrics after insert on history_order_lines
      referencing new table as new_rows for each statement execute function queue_history_days();

    -- An item's SKU, name or family decides the families of live and history deliveries.
    create function queue_item_days() returns trigger language plpgsql as $$
    begin
      insert into metric_dirty_days (kind, day)
      select distinct 'delivery', ((o.delivered_at at time zone 'UTC') + interval '8 hours')::date
      from orders o join order_lines l on l.order_no = o.order_no
      where o.delivered_at is not null and l.sku in (select sku from changed_items)
      union
      select 'delivery', h.delivered_on
      from history_orders h join history_order_lines l on l.order_no = h.order_no
      where h.delivered_on is not null and (l.item in (select sku from changed_items) or l.item in (select name from changed_items));
      return null;
    end $$;
    -- On update only rows whose SKU, name or family changed count (either side of the change).
    create function queue_item_update_days() returns trigger language plpgsql as $$
    begin
      insert into metric_dirty_days (kind, day)
      with moved as (
        (select sku, name, family from old_items except select sku, name, family from new_items)
        union
        (select sku, name, family from new_items except select sku, name, family from old_items)
      )
      select distinct 'delivery', ((o.delivered_at at time zone 'UTC') + interval '8 hours')::date
      from orders o join order_lines l on l.order_no = o.order_no
      where o.delivered_at is not null and l.sku in (select sku from moved)
      union
      select 'delivery', h.delivered_on
      from history_orders h join history_order_lines l on l.order_no = h.order_no
      where h.delivered_on is not null and (l.item in (select sku from moved) or l.item in (select name from moved));
      return null;
    end $$;
    create trigger items_update_queue_metrics after update on items
      referencing old table as old_items new table as new_items for each statement execute function queue_item_update_days();
    create trigger items_insert_queue_metrics after insert on items
      referencing new table as changed_items for each statement execute function queue_item_days();
    create trigger items_delete_queue_metrics after delete on items
      referencing old table as changed_items for each statement execute function queue_item_days();

    -- A customer's grade groups its orders' dwell samples.
    create function queue_customer_days() returns trigger language plpgsql as $$
    begin
      insert into metric_dirty_days (kind, day)
      select distinct 'dwell', s.day
      from new_customers n join old_customers p on p.code = n.code and p.grade is distinct from n.grade
      join orders o on o.customer_code = n.code join order_dwell_samples s on s.order_no = o.order_no;
      return null;
    end $$;
    create trigger customers_queue_metrics after update on customers
      referencing old table as old_customers new table as new_customers for each statement execute function queue_customer_days();

    -- Build every rollup at the first refresh.
    insert into metric_dirty_days (kind, day) select distinct 'dwell', day from order_dwell_samples;
    insert into metric_dirty_days (kind, day)
    select distinct 'delivery', ((delivered_at at time zone 'UTC') + interval '8 hours')::date from orders where delivered_at is not null
    union select 'delivery', delivered_on from history_orders where delivered_on is not null;
  `.execute(db);
}
