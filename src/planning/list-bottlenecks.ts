// Use case: the planner's bottlenecks: load against capacity per work centre and day over a horizon,
// from the current plan, with the centres that are full and the orders that fill them.
import { type Kysely, sql } from "kysely";
import { centreDays, plantDays } from "../calendar/model/calendar.js";
import { loadCalendarInputs } from "../calendar/store.js";
import type { DB } from "../core/db/schema.js";
import { currentRunId } from "./list-shortages.js";

const r2 = (x: number) => Math.round(x * 100) / 100;

export async function listBottlenecks(db: Kysely<DB>, query: { from: string; to: string; workCentre?: string }) {
  const runId = await currentRunId(db);
  const inputs = await loadCalendarInputs(db, query.from, query.to, query.workCentre);
  const days = plantDays(query.from, query.to, inputs);
  const [loads, heavy, late] = await Promise.all([
    db
      .selectFrom("plan_loads")
      .select(["work_centre", "day", "load_hours"])
      .where("run_id", "=", runId ?? 0)
      .where("day", ">=", query.from)
      .where("day", "<=", query.to)
      .execute(),
    // Who fills each centre on its full days: hours per order, most first.
    sql<{ work_centre: string; order_no: string; hours: string; rush: boolean }>`
      select s.work_centre, s.order_no, sum(s.hours) as hours, bool_or(o.rush) as rush
      from plan_segments s
      join plan_loads l on l.run_id = s.run_id and l.work_centre = s.work_centre and l.day = s.day
      join orders o on o.order_no = s.order_no
      where s.run_id = ${runId ?? 0} and s.day between ${query.from} and ${query.to} and l.load_hours >= l.limit_hours - 0.01
      group by s.work_centre, s.order_no
      order by s.work_centre, sum(s.hours) desc`.execute(db),
    sql<{ code: string; order_no: string }>`
      select bottleneck->>'code' as code, order_no from plan_orders
      where run_id = ${runId ?? 0} and late and bottleneck->>'kind' = 'work_centre'`.execute(db),
  ]);
  const loadOf = new Map(loads.map((l) => [`${l.work_centre}|${l.day}`, Number(l.load_hours)]));
  const centres = inputs.centres.map((spec) => {
    const cd = centreDays(spec, days, inputs.maintenance);
    const dayViews = cd.map((d) => {
      const load = loadOf.get(`${spec.code}|${d.date}`) ?? 0;
      return {
        date: d.date,
        working: d.working,
        loadHours: r2(load),
        capacityHours: d.capacityHours,
        limitHours: d.limitHours,
        utilisation: d.capacityHours > 0 ? r2(load / d.capacityHours) : null,
        full: d.limitHours > 0 && load >= d.limitHours - 0.01,
        maintenanceHours: r2(d.maintenance.reduce((h, m) => h + m.hours, 0)),
      };
    });
    const capacity = dayViews.reduce((s, d) => s + d.capacityHours, 0);
    const load = dayViews.reduce((s, d) => s + d.loadHours, 0);
    const lateOrders = late.rows.filter((l) => l.code === spec.code).map((l) => l.order_no);
    const fullDays = dayViews.filter((d) => d.full).length;
    return {
      code: spec.code,
      name: spec.name,
      loadThreshold: spec.loadThreshold,
      loadHours: r2(load),
      capacityHours: r2(capacity),
      utilisation: capacity > 0 ? r2(load / capacity) : null,
      fullDays,
      overloaded: fullDays > 0 || lateOrders.length > 0,
      lateOrders,
      orders: heavy.rows
        .filter((h) => h.work_centre === spec.code)
        .slice(0, 20)
        .map((h) => ({ orderNo: h.order_no, hours: r2(Number(h.hours)), rush: h.rush })),
      days: dayViews,
    };
  });
  centres.sort((a, b) => Number(b.overloaded) - Number(a.overloaded) || b.fullDays - a.fullDays || (b.utilisation ?? 0) - (a.utilisation ?? 0));
  return { runId, from: query.from, to: query.to, workCentres: centres };
}
