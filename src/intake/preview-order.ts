// Use case: what saving this order would do, before it is saved — its status, hold and why, the promise,
// the tasks, blocks, tags, pins and stock locks the rules would write, or the refusal intake would answer.
// Same request body as POST /api/orders; writes nothing.
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import { AppError } from "../core/errors.js";
import type { Lang } from "../core/i18n.js";
import { fromFen, toFen } from "../core/money.js";
import { planReservations } from "../inventory/reserve-stock.js";
import { intakeStatus, type OrderRequest } from "../orders/model/build-order.js";
import { summariseActions } from "./create-order.js";
import { judgeNewOrder } from "./judge-new-order.js";

/** Stands for the order number in the preview's task titles and messages: it is taken at save. */
export const PREVIEW_ORDER_NO = { zh: "〈新单号〉", en: "〈new order no.〉" } as const;

export async function previewOrder(db: Kysely<DB>, request: OrderRequest, lang: Lang) {
  const orderNo = PREVIEW_ORDER_NO[lang];
  let judged: Awaited<ReturnType<typeof judgeNewOrder>>;
  try {
    judged = await judgeNewOrder(db, request, { orderNo });
  } catch (error) {
    // What intake would refuse, said as intake would say it (a 400 or 422 there, an answer here).
    if (!(error instanceof AppError) || (error.code !== "invalid" && error.code !== "business_rule")) throw error;
    return { accepted: false as const, refusal: { ...error.toBody(lang).error, status: error.status } };
  }
  const { built, customer, facts, matched, plan, promise } = judged;
  const ruleOf = new Map(matched.map((m) => [m.id, { id: m.id, version: m.version, name: m.name }]));
  const rule = (id: number) => ruleOf.get(id) ?? { id, version: 0, name: "" };
  const headroomFen = toFen(customer.credit_limit) - toFen(customer.exposure ?? customer.open_receivables) - toFen(built.total_amount);
  const reservations = plan.reserve
    ? await planReservations(
        db,
        built.lines.map((l) => ({ orderNo, lineNo: l.line_no, sku: l.sku, qty: l.qty, kind: "soft" as const, expiresAt: null, ruleId: null })),
        { lock: false },
      )
    : null;
  const people = await assigneeNames(db, plan.tasks.flatMap((t) => [t.assigneeUser ?? "", ...t.mentions]).filter(Boolean));
  return {
    accepted: true as const,
    status: intakeStatus(built),
    // Stored only on an order taken in confirmed and not held (orders/store.ts); the plan's date either way.
    promisedDate: !built.hold && built.status === "confirmed" ? (promise?.date ?? null) : null,
    planDate: promise?.date ?? null,
    requestedDate: built.requested_date,
    totalAmount: built.total_amount,
    nonstandard: built.nonstandard,
    rush: built.rush,
    tags: built.tags,
    credit: {
      grade: customer.grade,
      limit: customer.credit_limit,
      openReceivables: customer.open_receivables,
      headroom: fromFen(headroomFen),
      exceededBy: facts.customer.creditExceeded ? fromFen(-headroomFen) : null,
    },
    hold: built.hold
      ? {
          reason: built.hold.reason,
          ownerRole: built.hold.ownerRole,
          holds: plan.holds.map((h) => ({ reason: h.reason, releasableBy: h.releasableBy, creditCheck: h.creditProvider !== undefined, rule: rule(h.ruleId) })),
        }
      : null,
    tasks: plan.tasks.map((t) => ({
      title: t.title,
      assigneeRole: t.assigneeRole,
      assigneeUser: t.assigneeUser,
      assigneeName: t.assigneeUser ? (people.get(t.assigneeUser) ?? t.assigneeUser) : null,
      mentions: t.mentions.map((m) => people.get(m) ?? m),
      rule: rule(t.ruleId),
    })),
    blocks: plan.blocks.map((b) => ({ to: b.to, reason: b.reason, untilTaskDone: b.taskIndex !== null, rule: rule(b.ruleId) })),
    reservations: reservations
      ? {
          expiresAt: plan.reserve?.expiresAt.toISOString() ?? null,
          rule: rule(plan.reserve?.ruleId ?? 0),
          lines: reservations.outcomes.map((o) => ({ lineNo: o.lineNo, sku: o.sku, requested: o.requested, reserved: o.reserved })),
        }
      : null,
    pins: plan.pins.map((p) => ({ board: p.board, colour: p.colour, rule: rule(p.ruleId) })),
    notifications: plan.notifications.map((n) => ({ toRole: n.toRole, level: n.level, message: n.message, rule: rule(n.ruleId) })),
    actions: summariseActions(matched, plan),
  };
}

export type OrderPreview = Awaited<ReturnType<typeof previewOrder>>;

async function assigneeNames(db: Kysely<DB>, usernames: string[]): Promise<Map<string, string>> {
  if (!usernames.length) return new Map();
  const rows = await db
    .selectFrom("users")
    .select(["username", "display_name"])
    .where("username", "in", [...new Set(usernames)])
    .execute();
  return new Map(rows.map((r) => [r.username, r.display_name]));
}
