// Use case: the warehouse records a shipment — carrier, tracking number and the lines (and quantities) it
// carries, everything still to ship when none are named — shown on the status page and in the order's
// history (through the orders use case, so it also runs its rules and reaches every board). An order that
// went out in part stays ready, partly shipped, until its last line has gone.
import type { Kysely } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import { now } from "../core/clock.js";
import type { DB } from "../core/db/schema.js";
import { refused } from "../core/errors.js";
import { lockOrder } from "./apply-order-change.js";
import { logOrderChange } from "./log-order-change.js";
import { type LineQty, planShipment } from "./model/order-lines.js";
import { shippingState } from "./shipped-lines.js";

const SHIPPABLE = ["ready", "shipped", "delivered", "closed"];

export async function recordShipment(
  db: Kysely<DB>,
  principal: Principal,
  orderNo: string,
  input: { carrier: string; trackingNo: string; shippedAt?: string; lines?: LineQty[] },
) {
  return db.transaction().execute(async (tx) => {
    const order = await lockOrder(tx, orderNo);
    if (!SHIPPABLE.includes(order.status)) throw refused("order.no_shipment_yet", { status: order.status }, "orderNo");
    const before = await shippingState(tx, orderNo);
    // Lines go out while the order is ready; afterwards a shipment only adds a parcel's tracking number.
    if (input.lines && order.status !== "ready") throw refused("order.no_shipment_yet", { status: order.status }, "lines");
    const carried = order.status === "ready" ? planShipment(before.remaining, input.lines) : [];
    const row = await tx
      .insertInto("shipments")
      .values({
        order_no: orderNo,
        carrier: input.carrier,
        tracking_no: input.trackingNo,
        shipped_at: input.shippedAt ? new Date(input.shippedAt) : now(),
        created_by: principal.name,
      })
      .onConflict((oc) => oc.columns(["order_no", "carrier", "tracking_no"]).doUpdateSet((eb) => ({ shipped_at: eb.ref("excluded.shipped_at") })))
      .returningAll()
      .executeTakeFirstOrThrow();
    if (carried.length) {
      await tx
        .insertInto("shipment_lines")
        .values(carried.map((l) => ({ shipment_id: row.id, order_no: orderNo, line_no: l.line, qty: l.qty })))
        .onConflict((oc) => oc.columns(["shipment_id", "line_no"]).doUpdateSet((eb) => ({ qty: eb("shipment_lines.qty", "+", eb.ref("excluded.qty")) })))
        .execute();
    }
    const remaining = before.remaining.map((r) => ({ line: r.line, qty: r.qty - (carried.find((c) => c.line === r.line)?.qty ?? 0) }));
    const complete = remaining.every((r) => r.qty === 0);
    const shipment = { carrier: row.carrier, trackingNo: row.tracking_no, shippedAt: row.shipped_at.toISOString(), lines: carried };
    // The order's history and every open board learn of it; rules may listen to order.changed on "shipment".
    await logOrderChange(tx, db, orderNo, { actor: principal.name, field: "shipment", data: { ...shipment, complete } }, order);
    return { id: row.id, orderNo, ...shipment, remaining: remaining.filter((r) => r.qty > 0), complete };
  });
}

export async function listShipments(db: Kysely<DB>, orderNo: string) {
  const [rows, lines] = await Promise.all([
    db.selectFrom("shipments").selectAll().where("order_no", "=", orderNo).orderBy("shipped_at").execute(),
    db.selectFrom("shipment_lines").select(["shipment_id", "line_no", "qty"]).where("order_no", "=", orderNo).orderBy("line_no").execute(),
  ]);
  return rows.map((r) => ({
    id: r.id,
    carrier: r.carrier,
    trackingNo: r.tracking_no,
    shippedAt: r.shipped_at.toISOString(),
    lines: lines.filter((l) => l.shipment_id === r.id).map((l) => ({ line: l.line_no, qty: l.qty })),
  }));
}
