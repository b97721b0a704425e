// Use case: what would this rule (as stored, or as being edited) have matched and done for the orders
// taken in between two days? Reads only: nothing is written, whatever the rule says.
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import { AppError } from "../core/errors.js";
import { plantDay } from "../core/plant-day.js";
import type { BuiltOrder } from "../orders/model/build-order.js";
import { compileRule } from "./active-rules.js";
import { judgeOrder } from "./judge-order.js";
import type { ActiveRule } from "./model/definition.js";
import { parseRule } from "./parse-rule.js";
import { getRuleView } from "./rule-views.js";

const MAX_ORDERS = 50_000;

/** The dry-run of a rule on another trigger than the order's (e.g. visit.recorded), plugged in by the app assembly. */
export type TriggerDryRun = (
  db: Kysely<DB>,
  rule: ActiveRule,
  range: { from: string; to: string },
) => Promise<{ ordersExamined: number; matched: number; matches: { actions: { type: string; detail: unknown }[] }[] }>;

export async function dryRunRule(
  db: Kysely<DB>,
  id: number,
  range: { from: string; to: string },
  draft?: unknown,
  otherTriggers: Partial<Record<string, TriggerDryRun>> = {},
) {
  if (range.to < range.from) throw new AppError("invalid", "rule.range_order", { field: "to", from: range.from, to: range.to }, "to");
  const stored = await getRuleView(db, id);
  const { name, description, trigger, condition, priority, enabled, actions } = stored;
  const current = { name, description, trigger, condition, priority, enabled, actions };
  const definition = parseRule(draft === undefined ? current : { ...current, ...(draft as object) });
  const rule = compileRule(id, stored.version + (draft === undefined ? 0 : 1), { ...definition, enabled: true });
  const other = otherTriggers[definition.trigger.event];
  if (other) return { ruleId: id, version: rule.version, draft: draft !== undefined, ...range, ...(await other(db, rule, range)) };
  const orders = await db
    .selectFrom("orders")
    .selectAll()
    .where("created_at", ">=", new Date(`${range.from}T00:00:00+08:00`))
    .where("created_at", "<", new Date(new Date(`${range.to}T00:00:00+08:00`).getTime() + 86_400_000))
    .orderBy("created_at")
    .limit(MAX_ORDERS)
    .execute();
  const orderNos = orders.map((o) => o.order_no);
  const [lines, customers, items] = orderNos.length
    ? await Promise.all([
        db.selectFrom("order_lines").selectAll().where("order_no", "in", orderNos).execute(),
        db.selectFrom("customers").select(["code", "grade", "credit_limit", "open_receivables"]).execute(),
        db.selectFrom("items").select(["sku", "family", "kind"]).execute(),
      ])
    : [[], [], []];
  const linesOf = new Map<string, typeof lines>();
  for (const l of lines) linesOf.set(l.order_no, [...(linesOf.get(l.order_no) ?? []), l]);
  const customerOf = new Map(customers.map((c) => [c.code, c]));
  const itemOf = new Map(items.map((i) => [i.sku, i]));

  // Each order is examined as if the rule's own event had just happened to it.
  const on = rule.definition.trigger;
  const asIfEvent = { trigger: on.event, changedFields: on.fields ?? [], to: on.to?.[0] ?? null };
  const matches = [];
  for (const o of orders) {
    const built = {
      total_amount: o.total_amount,
      rush: o.rush,
      tags: o.tags,
      requested_date: o.requested_date,
      nonstandard: o.nonstandard,
      lines: (linesOf.get(o.order_no) ?? []).map((l) => ({ ...l, params: l.params as BuiltOrder["lines"][number]["params"] })),
    };
    const day = plantDay(o.created_at);
    // As the order looked when it was taken in: confirmed on intake, the day it came.
    const { matched, plan } = judgeOrder(
      [rule],
      { ...built, orderNo: o.order_no, status: "confirmed", source: o.source },
      {
        customer: customerOf.get(o.customer_code)!,
        items: itemOf,
        event: asIfEvent,
        today: day,
        at: o.created_at,
      },
    );
    if (!matched.length) continue;
    matches.push({
      orderNo: o.order_no,
      customer: o.customer_code,
      createdAt: o.created_at.toISOString(),
      amount: o.total_amount,
      actions: plan.log.map((l) => ({ type: l.type, detail: l.detail })),
    });
  }
  return {
    ruleId: id,
    version: rule.version,
    draft: draft !== undefined,
    from: range.from,
    to: range.to,
    ordersExamined: orders.length,
    matched: matches.length,
    matches,
  };
}
