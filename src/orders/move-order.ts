// The step every status change of a stored order takes, whoever asks (a person, the credit provider's
// reply): its side effects (versions pinned on confirmation, stock released on cancellation, equipment
// registered on delivery), then the change itself through the one door, which fires order.transition.
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../core/db/schema.js";
import { releaseReservations } from "../inventory/reserve-stock.js";
import { registerDeliveredEquipment } from "../service/register-delivered-equipment.js";
import { applyOrderChange } from "./apply-order-change.js";
import { type OrderStatus, STAGE_OWNER } from "./model/lifecycle.js";
import { type OrderRow, pinEffectiveVersions } from "./store.js";

export interface Move {
  to: OrderStatus;
  actor: string;
  reason: string | null;
  /** Who owns an order put on hold (the role and person holding it). */
  holder?: { role: string | null; user: string | null };
  data?: Record<string, unknown>;
}

export async function moveOrder(tx: Transaction<DB>, cacheKey: Kysely<DB>, row: OrderRow, move: Move): Promise<OrderRow> {
  const from = row.status as OrderStatus;
  const at = new Date();
  const holding = move.to === "on_hold";
  // A draft builds to the BOM and routing versions in force the day it is confirmed, and keeps them.
  const pinned = move.to === "confirmed" ? await pinEffectiveVersions(tx, row.order_no) : {};
  if (move.to === "cancelled") await releaseReservations(tx, { orderNos: [row.order_no] }, "released");
  if (move.to === "delivered") await registerDeliveredEquipment(tx, row.order_no, move.actor, at);
  const data: Record<string, unknown> = { ...move.data };
  if (Object.keys(pinned).length) data.pinned = pinned;
  return applyOrderChange(tx, cacheKey, row, {
    actor: move.actor,
    at,
    columns: {
      status: move.to,
      held_from: holding ? from : null,
      hold_reason: holding ? move.reason : null,
      owner_role: holding ? (move.holder?.role ?? null) : STAGE_OWNER[move.to],
      owner_user: holding ? (move.holder?.user ?? null) : null,
      ...(move.to === "delivered" ? { delivered_at: at } : {}),
    },
    events: [{ kind: "transition", from, to: move.to, reason: move.reason, data }],
    trigger: { trigger: "order.transition", from, to: move.to },
  });
}
