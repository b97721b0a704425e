// Use case: the warehouse records a shipment's carrier and tracking number, shown on the status page.
import type { Kysely } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { notFound, refused } from "../core/errors.js";

const SHIPPABLE = ["ready", "shipped", "delivered", "closed"];

export async function recordShipment(
  db: Kysely<DB>,
  principal: Principal,
  orderNo: string,
  input: { carrier: string; trackingNo: string; shippedAt?: string },
) {
  const order = await db.selectFrom("orders").select(["order_no", "status"]).where("order_no", "=", orderNo).executeTakeFirst();
  if (!order) throw notFound("order.not_found", { orderNo }, "orderNo");
  if (!SHIPPABLE.includes(order.status)) throw refused("order.no_shipment_yet", { status: order.status }, "orderNo");
  const row = await db
    .insertInto("shipments")
    .values({
      order_no: orderNo,
      carrier: input.carrier,
      tracking_no: input.trackingNo,
      shipped_at: input.shippedAt ? new Date(input.shippedAt) : new Date(),
      created_by: principal.name,
    })
    .onConflict((oc) => oc.columns(["order_no", "carrier", "tracking_no"]).doUpdateSet((eb) => ({ shipped_at: eb.ref("excluded.shipped_at") })))
    .returningAll()
    .executeTakeFirstOrThrow();
  return { id: row.id, orderNo, carrier: row.carrier, trackingNo: row.tracking_no, shippedAt: row.shipped_at.toISOString() };
}

export async function listShipments(db: Kysely<DB>, orderNo: string) {
  const rows = await db.selectFrom("shipments").selectAll().where("order_no", "=", orderNo).orderBy("shipped_at").execute();
  return rows.map((r) => ({ id: r.id, carrier: r.carrier, trackingNo: r.tracking_no, shippedAt: r.shipped_at.toISOString() }));
}
