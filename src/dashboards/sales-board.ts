// The sales board: each customer's delivery health, my open orders, and what planning can still accept.
import { type Kysely, sql } from "kysely";
import type { DB } from "../core/db/schema.js";
import { fromFen, toFen } from "../core/money.js";
import { plantDay } from "../core/plant-day.js";
import { OPEN_STATUSES } from "../orders/model/lifecycle.js";
import { countAcceptableOrders } from "../planning/count-acceptable-orders.js";
import { listQuotes, quoteOutcomes } from "../quotes/list-quotes.js";
import { openTasksOf, pinnedOrders } from "./board-queries.js";
import { healthScore } from "./model/health-score.js";

const HISTORY_DAYS = 365;
const QUOTE_DAYS = 90;

export async function salesBoard(db: Kysely<DB>, now = new Date()) {
  const today = plantDay(now);
  const open = sql.join(OPEN_STATUSES.map((s) => sql.lit(s)));
  const due = sql`coalesce(o.promised_date, o.requested_date)`;
  // Plant days are China Standard Time (+08:00) whatever the database session's time zone is.
  const deliveredDay = sql`((o.delivered_at at time zone 'UTC') + interval '8 hours')::date`;
  const since = new Date(now.getTime() - HISTORY_DAYS * 86_400_000);
  const rows = await sql<{
    code: string;
    name: string;
    grade: string;
    credit_limit: string;
    open_receivables: string;
    delivered: string;
    on_time: string;
    open: string;
    overdue: string;
    open_amount: string;
  }>`
    select c.code, c.name, c.grade, c.credit_limit, c.open_receivables,
      count(o.order_no) filter (where o.delivered_at >= ${since} and ${due} is not null) + coalesce(h.delivered, 0) as delivered,
      count(o.order_no) filter (where o.delivered_at >= ${since} and ${deliveredDay} <= ${due}) + coalesce(h.on_time, 0) as on_time,
      count(o.order_no) filter (where o.status in (${open})) as open,
      count(o.order_no) filter (where o.status in (${open}) and ${due} < ${today}::date) as overdue,
      coalesce(sum(o.total_amount) filter (where o.status in (${open})), 0)::numeric(14,2)::text as open_amount
    from customers c left join orders o on o.customer_code = c.code
    -- Legacy orders imported from the old ledgers count alike, in the same window.
    left join (
      select customer_code, count(*) filter (where due_on is not null) as delivered, count(*) filter (where delivered_on <= due_on) as on_time
      from history_orders where delivered_on >= ${plantDay(since)}::date
      group by customer_code
    ) h on h.customer_code = c.code
    group by c.code, h.delivered, h.on_time
    order by c.code`.execute(db);
  const customers = rows.rows.map((r) => {
    const exposureFen = toFen(r.open_receivables) + toFen(r.open_amount);
    const d = { delivered: Number(r.delivered), onTime: Number(r.on_time), open: Number(r.open), overdue: Number(r.overdue) };
    const health = healthScore({ ...d, creditLimitFen: toFen(r.credit_limit), exposureFen });
    return {
      code: r.code,
      name: r.name,
      grade: r.grade,
      ...d,
      onTimeRate: health.onTimeRate,
      openAmount: r.open_amount,
      creditLimit: r.credit_limit,
      creditHeadroom: fromFen(health.creditHeadroomFen),
      score: health.score,
      band: health.band,
    };
  });
  // Worst first: the customers sales should call.
  customers.sort((a, b) => a.score - b.score || a.code.localeCompare(b.code));
  return {
    role: "sales" as const,
    today,
    acceptableToday: await countAcceptableOrders(db),
    promisesAtRisk: await promisesAtRisk(db),
    customers,
    // Quotes decided in the last 90 days: the win rate and why the others were lost; the open ones to follow up.
    quotes: { ...(await quoteOutcomes(db, new Date(now.getTime() - QUOTE_DAYS * 86_400_000))), days: QUOTE_DAYS, recent: await listQuotes(db, { limit: 8 }) },
    pinned: await pinnedOrders(db, "sales"),
    tasks: await openTasksOf(db, "sales"),
  };
}

/**
 * Promises the plan can no longer keep (with the date it now gives), and promises that count on supply a
 * supplier has not confirmed or is late with: the calls sales should make, the latest break first.
 */
async function promisesAtRisk(db: Kysely<DB>) {
  const rows = await db
    .selectFrom("orders as o")
    .innerJoin("customers as c", "c.code", "o.customer_code")
    .leftJoin("plan_status as ps", (j) => j.on("ps.id", "=", 1))
    .leftJoin("plan_orders as p", (j) => j.onRef("p.run_id", "=", "ps.current_run").onRef("p.order_no", "=", "o.order_no"))
    .select([
      "o.order_no",
      "c.name",
      "o.rush",
      "o.promised_date",
      "o.promise_state",
      sql<string | null>`o.promise_note->>'plannedDate'`.as("planned"),
      sql<{ sku: string; kind: string }[] | null>`p.supply_risk`.as("supply_risk"),
    ])
    .where("o.status", "in", OPEN_STATUSES)
    .where("o.promised_date", "is not", null)
    .where((eb) => eb.or([eb("o.promise_state", "=", "at_risk"), eb("p.supply_risk", "is not", null)]))
    .orderBy(sql`o.promise_state = 'at_risk'`, "desc")
    .orderBy("o.updated_at", "desc")
    .limit(50)
    .execute();
  return rows.map((r) => ({
    orderNo: r.order_no,
    customer: r.name,
    rush: r.rush,
    promisedDate: r.promised_date,
    atRisk: r.promise_state === "at_risk",
    plannedDate: r.planned,
    supplyRisk: r.supply_risk ?? [],
  }));
}
