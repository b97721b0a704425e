// The one way orders are taken in, shared by a single order (create-order.ts: one transaction) and a
// batch (bulk-intake.ts: one transaction per chunk). Before the transaction it reads what the orders are
// built and judged on (master data, the rules in force, the plan); in the caller's transaction it takes
// the day's numbers (gapless, decision 0004), judges each order with the rules, books its promise and
// writes the orders, their lines and events, the rules' evaluations and effects and the live change in
// one statement.
import type { Kysely, Transaction } from "kysely";
import { now } from "../core/clock.js";
import type { DB } from "../core/db/schema.js";
import { changeNotice } from "../events/publish-change.js";
import { type BuiltOrder, type IntakeContext, intakeStatus, type OrderRequest } from "../orders/model/build-order.js";
import { plantDay } from "../orders/model/numbering.js";
import { allocateOrderNumbers, insertOrders, type NewOrderMeta } from "../orders/store.js";
import { getPlanContext, type PlanContext } from "../planning/plan-state.js";
import { bookPromisesForIntake } from "../planning/promise-order.js";
import { activeRules } from "../rules/active-rules.js";
import { judgeNewOrder } from "../rules/judge-order.js";
import { evaluationInsert, ruleEffectParts } from "../rules/write-rule-effects.js";
import { readCreditedIntakeContext } from "./credited-context.js";

export interface IntakeInputs {
  at: Date;
  today: string;
  master: IntakeContext;
  rules: Awaited<ReturnType<typeof activeRules>>;
  plan: PlanContext;
}

/** What the orders of these requests are built and judged on, read before the transaction. */
export async function readIntakeInputs(db: Kysely<DB>, requests: OrderRequest[], at = now()): Promise<IntakeInputs> {
  const today = plantDay(at);
  const customers = requests.map((r) => r.customer);
  const skus = requests.flatMap((r) => r.lines.map((l) => l.sku));
  // Side by side: on a server each waits for its own connection instead of the one before it (a person's
  // order waits for fewer round trips); embedded PGlite runs them one after the other on its one connection.
  const [master, rules, plan] = await Promise.all([
    readCreditedIntakeContext(db, customers, skus, today),
    activeRules(db, db),
    getPlanContext(db, { burst: true }),
  ]);
  return { at, today, master, rules, plan };
}

export interface OrderToTake {
  built: BuiltOrder;
  /** The date of a promise hold this order converts: already booked in the plan state, so it takes that slot. */
  heldDate?: string;
  idempotencyKey?: string;
  requestHash?: string;
}

/**
 * Takes the orders in, in the caller's transaction. `live`: one change notice per order (a person's
 * order) or one for the whole chunk (a batch must not flood every open board).
 */
export async function takeIn(
  tx: Transaction<DB>,
  inputs: IntakeInputs,
  orders: OrderToTake[],
  by: { actor: string; source: NewOrderMeta["source"]; live: "per_order" | "per_batch" },
) {
  const { at, today, master, rules, plan } = inputs;
  const numbers = await allocateOrderNumbers(tx, today, orders.length);
  const judged = orders.map(({ built }, i) =>
    judgeNewOrder(rules.rules, rules.revision, built, {
      orderNo: numbers[i],
      source: by.source,
      customer: master.customers.get(built.customer_code)!,
      items: master.items,
      today,
      at,
    }),
  );
  const booked = bookPromisesForIntake(
    plan,
    judged.map((j, i) => (orders[i].heldDate ? null : j.built)),
  );
  const promised = booked.map((p, i) => {
    const heldDate = orders[i].heldDate;
    return heldDate && judged[i].built.status === "confirmed" && !judged[i].built.hold ? { date: heldDate, conditions: [], noPromise: null } : p;
  });
  const evaluations = evaluationInsert(judged);
  const ruled = await ruleEffectParts(tx, judged, by.actor, evaluations);
  const notices =
    by.live === "per_order"
      ? judged.map((j) =>
          changeNotice({ kind: "order", action: "created", orderNo: j.orderNo, customer: j.built.customer_code, status: intakeStatus(j.built) }),
        )
      : [changeNotice({ kind: "orders", action: "bulk", count: judged.length })];
  const stored = await insertOrders(
    tx,
    judged.map((j, i) => ({
      built: j.built,
      meta: { orderNo: j.orderNo, actor: by.actor, source: by.source, idempotencyKey: orders[i].idempotencyKey, requestHash: orders[i].requestHash, at },
      promisedDate: promised[i]?.date ?? null,
      noPromise: promised[i]?.noPromise ?? null,
    })),
    { parts: [evaluations, ...ruled.parts], writes: ruled.writes, also: notices },
  );
  return { judged, stored };
}
