// Writes what the rules decided for a batch of newly written orders, in the same transaction:
// the evaluation (facts + matches), each action's log row, tasks, notifications, holds and blocks,
// pins, reservations, and outbox messages for the outside world (robots, credit provider).
import { sql, type Transaction } from "kysely";
import { runTogether, type TogetherWrite, type UnnestInsert, unnestPart } from "../core/db/insert-unnest.js";
import type { DB } from "../core/db/schema.js";
import { planReservations, type ReservationRequest } from "../inventory/reserve-stock.js";
import { statusLinkParts } from "../status-links/status-links.js";
import type { OrderFacts } from "./model/facts.js";
import type { ActionPlan, MatchedRule } from "./model/plan-actions.js";

/** The lines to reserve and the amount a credit check asks about. */
export interface OrderForEffects {
  lines: { line_no: number; sku: string; qty: number }[];
  total_amount: string;
}

export interface RuleEffects<Built extends OrderForEffects = OrderForEffects> {
  orderNo: string;
  built: Built;
  facts: OrderFacts;
  revision: number;
  matched: MatchedRule[];
  plan: ActionPlan;
  at: Date;
}

const json = (v: unknown) => JSON.stringify(v);

/** The evaluations' log rows, to insert on their own or in one statement with the orders they judged. */
export function evaluationInsert(batch: RuleEffects<OrderForEffects>[]) {
  return unnestPart({
    table: "rule_evaluations",
    columns: { order_no: "text", trigger: "text", at: "timestamptz", revision: "bigint", facts: "jsonb", matched: "jsonb" },
    rows: batch.map((e) => ({
      order_no: e.orderNo,
      trigger: e.facts.event.trigger,
      at: e.at,
      revision: e.revision,
      facts: json(e.facts),
      matched: json(e.matched.map((m) => ({ ruleId: m.id, version: m.version }))),
    })),
    returningId: true,
  });
}

/** Writes the evaluations and their effects in one statement (after locking the stock they reserve). */
export async function writeRuleEffects(tx: Transaction<DB>, batch: RuleEffects<OrderForEffects>[], actor: string) {
  if (!batch.length) return;
  const evaluations = evaluationInsert(batch);
  const effects = await ruleEffectParts(tx, batch, actor, evaluations);
  await runTogether(tx, { parts: [evaluations, ...effects.parts], writes: effects.writes });
}

/** The writes of a batch's rule effects, to run in one statement (see `runTogether`). */
export interface EffectParts {
  /** Insert parts, after `evaluations` (which they reference) in the statement. */
  parts: UnnestInsert[];
  writes: TogetherWrite[];
}

/**
 * What the rules decided for a batch, as insert parts that name the batch's evaluations by their row in
 * `evaluations` (the evaluation of `batch[i]` is its row i). The stock they reserve is locked now, in the
 * caller's transaction (see `planReservations`).
 */
