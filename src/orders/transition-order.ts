// Use case: move an order along its state machine, recording who, when, from, to and why.
import type { Kysely, Transaction } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { AppError, notFound, refused } from "../core/errors.js";
import { publishChange } from "../events/publish-change.js";
import { releaseReservations } from "../inventory/reserve-stock.js";
import { runRulesOnOrder } from "../rules/run-rules-on-order.js";
import { registerDeliveredEquipment } from "../service/register-delivered-equipment.js";
import { getOrderView } from "./get-order.js";
import { checkTransition, isOrderStatus, type OrderStatus, STAGE_OWNER } from "./model/lifecycle.js";
import { appendEvent, getOrderRow, pinEffectiveVersions, updateOrderIfVersion } from "./store.js";

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
    const row = await getOrderRow(tx, orderNo, true);
    if (!row) throw notFound("order.not_found", { orderNo }, "orderNo");
    if (request.expectedVersion !== undefined && request.expectedVersion !== row.version) {
      throw staleVersion(row.version, request.expectedVersion);
    }
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

    const clearedHolds = await checkBlocks(tx, orderNo, from, request.to, principal);

    const holding = request.to === "on_hold";
    const updated = await updateOrderIfVersion(tx, orderNo, row.version, {
      status: request.to,
      held_from: holding ? from : null,
      hold_reason: holding ? reason : null,
      owner_role: holding ? (principal.roles[0] ?? null) : STAGE_OWNER[request.to],
      owner_user: holding && principal.kind === "user" ? principal.name : null,
      ...(request.to === "delivered" ? { delivered_at: new Date() } : {}),
    });
    if (!updated) throw new AppError("conflict", "conflict.concurrent");
    // A draft builds to the BOM and routing versions in force the day it is confirmed, and keeps them.
    const pinned = request.to === "confirmed" ? await pinEffectiveVersions(tx, orderNo) : {};
    const data: Record<string, unknown> = {};
    if (clearedHolds.length) data.clearedHolds = clearedHolds;
    if (Object.keys(pinned).length) data.pinned = pinned;
    await appendEvent(tx, { orderNo, actor: principal.name, kind: "transition", from, to: request.to, reason, data });
    await publishChange(tx, { kind: "order", action: "transition", orderNo, customer: row.customer_code, status: request.to });
    if (request.to === "cancelled") await releaseReservations(tx, { orderNos: [orderNo] }, "released");
    if (request.to === "delivered") await registerDeliveredEquipment(tx, orderNo, principal.name, new Date());
    await runRulesOnOrder(tx, db, orderNo, { trigger: "order.transition", from, to: request.to });
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
  await tx.updateTable("order_blocks").set({ cleared_at: new Date(), cleared_by: principal.name }).where("id", "in", ids).execute();
  return ids;
}

export function staleVersion(current: number, given: number) {
  return new AppError("stale_version", "order.stale_version", { current, given }, "If-Match", { currentVersion: current });
}
