// What has gone out of an order so far, line by line (the shipments' lines), for the shipment, the
// transition to shipped, the actions list and the order view.
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../core/db/schema.js";
import { isPartlyShipped, type LineQty, remainingByLine } from "./model/order-lines.js";
import { getOrderLines } from "./store.js";

type Db = Kysely<DB> | Transaction<DB>;

/** Quantity shipped per line number. */
export async function shippedByLine(db: Db, orderNo: string): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom("shipment_lines")
    .select(["line_no", (eb) => eb.fn.sum<string>("qty").as("qty")])
    .where("order_no", "=", orderNo)
    .groupBy("line_no")
    .execute();
  return new Map(rows.map((r) => [r.line_no, Number(r.qty)]));
}

/** The order's lines with what is still to ship, and whether it went out in part. */
export async function shippingState(db: Db, orderNo: string): Promise<{ remaining: LineQty[]; shipped: Map<number, number>; partly: boolean }> {
  const [lines, shipped] = await Promise.all([getOrderLines(db, orderNo), shippedByLine(db, orderNo)]);
  const remaining = remainingByLine(lines, shipped);
  return { remaining, shipped, partly: isPartlyShipped(remaining, shipped) };
}
