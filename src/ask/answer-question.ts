// Use case: answer the query box from what the database holds now.
import { type Kysely, type SelectQueryBuilder, sql } from "kysely";
import { addDays } from "../calendar/dates.js";
import type { Principal } from "../core/auth/principal.js";
import { hasPermission, type Permission, rolesWith } from "../core/auth/roles.js";
import type { DB } from "../core/db/schema.js";
import { plantDay } from "../core/plant-day.js";
import { OPEN_STATUSES } from "../orders/model/lifecycle.js";
import { countAcceptableOrders } from "../planning/count-acceptable-orders.js";
import { listBottlenecks } from "../planning/list-bottlenecks.js";
import { listShortages } from "../planning/list-shortages.js";
import { customerOrders, findCustomer } from "./customer-answers.js";
import { type AskLang, roleName, say, stageName } from "./model/answers.js";
import { type Intent, PER_CUSTOMER, parseQuestion } from "./model/parse-question.js";

export interface AskReply {
  intent: Intent;
  lang: AskLang;
  answer: string;
  orderNo: string | null;
  stage: string | null;
  status: string | null;
  owner: string | null;
}

/** Bottlenecks over four weeks, as the planner's board and `GET /api/planning/bottlenecks` show them. */
const BOTTLENECK_DAYS = 28;

const rolesOf = (lang: AskLang, permission: Permission) =>
  rolesWith(permission)
    .filter((r) => r !== "admin" && r !== "integration")
    .map((r) => roleName(lang, r))
    .join(lang === "zh" ? "、" : ", ");

const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`);

export async function answerQuestion(db: Kysely<DB>, principal: Principal, text: string, now = new Date()): Promise<AskReply> {
  const q = parseQuestion(text);
  const base = { intent: q.intent, lang: q.lang, orderNo: null, stage: null, status: null, owner: null };
  const today = plantDay(now);
  // "C0003有几个订单逾期", "宁波永威的订单": the question is about one customer.
  const found = PER_CUSTOMER.includes(q.intent) ? await findCustomer(db, q, text) : null;
  if (found && "answer" in found) return { ...base, intent: "customer_orders", answer: found.answer };
  const customer = found?.customer;
  const label = found && "label" in found ? found.label : undefined;
  if (customer && label && (q.intent === "unknown" || q.intent === "customer_orders")) {
    return { ...base, intent: "customer_orders", answer: await customerOrders(db, q.lang, customer.code, label, today) };
  }
  switch (q.intent) {
    case "order_status": {
      const orderNo = q.orderNo!;
      const order = await db.selectFrom("orders").selectAll().where("order_no", "=", orderNo).executeTakeFirst();
      if (!order) return { ...base, orderNo, answer: say.orderMissing(q.lang, orderNo) };
      const owner = await ownerName(db, q.lang, order.owner_user, order.owner_role);
      const stage = stageName(q.lang, order.status);
      return {
        ...base,
        orderNo,
        stage,
        status: order.status,
        owner,
        answer: say.orderStatus(q.lang, {
          orderNo,
          stage,
          owner,
          promised: order.promised_date,
          requested: order.requested_date,
          holdReason: order.hold_reason,
        }),
      };
    }
    case "capacity_today": {
      if (!hasPermission(principal.roles, "promise")) return { ...base, answer: say.notAllowed(q.lang, rolesOf(q.lang, "promise")) };
      // Counted on the plan state (from the current run, or planned in memory when there is none).
      const acceptable = await countAcceptableOrders(db);
      return { ...base, answer: say.capacity(q.lang, acceptable.families) };
    }
    case "shortages": {
      if (!hasPermission(principal.roles, "planning.read")) return { ...base, answer: say.notAllowed(q.lang, rolesOf(q.lang, "planning.read")) };
      const { runId, shortages } = await listShortages(db, {});
      return { ...base, answer: runId === null ? say.noPlan(q.lang) : say.shortages(q.lang, shortages) };
    }
    case "bottlenecks": {
      if (!hasPermission(principal.roles, "planning.read")) return { ...base, answer: say.notAllowed(q.lang, rolesOf(q.lang, "planning.read")) };
      const report = await listBottlenecks(db, { from: today, to: addDays(today, BOTTLENECK_DAYS - 1) });
      const centres = report.workCentres.filter((c) => c.overloaded).map((c) => ({ ...c, lateCount: c.lateOrders.length }));
      return { ...base, answer: report.runId === null ? say.noPlan(q.lang) : say.bottlenecks(q.lang, centres, BOTTLENECK_DAYS) };
    }
    case "overdue": {
      const open = db.selectFrom("orders").where("status", "in", OPEN_STATUSES);
      const late = (customer ? open.where("customer_code", "=", customer.code) : open).where(
        sql`coalesce(promised_date, requested_date)`,
        "<",
        sql`${today}::date`,
      );
      const [count, first] = await Promise.all([
        late.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
        late.select("order_no").orderBy(sql`coalesce(promised_date, requested_date)`).limit(3).execute(),
      ]);
      return {
        ...base,
        answer: say.overdue(
          q.lang,
          Number(count.n),
          first.map((r) => r.order_no),
          label,
        ),
      };
    }
    case "my_tasks": {
      const mine = db
        .selectFrom("tasks")
        .where("status", "=", "open")
        .where((eb) => eb.or([eb("assignee_role", "in", principal.roles), eb("assignee_user", "=", principal.name)]));
      const [count, first] = await Promise.all([
        mine.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
        mine.select("title").orderBy("id", "desc").limit(3).execute(),
      ]);
      return {
        ...base,
        answer: say.tasks(
          q.lang,
          Number(count.n),
          first.map((t) => t.title),
        ),
      };
    }
    case "orders_today": {
      const count = await countOrders(db, (qb) => {
        const since = qb.where("created_at", ">=", dayStart(today));
        return customer ? since.where("customer_code", "=", customer.code) : since;
      });
      return { ...base, answer: say.ordersToday(q.lang, count, label) };
    }
    case "customer_orders":
    case "unknown":
      return { ...base, answer: say.unknown(q.lang) };
  }
}

type OrdersQuery = SelectQueryBuilder<DB, "orders", {}>;

async function countOrders(db: Kysely<DB>, where: (qb: OrdersQuery) => OrdersQuery): Promise<number> {
  const row = await where(db.selectFrom("orders"))
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The person responsible: the named user, else the people holding the owning role. */
async function ownerName(db: Kysely<DB>, lang: AskLang, user: string | null, role: string | null): Promise<string | null> {
  if (user) {
    const u = await db.selectFrom("users").select("display_name").where("username", "=", user).executeTakeFirst();
    return u?.display_name ?? user;
  }
  if (!role) return null;
  const people = await db
    .selectFrom("users")
    .select("display_name")
    .where("active", "=", true)
    .where(sql<boolean>`${role} = any(roles)`)
    .orderBy("username")
    .limit(3)
    .execute();
  const label = roleName(lang, role);
  if (!people.length) return label;
  const names = people.map((p) => p.display_name).join(lang === "zh" ? "、" : ", ");
  return lang === "zh" ? `${names}（${label}）` : `${names} (${label})`;
}
