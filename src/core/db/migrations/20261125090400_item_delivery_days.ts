// Outcome metrics: the item triggers of 20261125090000 share one function that queues the delivery days
// of live and history orders with given SKUs or model names (same behaviour, one body).
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function queue_item_delivery_days(skus text[], names text[]) returns void language sql as $$
      insert into metric_dirty_days (kind, day)
      select distinct 'delivery', ((o.delivered_at at time zone 'UTC') + interval '8 hours')::date
      from orders o join order_lines l on l.order_no = o.order_no
      where o.delivered_at is not null and l.sku = any(skus)
      union
      select 'delivery', h.delivered_on
      from history_orders h join history_order_lines l on l.order_no = h.order_no
      where h.delivered_on is not null and (l.item = any(skus) or l.item = any(names));
    $$;
    create or replace function queue_item_days() returns trigger language plpgsql as $$
    begin
      perform queue_item_delivery_days(array(select sku from changed_items), array(select name from changed_items));
      return null;
    end $$;
    -- On update only rows whose SKU, name or family changed count (either side of the change).
    create or replace function queue_item_update_days() returns trigger language plpgsql as $$
    declare skus text[]; names text[];
    begin
      with moved as (
        (select sku, name, family from old_items except select sku, name, family from new_items)
        union
        (select sku, name, family from new_items except select sku, name, family from old_items)
      )
      select array_agg(sku), array_agg(name) into skus, names from moved;
      perform queue_item_delivery_days(skus, names);
      return null;
    end $$;
  `.execute(db);
}
