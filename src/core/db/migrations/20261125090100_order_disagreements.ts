// Status agreement without a pass over every order at each read (decision 0020): the per-order causes
// are kept in order_disagreements, re-derived by the read-time refresh for queued orders. Orders are now
// also queued when they are inserted (an order without events must be found) and when a column an
// outcome figure reads changes without an order event — one statement per orders statement, nothing
// per row on the intake path beyond the rows of the queue.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table order_disagreements (
      order_no text not null,
      cause text not null,
      status text not null,
      detail text,
      primary key (order_no, cause)
    );
    -- When the order's last status was set: how long it has waited there ("stuck now").
    alter table order_log_heads add column last_at timestamptz;

    create function queue_new_orders() returns trigger language plpgsql as $$
    begin
      insert into metric_dirty_orders (order_no) select order_no from new_rows;
      return null;
    end $$;
    create trigger orders_insert_queue_metrics after insert on orders
      referencing new table as new_rows for each statement execute function queue_new_orders();

    create function queue_changed_orders() returns trigger language plpgsql as $$
    begin
      insert into metric_dirty_orders (order_no)
      select n.order_no from new_rows n join old_rows o on o.order_no = n.order_no
      where (n.status, n.delivered_at, n.held_from, n.rush, n.promised_date, n.requested_date, n.customer_code)
            is distinct from (o.status, o.delivered_at, o.held_from, o.rush, o.promised_date, o.requested_date, o.customer_code);
      return null;
    end $$;
    create trigger orders_update_queue_metrics after update on orders
      referencing old table as old_rows new table as new_rows for each statement execute function queue_changed_orders();

    insert into metric_dirty_orders (order_no) select order_no from orders;
  `.execute(db);
}
