// The one door every change to a stored order goes through (a person's edit or transition, a batch
// reschedule, a reply from the credit provider, what the rules decide). In the caller's transaction it
// writes the columns at the version the caller locked, appends the event (who, when, from, to, why),
// publishes the live change (sent when the transaction commits) and runs the rules listening to the
// change once (through `OrderHooks.changed`: the rules sit above orders, src/app.ts plugs them in). What
// the rules change comes back through the same door without a trigger, so rules never fire rules and
// cannot loop.
import type { Kysely, Transaction } from "kysely";
import { now } from "../core/clock.js";
import type { DB } from "../core/db/schema.js";
import { AppError, notFound } from "../core/errors.js";
import { publishChange } from "../events/publish-change.js";
import { type OrderRuleEvent, orderHooks } from "./hooks.js";
import { appendEvents, getOrderRow, type OrderColumns, type OrderEventInput, type OrderRow, updateOrderIfVersion } from "./store.js";

export interface OrderChange {
  actor: string;
  columns: OrderColumns;
  /** One event, or several written by one change (a rule that tags and holds an order). */
  events: (Omit<OrderEventInput, "orderNo" | "actor" | "at"> & { actor?: string })[];
  /** The rules this change fires, once, after it is written; null for what rules decide themselves. */
  trigger: OrderRuleEvent | null;
  at?: Date;
}

export function staleVersion(current: number, given: number) {
  return new AppError("stale_version", "order.stale_version", { current, given }, "If-Match", { currentVersion: current });
}

/** Locks the order's row for the change; with `expectedVersion`, refuses it when someone changed it since. */
export async function lockOrder(tx: Transaction<DB>, orderNo: string, expectedVersion?: number): Promise<OrderRow> {
  const row = await getOrderRow(tx, orderNo, true);
  if (!row) throw notFound("order.not_found", { orderNo }, "orderNo");
  if (expectedVersion !== undefined && row.version !== expectedVersion) throw staleVersion(row.version, expectedVersion);
  return row;
}

/**
 * Writes a change to an order locked by `lockOrder` in the same transaction; answers the stored row.
 * `cacheKey`: the pool-level Kysely instance (compiled rules are cached per instance).
 */
export async function applyOrderChange(tx: Transaction<DB>, cacheKey: Kysely<DB>, row: OrderRow, change: OrderChange): Promise<OrderRow> {
  const at = change.at ?? now();
  const updated = await updateOrderIfVersion(tx, row.order_no, row.version, change.columns, at);
  if (!updated) throw new AppError("conflict", "conflict.concurrent");
  await appendEvents(
    tx,
    change.events.map((e) => ({ ...e, orderNo: row.order_no, actor: e.actor ?? change.actor, at })),
  );
  const transition = change.events.some((e) => e.kind === "transition");
  await publishChange(tx, {
    kind: "order",
    action: transition ? "transition" : "changed",
    orderNo: row.order_no,
    customer: updated.customer_code,
    status: updated.status,
  });
  if (!change.trigger) return updated;
  return orderHooks.changed(tx, cacheKey, updated, change.trigger, at);
}
