// Use case: "orders we can still accept today" for sales: per product family, how many more standard
// orders (the family's most ordered item, its usual quantity, its usual lead time) fit on top of the
// current plan before the promise date slips. Counted by promising them one after another on a
// copy of the plan state: nothing is saved.
import { type Kysely, sql } from "kysely";
import { addDays, dayFromNumber } from "../calendar/dates.js";
import type { DB } from "../core/db/schema.js";
import { plantDay } from "../core/plant-day.js";
import { promiseOrder } from "./model/ctp.js";
import { getPlanContext } from "./plan-state.js";
import { constraintView } from "./promise-order.js";

export const MAX_COUNTED = 50;
const DEFAULT_LEAD_DAYS = 14;

/** Per family: the most ordered finished item over the last 90 days, its median quantity and lead time. */
async function standardOrders(db: Kysely<DB>, today: string) {
  const { rows } = await sql<{ family: string; sku: string; qty: string; lead: string | null; bom: number | null; routing: number | null }>`
    with recent as (
      select i.family, l.sku, l.qty, o.requested_date - (o.created_at at time zone 'Asia/Shanghai')::date as lead
      from order_lines l join orders o on o.order_no = l.order_no join items i on i.sku = l.sku
      where i.kind = 'finished' and o.created_at >= ${addDays(today, -90)}::date and not l.nonstandard
    ), ranked as (
      select family, sku, count(*) as n, row_number() over (partition by family order by count(*) desc, sku) as r from recent group by family, sku
    ), families as (
      select distinct family from items where kind = 'finished' and family <> ''
    )
    select f.family,
           coalesce(r.sku, (select min(sku) from items where kind = 'finished' and family = f.family)) as sku,
           coalesce((select percentile_disc(0.5) within group (order by qty) from recent where recent.family = f.family), 1) as qty,
           (select percentile_disc(0.5) within group (order by lead) from recent where recent.family = f.family and lead > 0) as lead,
           null::bigint as bom, null::bigint as routing
    from families f left join ranked r on r.family = f.family and r.r = 1
    order by f.family`.execute(db);
  return rows;
}

export async function countAcceptableOrders(db: Kysely<DB>) {
  const today = plantDay(new Date());
  const [context, standards] = await Promise.all([getPlanContext(db), standardOrders(db, today)]);
  const families = standards.map((s) => {
    const leadDays = Number(s.lead ?? DEFAULT_LEAD_DAYS);
    const requestedDate = addDays(today, leadDays);
    const qty = Math.max(1, Number(s.qty));
    // A private copy: the promises below book capacity one after another, and are then thrown away.
    const state = { ...context.state, board: context.state.board.fork(), ledger: context.state.ledger.fork() };
    const request = {
      customer: "",
      grade: "B",
      rush: false,
      requestedDate,
      lines: [{ lineNo: 1, sku: s.sku, qty, bomVersionId: null, routingVersionId: null, standard: true }],
    };
    let accepted = 0;
    let last = promiseOrder(state, request, context.names);
    while (accepted < MAX_COUNTED && last.feasible) {
      promiseOrder(state, request, context.names, { commit: true });
      accepted++;
      last = promiseOrder(state, request, context.names);
    }
    return {
      family: s.family,
      standardOrder: { sku: s.sku, qty, leadDays, requestedDate },
      acceptable: accepted,
      capped: accepted >= MAX_COUNTED,
      // What stops the next one: the binding constraint of the first order that would slip.
      limitedBy: last.feasible ? null : constraintView(last.bottleneck, context.names),
      nextEarliestDate: last.earliestN === null ? null : dayFromNumber(last.earliestN),
    };
  });
  return { date: today, runId: context.runId, families };
}
