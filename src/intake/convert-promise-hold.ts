// Use case: a held promise becomes the order (the customer said yes). The hold is ended as converted
// first (under its row lock, once), then the order is taken in through the one intake path with the
// held date: the capacity and material the hold booked in the plan state become the order's, nothing
// is booked twice. The order's idempotency key is the hold's, so a retried or concurrent conversion
// answers the same order. Should intake refuse the order (credit, a changed item), the hold is put back.
import type { Kysely } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { AppError } from "../core/errors.js";
import { decideHold, findHold, holdView } from "../planning/promise-holds.js";
import { type CreateOrderResult, createOrder } from "./create-order.js";

const holdKey = (id: number) => `promise-hold:${id}`;

export async function convertPromiseHold(db: Kysely<DB>, principal: Principal, id: number): Promise<CreateOrderResult & { hold: ReturnType<typeof holdView> }> {
  const existing = await findHold(db, id);
  // Converted already (a retry): the same order, nothing booked twice.
  if (existing?.status === "converted" && existing.order_no) {
    const again = await createOrder(db, principal, (existing.request as { order: Parameters<typeof createOrder>[2] }).order, { idempotencyKey: holdKey(id) });
    return { ...again, replayed: true, hold: holdView(existing) };
  }
  const { row: decided, order } = await db.transaction().execute((tx) => decideHold(tx, principal, id, "converted"));
  let created: CreateOrderResult;
  try {
    created = await createOrder(db, principal, order, { idempotencyKey: holdKey(id), heldDate: decided.held_date });
  } catch (error) {
    if (error instanceof AppError) {
      await db.updateTable("promise_holds").set({ status: "held", decided_by: null, decided_at: null }).where("id", "=", id).execute();
    }
    throw error;
  }
  const row = await db.updateTable("promise_holds").set({ order_no: created.order.orderNo }).where("id", "=", id).returningAll().executeTakeFirstOrThrow();
  return { ...created, hold: holdView(row) };
}
