// Use case: the warehouse records a shipment's carrier and tracking number, shown on the status page and
// in the order's history (through the orders use case, so it also runs its rules and reaches every board).
import type { Kysely } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { refused } from "../core/errors.js";
import { lockOrder } from "../orders/apply-order-change.js";
import { logOrderChange } from "../orders/log-order-change.js";

const SHIPPABLE = ["ready", "shipped", "delivered", "closed"];

export async function recordShipment(
  db: Kysely<DB>,
  principal: Principal,
  orderNo: string,
  input: { carrier: string; trackingNo: string; shippedAt?: string },
) {
  return db.transaction().execute(async (tx) => {
    const order = await lockOrder(tx, orderNo);
    if (!SHIPPABLE.includes(order.status)) throw refused("order.no_shipment_yet", { status: order.status }, "orderNo");
    const row = await tx
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
    const shipment = { carrier: row.carrier, trackingNo: row.tracking_no, shippedAt: row.shipped_at.toISOString() };
    // The order's history and every open board learn of it; rules may listen to order.changed on "shipment".
    await logOrderChange(tx, db, orderNo, { actor: principal.name, field: "shipment", data: shipment }, order);
    return { id: row.id, orderNo, ...shipment };
  });
}
export async function listShipments(db: Kysely<DB>, orderNo: string) {
  const rows = await db.selectFrom("shipments").selectAll().where("order_no", "=", orderNo).orderBy("shipped_at").execute();
  return rows.map((r) => ({ id: r.id, carrier: r.carrier, trackingNo: r.tracking_no, shippedAt: r.shipped_at.toISOString() }));
}
