// Use case: a fresh demo opens on a working morning — about twenty orders taken in through the real
// intake (validated, promised, judged by the rules in force: holds, review tasks, pins, soft locks), and
// the few tasks people left each other (the warehouse, customer service and sales get theirs from
// colleagues, not from rules). Run once, right after the demo plant and the default rules are loaded.
import type { Kysely } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { withCreditBasis } from "../finance/credit-basis.js";
import { createOrder } from "../intake/create-order.js";
import { OPEN_STATUSES } from "../orders/model/lifecycle.js";
import { plantDay } from "../orders/model/numbering.js";
import type { ParamSchema } from "../orders/model/params.js";
import { morningRequests } from "./morning-orders.js";

export interface MorningSummary {
  orders: number;
  held: number;
  reviews: number;
  pinned: number;
  tasksByRole: Record<string, number>;
}

export async function takeMorningOrders(db: Kysely<DB>, now = new Date()): Promise<MorningSummary> {
  const today = plantDay(now);
  const [customers, items, sales] = await Promise.all([
    db.selectFrom("customers").select(["code", "grade", "credit_limit", "open_receivables"]).execute(),
    db.selectFrom("items").select(["sku", "unit_price", "param_schema"]).where("kind", "=", "finished").execute(),
    db.selectFrom("users").select(["id", "username", "roles"]).where("username", "=", "sales").executeTakeFirst(),
  ]);
  const taker: Principal = sales
    ? { kind: "user", id: sales.id, name: sales.username, roles: ["sales"] }
    : { kind: "user", id: 0, name: "system", roles: ["admin"] };
  const requests = morningRequests(
    await withCreditBasis(db, customers),
    items.map((i) => ({ ...i, param_schema: i.param_schema as ParamSchema })),
    today,
  );
  const taken: { orderNo: string; customer: string; status: string; rush: boolean; requestedDate: string | null }[] = [];
  for (const request of requests) {
    const { order } = await createOrder(db, taker, request, { source: "ui" });
    taken.push({ orderNo: order.orderNo, customer: order.customer, status: order.status, rush: order.rush, requestedDate: order.requestedDate });
  }
  await peoplesTasks(db, taken, today, now);
  return summarise(
    db,
    taken.map((t) => t.orderNo),
  );
}

/** Tasks colleagues leave each other about the morning's orders and the late ones. */
async function peoplesTasks(
  db: Kysely<DB>,
  taken: { orderNo: string; customer: string; status: string; rush: boolean; requestedDate: string | null }[],
  today: string,
  now: Date,
) {
  const names = new Map((await db.selectFrom("customers").select(["code", "name"]).execute()).map((c) => [c.code, c.name]));
  const name = (code: string) => names.get(code) ?? code;
  const late = await db
    .selectFrom("orders")
    .select(["order_no", "customer_code", "promised_date"])
    .where("status", "in", OPEN_STATUSES)
    .where("promised_date", "<", today)
    .orderBy("promised_date")
    .orderBy("order_no")
    .limit(2)
    .execute();
  const inHours = (h: number) => new Date(now.getTime() + h * 3600_000);
  const tasks = [
    // The warehouse stages the rush orders due in three days (their stock is soft-locked).
    ...taken
      .filter((o) => o.rush && o.status !== "on_hold")
      .slice(0, 2)
      .map((o) => ({
        title: `加急备货：${o.orderNo}（${name(o.customer)}）交期 ${o.requestedDate}`,
        order_no: o.orderNo,
        role: "warehouse",
        by: "planner",
        due: inHours(6),
      })),
    // Customer service calls back the customers whose orders are late (else a held customer of the morning).
    ...(late.length
      ? late.map((o) => ({
          title: `回电 ${name(o.customer_code)}：${o.order_no} 已过承诺交期 ${o.promised_date}，告知新进度`,
          order_no: o.order_no,
          role: "service",
          by: "sales",
          due: inHours(4),
        }))
      : taken
          .filter((o) => o.status === "on_hold")
          .slice(0, 1)
          .map((o) => ({
            title: `告知 ${name(o.customer)}：${o.orderNo} 暂停待财务审批`,
            order_no: o.orderNo,
            role: "service",
            by: "finance",
            due: inHours(4),
          }))),
    // Sales agrees a payment plan with the customers held for credit.
    ...taken
      .filter((o) => o.status === "on_hold")
      .slice(0, 2)
      .map((o) => ({
        title: `与 ${name(o.customer)} 确认付款计划：${o.orderNo} 超信用额度`,
        order_no: o.orderNo,
        role: "sales",
        by: "finance",
        due: inHours(8),
      })),
  ];
  if (!tasks.length) return;
  await db
    .insertInto("tasks")
    .values(
      tasks.map((t) => ({
        title: t.title,
        order_no: t.order_no,
        assignee_role: t.role,
        assignee_user: null,
        mentions: [],
        due_at: t.due,
        rule_id: null,
        rule_version: null,
        created_by: t.by,
        created_at: now,
      })),
    )
    .execute();
}

async function summarise(db: Kysely<DB>, orderNos: string[]): Promise<MorningSummary> {
  if (!orderNos.length) return { orders: 0, held: 0, reviews: 0, pinned: 0, tasksByRole: {} };
  const [held, reviews, pinned, tasks] = await Promise.all([
    db.selectFrom("orders").select("order_no").where("order_no", "in", orderNos).where("status", "=", "on_hold").execute(),
    db
      .selectFrom("order_blocks")
      .select("order_no")
      .where("order_no", "in", orderNos)
      .where("to_status", "=", "scheduled")
      .where("cleared_at", "is", null)
      .execute(),
    db.selectFrom("order_pins").select("order_no").where("order_no", "in", orderNos).execute(),
    db.selectFrom("tasks").select(["assignee_role"]).where("status", "=", "open").execute(),
  ]);
  const tasksByRole: Record<string, number> = {};
  for (const t of tasks) if (t.assignee_role) tasksByRole[t.assignee_role] = (tasksByRole[t.assignee_role] ?? 0) + 1;
  return {
    orders: orderNos.length,
    held: held.length,
    reviews: new Set(reviews.map((r) => r.order_no)).size,
    pinned: new Set(pinned.map((p) => p.order_no)).size,
    tasksByRole,
  };
}
