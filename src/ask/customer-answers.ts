// The query box's questions about one customer: which customer the question names, and its orders.
import { type Kysely, sql } from "kysely";
import type { DB } from "../core/db/schema.js";
import { OPEN_STATUSES } from "../orders/model/lifecycle.js";
import { type AskLang, customerLabel, say, stageName } from "./model/answers.js";
import { type CustomerName, matchCustomer } from "./model/match-customer.js";
import type { ParsedQuestion } from "./model/parse-question.js";

export type FoundCustomer = { customer: CustomerName; label: string } | { answer: string } | null;

/** The customer a question names by code or by (a piece of) its name; an answer when it cannot tell. */
export async function findCustomer(db: Kysely<DB>, q: ParsedQuestion, text: string): Promise<FoundCustomer> {
  if (q.customerCode) {
    const c = await db.selectFrom("customers").select(["code", "name"]).where(sql`upper(code)`, "=", q.customerCode).executeTakeFirst();
    return c ? { customer: c, label: customerLabel(q.lang, c) } : { answer: say.customerMissing(q.lang, q.customerCode) };
  }
  const customers = await db.selectFrom("customers").select(["code", "name"]).orderBy("code").execute();
  const match = matchCustomer(text, customers);
  if (match.kind === "one") return { customer: match.customer, label: customerLabel(q.lang, match.customer) };
  if (match.kind === "several")
    return {
      answer: say.whichCustomer(
        q.lang,
        match.said,
        match.customers.map((c) => customerLabel(q.lang, c)),
      ),
    };
  return null;
}

/** A customer's open orders: how many per stage, how many past due, the next promise. */
export async function customerOrders(db: Kysely<DB>, lang: AskLang, code: string, label: string, today: string): Promise<string> {
  const open = db.selectFrom("orders").where("customer_code", "=", code).where("status", "in", OPEN_STATUSES);
  const [byStatus, overdue, next] = await Promise.all([
    open
      .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy("status")
      .execute(),
    open
      .where(sql`coalesce(promised_date, requested_date)`, "<", sql`${today}::date`)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
    open
      .where("promised_date", ">=", sql<string>`${today}::date`)
      .select(["order_no", sql<string>`promised_date::text`.as("promised")])
      .orderBy("promised_date")
      .orderBy("order_no")
      .limit(1)
      .executeTakeFirst(),
  ]);
  const order = OPEN_STATUSES as readonly string[];
  const stages = byStatus
    .map((r) => ({ status: r.status, n: Number(r.n) }))
    .sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status))
    .map((r): [string, number] => [stageName(lang, r.status), r.n]);
  return say.customerOrders(lang, label, {
    open: stages.reduce((n, [, k]) => n + k, 0),
    byStage: stages,
    overdue: Number(overdue.n),
    next: next ? { orderNo: next.order_no, promised: next.promised } : null,
  });
}
