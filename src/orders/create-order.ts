// Use case: take one order in (validate, check business rules, number it, record its events).
import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { AppError } from "../core/errors.js";
import { changeNotice } from "../events/publish-change.js";
import { promiseForIntake } from "../planning/promise-order.js";
import { activeRules, matchRules } from "../rules/active-rules.js";
import { applyPlanToOrder } from "../rules/model/apply-plan.js";
import { orderFacts } from "../rules/model/order-facts.js";
import { type ActionPlan, type MatchedRule, planActions } from "../rules/model/plan-actions.js";
import { evaluationInsert, writeRuleEffects } from "../rules/write-rule-effects.js";
import { getOrderView, type OrderView, toOrderView } from "./get-order.js";
import { loadIntakeContext, readRevisions } from "./intake-context-cache.js";
import { buildOrder, intakeStatus, type OrderRequest } from "./model/build-order.js";
import { plantDay } from "./model/numbering.js";
import { allocateOrderNumbers, findOrderByIdempotencyKey, insertOrders } from "./store.js";

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
  options: { idempotencyKey?: string; source?: "api" | "ui" } = {},
): Promise<CreateOrderResult> {
  const hash = options.idempotencyKey ? requestHash(request) : undefined;
  const replay = async (): Promise<CreateOrderResult | undefined> => {
    if (!options.idempotencyKey) return undefined;
    const existing = await findOrderByIdempotencyKey(db, options.idempotencyKey);
    if (!existing) return undefined;
    if (existing.request_hash !== hash) {
      throw new AppError("conflict", "order.idempotency_mismatch", { key: options.idempotencyKey }, "Idempotency-Key");
    }
    return { order: await getOrderView(db, existing.order_no), replayed: true, actions: [] };
  };

  const earlier = await replay();
  if (earlier) return earlier;

  const at = new Date();
  const today = plantDay(at);
  try {
    // Master data and rules are read before the transaction (their revisions in one query): the
    // transaction then holds only the number and the writes, which keeps the day's number row lock short.
    const revisions = await readRevisions(db);
    const ctx = await loadIntakeContext(db, [request.customer], [...new Set(request.lines.map((l) => l.sku))], today, revisions.master);
    const built = buildOrder(request, ctx);
    const source = options.source ?? "api";
    const customer = ctx.customers.get(request.customer)!;
    const promise = await promiseForIntake(db, built);
    const { revision, rules } = await activeRules(db, db, revisions.rules);
    const result = await db.transaction().execute(async (tx) => {
      const [no] = await allocateOrderNumbers(tx, today, 1);
      const facts = orderFacts({ ...built, orderNo: no, status: built.status, source }, customer, ctx.items, { trigger: "order.created" }, today);
      const matched = matchRules(rules, facts);
      const plan = planActions(matched, facts, at);
      const final = applyPlanToOrder(built, plan);
      const effects = { orderNo: no, built: final, facts, revision, matched, plan, at };
      const stored = await insertOrders(
        tx,
        [
          {
            built: final,
            meta: { orderNo: no, actor: principal.name, source, idempotencyKey: options.idempotencyKey, requestHash: hash, at },
            promisedDate: promise?.date,
          },
        ],
        {
          parts: [evaluationInsert([effects])],
          also: [changeNotice({ kind: "order", action: "created", orderNo: no, customer: final.customer_code, status: intakeStatus(final) })],
        },
      );
      await writeRuleEffects(tx, [effects], principal.name, stored.ids[0]);
      return { order: toOrderView(stored.orders[0], stored.lines, stored.events), replayed: false, actions: summariseActions(matched, plan) };
    });
    // Booked in this instance's plan state only once the order exists, so the next promise sees it.
    if (result.order.promisedDate) promise?.commit();
    return result;
  } catch (error) {
    // Two retries of one request raced: the loser answers with the winner's order.
    if (isUniqueViolation(error, "orders_idempotency_key_key")) {
      const winner = await replay();
      if (winner) return winner;
    }
    throw error;
  }
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string; message?: string };
  if (e?.code !== "23505") return false;
  return !constraint || e.constraint === constraint || (e.message ?? "").includes(constraint);
}
