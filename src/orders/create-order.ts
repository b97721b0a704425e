// Use case: take one order in (validate, check business rules, number it, record its events).

import { createHash } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import { asOneStatement } from "../core/db/connect.js";
import type { DB } from "../core/db/schema.js";
import { isUniqueViolation } from "../core/db/unique-violation.js";
import { AppError } from "../core/errors.js";
import { changeNotice } from "../events/publish-change.js";
import { isRefused } from "../inventory/reserve-stock.js";
import { promiseForIntake } from "../planning/promise-order.js";
import { activeRules } from "../rules/active-rules.js";
import { judgeNewOrder } from "../rules/judge-order.js";
import type { ActionPlan, MatchedRule } from "../rules/model/plan-actions.js";
import { evaluationInsert, type RuleEffects, ruleEffectParts } from "../rules/write-rule-effects.js";
import { getOrderView, type OrderView, toOrderView } from "./get-order.js";
import { orderKey } from "./idempotency-keys.js";
import { loadIntakeContext, readRevisions } from "./intake-context-cache.js";
import { claimNumber, currentGuess, expectNext, forgetGuess } from "./intake-guess.js";
import { type BuiltOrder, buildOrder, intakeStatus, type OrderRequest } from "./model/build-order.js";
import { formatOrderNo, parseOrderNo, plantDay } from "./model/numbering.js";
import { allocateOrderNumbersAt, findOrderByIdempotencyKey, insertOrders, insertOrdersIf, type NoPromise, takeNumberIf } from "./store.js";

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

  try {
    return await intake(db, principal, request, { ...options, idempotencyKey: storedKey }, hash);
  } catch (error) {
    // Two retries of one request raced: the loser answers with the winner's order.
    if (isUniqueViolation(error, "orders_idempotency_key_key")) {
      const winner = await replay();
      if (winner) return winner;
    }
    throw error;
  }
}

type Options = { idempotencyKey?: string; source?: "api" | "ui" };

/** Everything an intake decides before writing, for one order number. */
async function prepareIntake(db: Kysely<DB>, request: OrderRequest, options: Options, revisions: { master: number; rules: number }) {
  const at = new Date();
  const today = plantDay(at);
  const ctx = await loadIntakeContext(db, [request.customer], [...new Set(request.lines.map((l) => l.sku))], today, revisions.master);
  const built = buildOrder(request, ctx);
  const source = options.source ?? "api";
  const customer = ctx.customers.get(request.customer)!;
  const promise = await promiseForIntake(db, built);
  const { revision, rules } = await activeRules(db, db, revisions.rules);
  const decide = (no: string) => judgeNewOrder(rules, revision, built, { orderNo: no, source, customer, items: ctx.items, today, at });
  return { at, today, source, promise, decide };
}

/** The order's rows and, for one statement with them, its evaluation, the rules' effects and the change notice. */
async function writeParts(
  db: Kysely<DB> | Transaction<DB>,
  effects: RuleEffects<BuiltOrder>,
  principal: Principal,
  options: Options & { source: "api" | "ui"; hash?: string; promisedDate?: string | null; noPromise?: NoPromise | null; lockStock: boolean },
) {
  const { orderNo, built, at } = effects;
  const evaluations = evaluationInsert([effects]);
  const ruled = await ruleEffectParts(db, [effects], principal.name, evaluations, { lockStock: options.lockStock });
  const notice = changeNotice({ kind: "order", action: "created", orderNo, customer: built.customer_code, status: intakeStatus(built) });
  return {
    order: {
      built,
      meta: { orderNo, actor: principal.name, source: options.source, idempotencyKey: options.idempotencyKey, requestHash: options.hash, at },
      promisedDate: options.promisedDate,
      noPromise: options.noPromise,
    },
    together: { parts: [evaluations, ...ruled.parts], writes: ruled.writes, ctes: ruled.ctes, also: [notice, ...(ruled.check ? [ruled.check] : [])] },
  };
}

/** Thrown inside the intake transaction when master data or rules moved since the order was judged. */
class StaleIntake extends Error {}

/**
 * Judges the order at the revisions this instance expects (or reads them, in one query) and writes it
 * with everything the rules decided. When this instance expects a number, in one statement without a
 * transaction: it writes nothing if the database disagrees on the number or the revisions, and refuses
 * itself if the stock it reserves (read just before) has moved. Otherwise, or when that happened, in a
 * transaction that checks the revisions where it takes the number and locks the stock before deciding
 * what to reserve.
 */
async function intake(
  db: Kysely<DB>,
  principal: Principal,
  request: OrderRequest,
  options: Options,
  hash: string | undefined,
  attempt = 0,
): Promise<CreateOrderResult> {
  const again = () => {
    forgetGuess(db);
    return intake(db, principal, request, options, hash, attempt + 1);
  };
  const guess = attempt > 0 ? undefined : currentGuess(db, plantDay(new Date()));
  const revisions = guess?.revisions ?? (await readRevisions(db));
  let prepared: Awaited<ReturnType<typeof prepareIntake>>;
  try {
    prepared = await prepareIntake(db, request, options, revisions);
  } catch (error) {
    // Refused on what this instance expects? Judge it again on what is in force before saying so.
    if (guess && error instanceof AppError) return again();
    throw error;
  }
  const { today, source, promise, decide } = prepared;

  // Unless another intake set a new expectation meanwhile (or the day turned).
  if (guess && currentGuess(db, today) === guess) {
    const claim = claimNumber(db); // guess.nextSeq: nothing ran in between
    try {
      const effects = decide(formatOrderNo(today, claim.seq));
      const { order, together } = await writeParts(db, effects, principal, {
        ...options,
        source,
        hash,
        promisedDate: promise?.date,
        noPromise: promise?.noPromise,
        lockStock: false,
      });
      await claim.turn;
      const stored = await asOneStatement(db, (one) => insertOrdersIf(one, takeNumberIf(today, claim.seq, revisions), [order], together));
      if (stored) {
        return { order: toOrderView(stored.orders[0], stored.lines, stored.events), replayed: false, actions: summariseActions(effects.matched, effects.plan) };
      }
    } catch (error) {
      forgetGuess(db);
      // The stock it would reserve moved since it was read: judged again, in a transaction.
      if (!isRefused(error)) throw error;
    } finally {
      claim.done();
    }
    return again();
  }

  let result: { no: string; created: CreateOrderResult };
  try {
    result = await db.transaction().execute(async (tx) => {
      const taken = await allocateOrderNumbersAt(tx, today, 1);
      if (taken.revisions.master !== revisions.master || taken.revisions.rules !== revisions.rules) throw new StaleIntake();
      const [no] = taken.numbers;
      const effects = decide(no);
      const { order, together } = await writeParts(tx, effects, principal, {
        ...options,
        source,
        hash,
        promisedDate: promise?.date,
        noPromise: promise?.noPromise,
        lockStock: true,
      });
      const stored = await insertOrders(tx, [order], together);
      return {
        no,
        created: {
          order: toOrderView(stored.orders[0], stored.lines, stored.events),
          replayed: false,
          actions: summariseActions(effects.matched, effects.plan),
        },
      };
    });
  } catch (error) {
    if (error instanceof StaleIntake && attempt < 5) return again();
    throw error;
  }
  expectNext(db, today, (parseOrderNo(result.no)?.seq ?? 0) + 1, revisions);
  return result.created;
}
