// Shipments by line: what each parcel carried, so an order can go out in parts and stays partly shipped
// until every line has gone.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table shipment_lines (
      shipment_id bigint not null references shipments(id),
      order_no text not null,
      line_no integer not null,
      qty integer not null check (qty > 0),
      primary key (shipment_id, line_no),
      foreign key (order_no, line_no) references order_lines(order_no, line_no)
    );
    create index shipment_lines_order on shipment_lines(order_no, line_no);
    -- Before lines were recorded a shipment carried the whole order: its first shipment took every line.
    insert into shipment_lines (shipment_id, order_no, line_no, qty)
    select s.id, l.order_no, l.line_no, l.qty
    from (select distinct on (order_no) id, order_no from shipments order by order_no, shipped_at, id) s
    join order_lines l on l.order_no = s.order_no;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table shipment_lines`.execute(db);
}
