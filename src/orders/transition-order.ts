// Use case: move an order along its state machine, recording who, when, from, to and why.
import type { Kysely, Transaction } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import { now } from "../core/clock.js";
import type { DB } from "../core/db/schema.js";
import { AppError, refused } from "../core/errors.js";
import { lockOrder } from "./apply-order-change.js";
import { getOrderView } from "./get-order.js";
import { checkTransition, isOrderStatus, type OrderStatus } from "./model/lifecycle.js";
import { moveOrder } from "./move-order.js";
import { shippingState } from "./shipped-lines.js";

export interface TransitionRequest {
  to: OrderStatus;
  reason?: string;
  /** When given, the transition applies only to this version (optimistic concurrency). */
  expectedVersion?: number;
}

export async function transitionOrder(db: Kysely<DB>, principal: Principal, orderNo: string, request: TransitionRequest) {
  await db.transaction().execute((tx) => transitionOrderInTransaction(tx, db, principal, orderNo, request));
  return getOrderView(db, orderNo);
}

/** The same transition inside a caller's transaction (the shop floor moves the order with its report). */
export async function transitionOrderInTransaction(tx: Transaction<DB>, db: Kysely<DB>, principal: Principal, orderNo: string, request: TransitionRequest) {
  {
    const row = await lockOrder(tx, orderNo, request.expectedVersion);
    const from = row.status as OrderStatus;
    const heldFrom = row.held_from && isOrderStatus(row.held_from) ? row.held_from : null;
    const check = checkTransition(from, request.to, principal.roles, heldFrom);
    if (!check.ok && check.why === "not_allowed") {
      throw refused("order.transition_not_allowed", { from, to: request.to }, "to");
    }
    if (!check.ok) {
      throw new AppError("forbidden", "order.transition_role", {
        roles: principal.roles.join(","),
        from,
        to: request.to,
        allowed: check.allowedRoles.join(","),
      });
    }
    const reason = request.reason?.trim() || null;
    if (check.reasonRequired && !reason) throw new AppError("invalid", "order.reason_required", { to: request.to }, "reason");

    if (request.to === "shipped") {
      // An order that went out in part becomes shipped with its last line (the shipment says when).
      const shipping = await shippingState(tx, orderNo);
      if (shipping.partly) throw refused("order.partly_shipped", { remaining: shipping.remaining.reduce((n, r) => n + r.qty, 0) }, "to");
    }
    const clearedHolds = await checkBlocks(tx, orderNo, from, request.to, principal);
    await moveOrder(tx, db, row, {
      to: request.to,
      actor: principal.name,
      reason,
      holder: { role: principal.roles[0] ?? null, user: principal.kind === "user" ? principal.name : null },
      data: clearedHolds.length ? { clearedHolds } : {},
    });
  }
}

/** Rule-made holds and blocks: a blocked target is refused; releasing a hold needs its releasers. */
async function checkBlocks(tx: Transaction<DB>, orderNo: string, from: OrderStatus, to: OrderStatus, principal: Principal): Promise<number[]> {
  const blocks = await tx.selectFrom("order_blocks").selectAll().where("order_no", "=", orderNo).where("cleared_at", "is", null).execute();
  const blocked = blocks.find((b) => b.to_status === to);
  if (blocked) throw refused("order.blocked", { to, reason: blocked.reason }, "to");
  const holds = blocks.filter((b) => b.to_status === "*");
  if (from !== "on_hold" || !holds.length) return [];
  if (to !== "cancelled" && !principal.roles.includes("admin")) {
    const strict = holds.find((h) => h.releasable_by.length && !h.releasable_by.some((r) => principal.roles.includes(r as never)));
    if (strict) throw new AppError("forbidden", "order.hold_release_role", { allowed: strict.releasable_by.join(","), reason: strict.reason });
  }
  const ids = holds.map((h) => h.id);
  await tx.updateTable("order_blocks").set({ cleared_at: now(), cleared_by: principal.name }).where("id", "in", ids).execute();
  return ids;
}

export { staleVersion } from "./apply-order-change.js";
