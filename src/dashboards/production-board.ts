// The production board (for the shop floor's supervisors and the planner): operations late against
// the plan, machines down, work in progress per centre, today's output against the plan, scrap by
// reason, and the newest reports. A read model: reads production and plan tables, writes nothing.
import { type Kysely, sql } from "kysely";
import { addDays, plantMs } from "../calendar/model/dates.js";
import type { DB } from "../core/db/schema.js";
import { plantDay } from "../orders/model/numbering.js";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function productionBoard(db: Kysely<DB>) {
  const now = new Date();
  const today = plantDay(now);
  const dayStart = new Date(plantMs(today, 0));
  const dayEnd = new Date(plantMs(addDays(today, 1), 0));
  const run = await db.selectFrom("plan_status").select("current_run").where("id", "=", 1).executeTakeFirst();
  const runId = run?.current_run ?? 0;
  const [centres, late, down, wip, plannedToday, doneToday, scrap, recent] = await Promise.all([
    db.selectFrom("work_centres").select(["code", "name", "parallel_units"]).orderBy("code").execute(),
    // Late against the plan: the current plan ends it after it was planned at release, or it should be over.
    db
      .selectFrom("work_order_operations as o")
      .innerJoin("work_orders as w", "w.id", "o.work_order_id")
      .leftJoin("plan_operations as p", (j) => j.onRef("p.operation_id", "=", "o.id").on("p.run_id", "=", runId))
      .select(["o.id", "w.order_no", "w.wo_no", "w.sku", "o.seq", "o.work_centre", "o.status", "o.planned_end as released_end", "p.planned_end"])
      .where("o.status", "<>", "done")
      .where((eb) => eb.or([eb("p.planned_end", ">", eb.ref("o.planned_end")), eb(sql`coalesce(p.planned_end, o.planned_end)`, "<", now)]))
      .orderBy("o.planned_end")
      .limit(30)
      .execute(),
    db
      .selectFrom("downtime")
      .selectAll()
      .where("starts_at", "<=", now)
      .where((eb) => eb.or([eb("ends_at", "is", null), eb("ends_at", ">", now)]))
      .orderBy("starts_at")
      .execute(),
    db
      .selectFrom("work_order_operations")
      .select(["work_centre", sql<string>`count(*) filter (where status in ('started','paused'))`.as("running"), sql<string>`count(*)`.as("open")])
      .where("status", "<>", "done")
      .groupBy("work_centre")
      .execute(),
    db
      .selectFrom("plan_operations")
      .select(["work_centre", sql<string>`count(*)`.as("ops")])
      .where("run_id", "=", runId)
      .where("planned_end", ">=", dayStart)
      .where("planned_end", "<", dayEnd)
      .groupBy("work_centre")
      .execute(),
    db
      .selectFrom("operation_reports as r")
      .innerJoin("work_order_operations as o", "o.id", "r.operation_id")
      .select([
        "o.work_centre",
        sql<string>`sum(r.good)`.as("good"),
        sql<string>`sum(r.scrap)`.as("scrap"),
        sql<string>`count(*) filter (where r.kind = 'finish')`.as("finished"),
      ])
      .where("r.at", ">=", dayStart)
      .groupBy("o.work_centre")
      .execute(),
    db
      .selectFrom("operation_reports")
      .select(["scrap_reason", sql<string>`sum(scrap)`.as("qty")])
      .where("scrap", ">", 0)
      .where("at", ">=", new Date(plantMs(addDays(today, -6), 0)))
      .groupBy("scrap_reason")
      .orderBy(sql`sum(scrap)`, "desc")
      .execute(),
    db
      .selectFrom("operation_reports as r")
      .innerJoin("work_order_operations as o", "o.id", "r.operation_id")
      .innerJoin("work_orders as w", "w.id", "o.work_order_id")
      .leftJoin("users as u", "u.username", "r.reported_by")
      .select([
        "r.id",
        "r.at",
        "r.kind",
        "r.good",
        "r.scrap",
        "r.scrap_reason",
        "r.operator",
        "r.override_reason",
        "w.order_no",
        "w.wo_no",
        "w.sku",
        "o.seq",
        "o.work_centre",
      ])
      .select(sql<string>`coalesce(u.display_name, r.reported_by)`.as("reported_by"))
      .orderBy("r.id", "desc")
      .limit(15)
      .execute(),
  ]);
  const n = (v: string | number | null | undefined) => Number(v ?? 0);
  return {
    today,
    planRun: run?.current_run ?? null,
    late: late.map((o) => ({
      operationId: o.id,
      orderNo: o.order_no,
      workOrder: o.wo_no,
      sku: o.sku,
      seq: o.seq,
      workCentre: o.work_centre,
      status: o.status,
      releasedEnd: iso(o.released_end),
      plannedEnd: iso(o.planned_end),
    })),
    down: down.map((d) => ({ id: d.id, workCentre: d.work_centre, unit: d.unit, from: d.starts_at.toISOString(), to: iso(d.ends_at), reason: d.reason })),
    centres: centres.map((c) => {
      const w = wip.find((x) => x.work_centre === c.code);
      const p = plannedToday.find((x) => x.work_centre === c.code);
      const d = doneToday.find((x) => x.work_centre === c.code);
      return {
        code: c.code,
        name: c.name,
        units: c.parallel_units,
        unitsDown: down.filter((x) => x.work_centre === c.code).reduce((u, x) => u + (x.unit ? 1 : c.parallel_units), 0),
        running: n(w?.running),
        open: n(w?.open),
        plannedToday: n(p?.ops) + n(d?.finished),
        finishedToday: n(d?.finished),
        goodToday: n(d?.good),
        scrapToday: n(d?.scrap),
      };
    }),
    scrapByReason: scrap.map((s) => ({ reason: s.scrap_reason ?? "—", qty: n(s.qty) })),
    recent: recent.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      kind: r.kind,
      good: r.good,
      scrap: r.scrap,
      scrapReason: r.scrap_reason,
      operator: r.operator,
      override: r.override_reason,
      reportedBy: r.reported_by,
      orderNo: r.order_no,
      workOrder: r.wo_no,
      sku: r.sku,
      seq: r.seq,
      workCentre: r.work_centre,
    })),
  };
}