export async function ruleEffectParts(
  tx: Transaction<DB>,
  batch: RuleEffects<OrderForEffects>[],
  actor: string,
  evaluations: UnnestInsert,
): Promise<EffectParts> {
  const withActions = batch.map((e, i) => ({ ...e, evaluationAt: i })).filter((e) => e.plan.log.length);
  if (!withActions.length) return { parts: [], writes: [] };

  // Stock is reserved first, so each action's log row is written once, with what was locked.
  const reservations: ReservationRequest[] = withActions.flatMap((e) =>
    e.plan.reserve
      ? e.built.lines.map((l) => ({
          orderNo: e.orderNo,
          lineNo: l.line_no,
          sku: l.sku,
          qty: l.qty,
          kind: "soft" as const,
          expiresAt: e.plan.reserve?.expiresAt ?? null,
          ruleId: e.plan.reserve?.ruleId ?? null,
        }))
      : [],
  );
  const reserved = await planReservations(tx, reservations, { lock: true });
  const outcomes = reserved.outcomes;
  const outcomesOf = new Map<string, typeof outcomes>();
  for (const o of outcomes) outcomesOf.set(o.orderNo, [...(outcomesOf.get(o.orderNo) ?? []), o]);

  // Rows name rows written in the same statement by their index there: the action log its evaluation,
  // a block its task, an outbox message its action (and its block or status link).
  const taskRows = withActions.flatMap((e) => e.plan.tasks.map((t, index) => ({ e, t, index })));
  const taskAt = new Map(taskRows.map(({ e, index }, at) => [`${e.orderNo}|${index}`, at]));
  // Where each order's action log rows start among the statement's rule_actions rows.
  const logStart: number[] = [];
  let logRowCount = 0;
  for (const e of withActions) {
    logStart.push(logRowCount);
    logRowCount += e.plan.log.length;
  }
  const blockRows = withActions.flatMap((e) => [
    ...e.plan.holds.map((h) => ({
      e,
      to: "*",
      reason: h.reason,
      releasable: h.releasableBy,
      ruleId: h.ruleId,
      ruleVersion: h.ruleVersion,
      taskAt: null,
      hold: h,
    })),
    ...e.plan.blocks.map((b) => ({
      e,
      to: b.to,
      reason: b.reason,
      releasable: [] as string[],
      ruleId: b.ruleId,
      ruleVersion: b.ruleVersion,
      taskAt: b.taskIndex === null ? null : (taskAt.get(`${e.orderNo}|${b.taskIndex}`) ?? null),
      hold: null,
    })),
  ]);
  const actionsPart = unnestPart({
    table: "rule_actions",
    columns: {
      evaluation_id: "bigint",
      order_no: "text",
      rule_id: "bigint",
      rule_version: "int",
      action_index: "int",
      type: "text",
      status: "text",
      detail: "jsonb",
      at: "timestamptz",
    },
    rows: withActions.flatMap((e) =>
      e.plan.log.map((l, li) => ({
        evaluation_id: e.evaluationAt,
        order_no: e.orderNo,
        rule_id: l.ruleId,
        rule_version: l.ruleVersion,
        action_index: l.actionIndex,
        type: l.type,
        status: l.status,
        detail: json(e.plan.reserve?.logIndex === li ? { ...l.detail, lines: outcomesOf.get(e.orderNo) ?? [] } : l.detail),
        at: e.at,
      })),
    ),
    refs: { evaluation_id: evaluations },
    returningId: true,
  });
  const tasksPart = unnestPart({
    table: "tasks",
    columns: {
      title: "text",
      order_no: "text",
      assignee_role: "text",
      assignee_user: "text",
      mentions: "text[]",
      due_at: "timestamptz",
      rule_id: "bigint",
      rule_version: "int",
      created_by: "text",
      created_at: "timestamptz",
    },
    rows: taskRows.map(({ e, t }) => ({
      title: t.title,
      order_no: e.orderNo,
      assignee_role: t.assigneeRole,
      assignee_user: t.assigneeUser,
      mentions: t.mentions,
      due_at: t.dueAt,
      rule_id: t.ruleId,
      rule_version: t.ruleVersion,
      created_by: actor,
      created_at: e.at,
    })),
    returningId: true,
  });
  const blocksPart = unnestPart({
    table: "order_blocks",
    columns: {
      order_no: "text",
      to_status: "text",
      reason: "text",
      releasable_by: "text[]",
      rule_id: "bigint",
      rule_version: "int",
      task_id: "int",
      created_at: "timestamptz",
    },
    rows: blockRows.map((b) => ({
      order_no: b.e.orderNo,
      to_status: b.to,
      reason: b.reason,
      releasable_by: b.releasable,
      rule_id: b.ruleId,
      rule_version: b.ruleVersion,
      task_id: b.taskAt,
      created_at: b.e.at,
    })),
    refs: { task_id: tasksPart },
    returningId: true,
  });
  // Status links are made now (the link exists with the order's change); telling people goes through the outbox.
  const links = withActions.flatMap((e, i) => e.plan.statusLinks.map((l) => ({ e, l, actionAt: logStart[i] + l.logIndex })));
  const newLinks = statusLinkParts(links.map(({ e, l }) => ({ orderNo: e.orderNo, expiresAt: l.expiresAt, actor })));
  const outbox = [
    ...withActions.flatMap((e, i) =>
      e.plan.robots.map((r) => ({
        topic: "robot",
        payload: json({ webhook: r.webhook, channels: r.channels, message: r.message, level: r.level, orderNo: e.orderNo }),
        order_no: e.orderNo,
        rule_action_id: logStart[i] + r.logIndex,
        block_at: null as number | null,
        link_at: null as number | null,
      })),
    ),
    ...blockRows.flatMap((b, blockAt) => {
      if (!b.hold?.creditProvider) return [];
      const e = b.e;
      return [
        {
          topic: "credit_check",
          // blockId: the block's new id, set by the statement.
          payload: json({
            provider: b.hold.creditProvider,
            orderNo: e.orderNo,
            customer: {
              code: e.facts.customer.code,
              creditLimit: e.facts.customer.creditLimit.toFixed(2),
              openReceivables: e.facts.customer.openReceivables.toFixed(2),
            },
            amount: e.built.total_amount,
          }),
          order_no: e.orderNo,
          rule_action_id: logStart[withActions.indexOf(e)] + b.hold.logIndex,
          block_at: blockAt as number | null,
          link_at: null as number | null,
        },
      ];
    }),
    ...links.map(({ e, l, actionAt }, linkAt) => ({
      topic: "status_link",
      // linkId: the link's new id, set by the statement.
      payload: json({ orderNo: e.orderNo, toRole: l.toRole, webhook: l.webhook }),
      order_no: e.orderNo,
      rule_action_id: actionAt,
      block_at: null as number | null,
      link_at: linkAt as number | null,
    })),
  ];
  const parts = [
    actionsPart,
    tasksPart,
    unnestPart({
      table: "notifications",
      columns: { to_role: "text", level: "text", message: "text", order_no: "text", rule_id: "bigint", created_at: "timestamptz" },
      rows: withActions.flatMap((e) =>
        e.plan.notifications.map((n) => ({
          to_role: n.toRole,
          level: n.level,
          message: n.message,
          order_no: e.orderNo,
          rule_id: n.ruleId,
          created_at: e.at,
        })),
      ),
    }),
    unnestPart({
      table: "order_pins",
      columns: { order_no: "text", board: "text", colour: "text", rule_id: "bigint", created_at: "timestamptz" },
      rows: withActions.flatMap((e) =>
        e.plan.pins.map((p) => ({ order_no: e.orderNo, board: p.board, colour: p.colour, rule_id: p.ruleId, created_at: e.at })),
      ),
      onConflict: sql`on conflict (order_no, board) do update set colour = excluded.colour, rule_id = excluded.rule_id`,
    }),
    reserved.rows,
    blocksPart,
    newLinks.part,
    unnestPart({
      table: "outbox",
      columns: { topic: "text", payload: "jsonb", order_no: "text", rule_action_id: "bigint" },
      rows: outbox,
      refs: { rule_action_id: actionsPart },
      jsonIds: [
        { column: "payload", key: "blockId", at: "block_at", part: blocksPart },
        { column: "payload", key: "linkId", at: "link_at", part: newLinks.part },
      ],
    }),
  ];
  return { parts, writes: [...(reserved.write ? [reserved.write] : []), ...newLinks.writes] };
}
