// Runs the rules that listen to an event on an order that is already stored (a change, a transition, an
// overdue task, a stock change, a schedule), inside the transaction of that event. What they change on the
// order goes through the orders capability's one door (orders/apply-order-change.ts, without a trigger, so
// rules never fire rules); the rest of their effects through `writeRuleEffects`. The orders capability
// reaches `runOrderRules` through its `OrderHooks.changed` port (plugged in by src/app.ts).
import type { Kysely, Transaction } from "kysely";
import { now } from "../core/clock.js";
import type { DB } from "../core/db/schema.js";
import { plantDay } from "../core/plant-day.js";
import { withCreditBasis } from "../finance/credit-basis.js";
import { applyOrderChange, type OrderChange } from "../orders/apply-order-change.js";
import { OPEN_STATUSES, type OrderStatus } from "../orders/model/lifecycle.js";
import type { ParamValues } from "../orders/model/params.js";
import { getOrderLines, getOrderRow, type OrderRow } from "../orders/store.js";
import { activeRules } from "./active-rules.js";
import { judgeOrder } from "./judge-order.js";
import { type StoredOrderChanges, storedOrderChanges } from "./model/apply-plan.js";
import type { Trigger } from "./model/facts.js";
import { type RuleEffects, writeRuleEffects } from "./write-rule-effects.js";

export interface RuleEvent {
  trigger: Trigger;
  changedFields?: string[];
  from?: string | null;
  to?: string | null;
}

export interface RuleRunResult {
  evaluated: boolean;
  matched: { id: number; version: number; name: string }[];
}

/** The stored order as the rules see it: its row (locked by the caller) and its lines (read only when a rule listens). */
export interface StoredOrder {
  order_no: string;
  status: string;
  held_from: string | null;
  source: string;
  customer_code: string;
  total_amount: string;
  rush: boolean;
  tags: string[];
  note: string;
  priority: number;
  requested_date: string | null;
  nonstandard: boolean;
  lines: { line_no: number; sku: string; qty: number; nonstandard: boolean; params: unknown }[];
}

export interface StoredJudgement {
  /** The order-level changes to write (the caller writes them, with their events). */
  changes: StoredOrderChanges;
  /** Who decided: the matched rules, `rule:<id>@v<version>` joined by commas ("rules" when none matched). */
  actor: string;
  /** The evaluation and the actions' effects, for `writeRuleEffects`. */
  effects: RuleEffects;
  result: RuleRunResult;
}

/**
 * The judgement of the enabled rules listening to `event` on a stored order, or undefined when none listens.
 * `cacheKey`: the pool-level Kysely instance (compiled rules are cached per instance and revision).
 */
export async function judgeStoredOrder(
  tx: Transaction<DB>,
  cacheKey: Kysely<DB>,
  order: Omit<StoredOrder, "lines">,
  readLines: () => Promise<StoredOrder["lines"]>,
  event: RuleEvent,
  options: { at?: Date; onlyRuleIds?: number[] } = {},
): Promise<StoredJudgement | undefined> {
  const { revision, rules } = await activeRules(tx, cacheKey);
  const listening = rules.filter((r) => r.definition.trigger.event === event.trigger && (!options.onlyRuleIds || options.onlyRuleIds.includes(r.id)));
  if (!listening.length) return undefined;
  const at = options.at ?? now();
  const lines = await readLines();
  const [[customer], items] = await Promise.all([
    tx
      .selectFrom("customers")
      .select(["code", "grade", "credit_limit", "open_receivables"])
      .where("code", "=", order.customer_code)
      .execute()
      .then((rows) => withCreditBasis(tx, rows, order.order_no)),
    tx
      .selectFrom("items")
      .select(["sku", "family", "kind"])
      .where("sku", "in", lines.length ? [...new Set(lines.map((l) => l.sku))] : [""])
      .execute(),
  ]);
  const stored = { ...order, orderNo: order.order_no, lines: lines.map((l) => ({ ...l, params: l.params as ParamValues })) };
  const { facts, matched, plan } = judgeOrder(listening, stored, { customer, items: new Map(items.map((i) => [i.sku, i])), event, today: plantDay(at), at });

  // Stock is soft-locked once per open order: a second lock would take the same stock twice.
  if (plan.reserve) {
    const open = OPEN_STATUSES.includes(order.status as OrderStatus);
    const locked = await tx.selectFrom("reservations").select("id").where("order_no", "=", order.order_no).where("status", "=", "active").executeTakeFirst();
    if (!open || locked) {
      const entry = plan.log[plan.reserve.logIndex];
      plan.log[plan.reserve.logIndex] = { ...entry, status: "skipped", detail: { ...entry.detail, why: open ? "already_reserved" : "order_closed" } };
      plan.reserve = null;
    }
  }

  const changes = storedOrderChanges({ ...order, status: order.status as OrderStatus, customerGrade: customer.grade }, plan);
  const actor = matched.map((m) => `rule:${m.id}@v${m.version}`).join(",") || "rules";
  return {
    changes,
    actor,
    effects: { orderNo: order.order_no, built: stored, facts, revision, matched, plan, at },
    result: { evaluated: true, matched: matched.map((m) => ({ id: m.id, version: m.version, name: m.name })) },
  };
}

/**
 * Runs the rules listening to `event` on a stored order whose row the caller locked, and writes what they
 * decide: the order's own changes through `applyOrderChange` (no further rules), then the rest of their
 * effects (evaluation, action log, tasks, holds, reservations, outbox).
 */
export async function runOrderRules(
  tx: Transaction<DB>,
  cacheKey: Kysely<DB>,
  row: OrderRow,
  event: RuleEvent,
  options: { at?: Date; onlyRuleIds?: number[] } = {},
): Promise<RuleRunResult & { row: OrderRow }> {
  const judged = await judgeStoredOrder(tx, cacheKey, row, () => getOrderLines(tx, row.order_no), event, options);
  if (!judged) return { evaluated: false, matched: [], row };
  const { changes, effects } = judged;
  let stored = row;
  if (Object.keys(changes.columns).length) {
    const events: OrderChange["events"] = [];
    if (Object.keys(changes.diff).length) events.push({ kind: "changed", data: changes.diff });
    if (changes.hold) {
      events.push({
        kind: "transition",
        actor: changes.hold.rules.map((r) => `rule:${r.id}@v${r.version}`).join(","),
        from: changes.hold.from,
        to: "on_hold",
        reason: changes.hold.reason,
        data: { rules: changes.hold.rules, trigger: event.trigger },
      });
    }
    stored = await applyOrderChange(tx, cacheKey, row, { actor: judged.actor, columns: changes.columns, events, trigger: null, at: effects.at });
  }
  await writeRuleEffects(tx, [effects], judged.actor);
  return { ...judged.result, row: stored };
}

/** Runs the rules listening to a non-order event (stock, an overdue task, a schedule) on one order. */
export async function runRulesOnOrder(
  tx: Transaction<DB>,
  cacheKey: Kysely<DB>,
  orderNo: string,
  event: RuleEvent,
  options: { at?: Date; onlyRuleIds?: number[] } = {},
): Promise<RuleRunResult> {
  const row = await getOrderRow(tx, orderNo, true);
  if (!row) return { evaluated: false, matched: [] };
  const { row: _row, ...result } = await runOrderRules(tx, cacheKey, row, event, options);
  return result;
}
