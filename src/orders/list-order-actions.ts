// Use case: what the caller may do to an order now, each with its label and the fields it asks for
// (the pure model decides; this reads what it needs). Hold and release carry the customer's credit
// exposure so finance decides on the figures, not from memory.
import type { Kysely } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import { hasPermission } from "../core/auth/roles.js";
import type { DB } from "../core/db/schema.js";
import { notFound } from "../core/errors.js";
import { type Lang, translate } from "../core/i18n.js";
import { fromFen, toFen } from "../core/money.js";
import { isTaskFor, openReviewTasks } from "../tasks/store.js";
import { orderHooks } from "./hooks.js";
import { FIELD_RULES, LINE_RULE, mayChangeField, mayChangeLines, type OrderPatch } from "./model/field-rules.js";
import { isOrderStatus, OPEN_STATUSES, type OrderStatus } from "./model/lifecycle.js";
import { orderActions } from "./model/order-actions.js";
import { shippingState } from "./shipped-lines.js";
import { getOrderRow } from "./store.js";

export async function listOrderActions(db: Kysely<DB>, principal: Principal, orderNo: string, lang: Lang) {
  const row = await getOrderRow(db, orderNo);
  if (!row) throw notFound("order.not_found", { orderNo }, "orderNo");
  const status = row.status as OrderStatus;
  const [blocks, link, reviews, shipping] = await Promise.all([
    db.selectFrom("order_blocks").select(["to_status", "releasable_by"]).where("order_no", "=", orderNo).where("cleared_at", "is", null).execute(),
    db
      .selectFrom("status_links")
      .select("id")
      .where("order_no", "=", orderNo)
      .where("revoked_at", "is", null)
      .where("expires_at", ">", new Date())
      .executeTakeFirst(),
    openReviewTasks(db, { orderNo }),
    shippingState(db, orderNo),
  ]);
  const mine = reviews.filter((t) => isTaskFor(principal, t));
  const editableFields = Object.entries(FIELD_RULES)
    .filter(([field, rule]) => mayChangeField(principal.roles, field as keyof OrderPatch) && rule.statuses.includes(status))
    .map(([field]) => field);
  const planned = orderActions({
    status,
    heldFrom: row.held_from && isOrderStatus(row.held_from) ? row.held_from : null,
    blocks: blocks.map((b) => ({ toStatus: b.to_status, releasableBy: b.releasable_by })),
    roles: principal.roles,
    activeLink: !!link,
    reviewTasks: mine.map((t) => t.id),
    editableFields,
    unitsToShip: shipping.remaining.reduce((n, r) => n + r.qty, 0),
    linesEditable: mayChangeLines(principal.roles) && LINE_RULE.statuses.includes((status === "on_hold" ? row.held_from : status) as OrderStatus),
  });
  const wantsExposure = planned.some((a) => a.action === "release" || a.action === "hold") && hasPermission(principal.roles, "customers.read");
  const exposure = wantsExposure ? await creditExposure(db, row.customer_code, orderNo, row.total_amount) : undefined;
  return planned.map((a) => {
    const task = a.taskId ? mine.find((t) => t.id === a.taskId) : undefined;
    return {
      action: a.action,
      label: translate(lang, `action.${a.action}`, { title: task?.title ?? "" }),
      needs: a.needs,
      route: a.route,
      ...(a.to ? { to: a.to } : {}),
      ...(a.taskId ? { taskId: a.taskId } : {}),
      ...((a.action === "release" || a.action === "hold") && exposure ? { exposure } : {}),
    };
  });
}

/** The customer's credit limit against what they owe, their other open orders and this order. */
async function creditExposure(db: Kysely<DB>, customer: string, orderNo: string, thisOrder: string) {
  const [c, open] = await Promise.all([
    db.selectFrom("customers").select(["code", "name", "credit_limit", "open_receivables"]).where("code", "=", customer).executeTakeFirstOrThrow(),
    db
      .selectFrom("orders")
      .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.coalesce(eb.fn.sum<string>("total_amount"), eb.val("0")).as("amount")])
      .where("customer_code", "=", customer)
      .where("order_no", "!=", orderNo)
      .where("status", "in", OPEN_STATUSES)
      .executeTakeFirstOrThrow(),
  ]);
  const openFen = toFen(String(open.amount));
  // Finance's exposure when its ledger answers: receivables + shipped not invoiced + committed orders.
  const ledger = await orderHooks.creditExposure(db, customer, orderNo);
  if (ledger) {
    return {
      customer: c.code,
      customerName: c.name,
      creditLimit: ledger.limit,
      openReceivables: ledger.receivables,
      unbilled: ledger.unbilled,
      openOrders: ledger.openOrders,
      openOrderCount: Number(open.n),
      exposure: ledger.exposure,
      thisOrder,
      headroom: fromFen(toFen(ledger.limit) - toFen(ledger.exposure) - toFen(thisOrder)),
    };
  }
  const headroom = toFen(c.credit_limit) - toFen(c.open_receivables) - openFen - toFen(thisOrder);
  return {
    customer: c.code,
    customerName: c.name,
    creditLimit: c.credit_limit,
    openReceivables: c.open_receivables,
    openOrders: fromFen(openFen),
    openOrderCount: Number(open.n),
    thisOrder,
    headroom: fromFen(headroom),
  };
}
