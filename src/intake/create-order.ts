// Use case: take one order in (validate, check business rules, number it, record its events), in one
// transaction on the path it shares with bulk intake (take-in.ts).

import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { isUniqueViolation } from "../core/db/unique-violation.js";
import { AppError } from "../core/errors.js";
import { getOrderView, type OrderView, toOrderView } from "../orders/get-order.js";
import { buildOrder, type OrderRequest } from "../orders/model/build-order.js";
import { findOrderByIdempotencyKey } from "../orders/store.js";
import type { ActionPlan, MatchedRule } from "../rules/model/plan-actions.js";
import { orderKey } from "./idempotency-keys.js";
import { noteSingleOrder } from "./people-waiting.js";
import { readIntakeInputs, takeIn } from "./take-in.js";

export interface CreateOrderResult {
  order: OrderView;
  replayed: boolean;
  /** What the rules did on intake (empty on a replay: they acted the first time). */
  actions: ActionSummary[];
}

export interface ActionSummary {
  rule: string;
  ruleId: number;
  ruleVersion: number;
  type: string;
  status: string;
  detail: Record<string, unknown>;
}

export function summariseActions(matched: MatchedRule[], plan: ActionPlan): ActionSummary[] {
  const names = new Map(matched.map((m) => [m.id, m.name]));
  return plan.log.map((l) => ({
    rule: names.get(l.ruleId) ?? "",
    ruleId: l.ruleId,
    ruleVersion: l.ruleVersion,
    type: l.type,
    status: l.status,
    detail: l.detail,
  }));
}

export function requestHash(body: unknown): string {
  return createHash("sha256").update(JSON.stringify(body)).digest("hex");
}

export async function createOrder(
  db: Kysely<DB>,
  principal: Principal,
  request: OrderRequest,
  options: { idempotencyKey?: string; source?: "api" | "ui"; heldDate?: string } = {},
): Promise<CreateOrderResult> {
  const hash = options.idempotencyKey ? requestHash(request) : undefined;
  // Stored scoped to the caller: another caller's equal key is another order.
  const storedKey = options.idempotencyKey ? orderKey(principal, options.idempotencyKey) : undefined;
  const replay = async (): Promise<CreateOrderResult | undefined> => {
    if (!storedKey) return undefined;
    const existing = await findOrderByIdempotencyKey(db, storedKey);
    if (!existing) return undefined;
    if (existing.request_hash !== hash) {
      throw new AppError("conflict", "order.idempotency_mismatch", { key: options.idempotencyKey ?? "" }, "Idempotency-Key");
    }
    return { order: await getOrderView(db, existing.order_no), replayed: true, actions: [] };
  };

  const earlier = await replay();
  if (earlier) return earlier;
  noteSingleOrder();

  const inputs = await readIntakeInputs(db, [request]);
  const built = buildOrder(request, inputs.master);
  try {
    const { judged, stored } = await db.transaction().execute((tx) =>
      takeIn(tx, inputs, [{ built, idempotencyKey: storedKey, requestHash: hash, heldDate: options.heldDate }], {
        actor: principal.name,
        source: options.source ?? "api",
        live: "per_order",
      }),
    );
    const [taken] = judged;
    return { order: toOrderView(stored.orders[0], stored.lines, stored.events), replayed: false, actions: summariseActions(taken.matched, taken.plan) };
  } catch (error) {
    // Two retries of one request raced: the loser answers with the winner's order.
    if (isUniqueViolation(error, "orders_idempotency_key_key")) {
      const winner = await replay();
      if (winner) return winner;
    }
    throw error;
  }
}
