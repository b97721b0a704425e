// The plan state promises are made against: the current persisted plan (its loads and remaining ATP)
// on today's calendar, or, before any plan was saved, a plan computed in memory. Cached per database
// handle and keyed by what it was built from, so every instance rebuilds it when the plan or the
// calendar changed, and promises taken on this instance since then are already in it.
import { type Kysely, sql } from "kysely";
import { dayNumber } from "../calendar/model/dates.js";
import { now, nowMs, plantToday } from "../core/clock.js";
import type { DB } from "../core/db/schema.js";
import { AtpLedger } from "./model/atp.js";
import { buildCentreCalendars, CapacityBoard } from "./model/capacity.js";
import { type PromiseRequest, promiseOrder } from "./model/ctp.js";
import type { Names } from "./model/explain.js";
import { applyDowntime, initialState, type PlanState, planAll } from "./model/plan.js";
import { loadOpenOrders, loadPlanningBase } from "./store.js";

export interface PlanContext {
  key: string;
  runId: number | null;
  state: PlanState;
  names: Names;
}

const cache = new WeakMap<object, { key: string; checkedAt: number; context: Promise<PlanContext> }>();
/** A burst of promises (bulk intake, a sales rep retyping) reuses the state checked this recently. */
const RECHECK_MS = 1000;

export async function currentRun(db: Kysely<DB>) {
  return db
    .selectFrom("plan_status")
    .innerJoin("plan_runs", "plan_runs.id", "plan_status.current_run")
    .selectAll("plan_runs")
    .where("plan_status.id", "=", 1)
    .executeTakeFirst();
}

/** In one round trip: the current run and the marks of what a cached state depends on. */
async function stateKey(db: Kysely<DB>, today: string) {
  const { rows } = await sql<{ run: string | null; run_today: string | null; master: string | null; supply: string; holds: string }>`
    select s.current_run as run, r.today as run_today,
           (select max(id) from master_changes) as master,
           (select coalesce(max(id), 0) || ':' || count(*) || ':' || coalesce(floor(extract(epoch from max(updated_at)) * 1000)::bigint, 0) from supply_lines)
             || ':' || (select coalesce(max(id), 0) || ':' || count(*) from purchase_requests where status = 'requested') as supply,
           (select count(*) from promise_holds where status = 'released' or (status = 'held' and expires_at <= ${now()})) as holds
    from plan_status s left join plan_runs r on r.id = s.current_run where s.id = 1`.execute(db);
  const row = rows[0];
  const runId = row?.run && row.run_today === today ? Number(row.run) : null;
  // Without a saved plan for today, one is computed in memory once (per calendar and supply), and orders
  // taken on this instance are booked into it; other changes come in with the next saved plan (the
  // background re-planner writes one when anything changed).
  // Promise holds in force are booked on top of either. A new hold is booked in the cached state as it is
  // given, and a converted one's booking becomes its order's: only one released or expired rebuilds the state.
  const holds = `holds-ended:${row?.holds}`;
  return { runId, key: runId ? `${today}|run:${runId}|master:${row?.master}|${holds}` : `${today}|memory|${row?.master}|${row?.supply}|${holds}` };
}

/** `burst`: an intake may reuse a state checked within the last second (no round trip). */
export async function getPlanContext(db: Kysely<DB>, options: { burst?: boolean } = {}): Promise<PlanContext> {
  const today = plantToday();
  const cached = cache.get(db);
  if (options.burst && cached && nowMs() - cached.checkedAt < RECHECK_MS && cached.key.startsWith(today)) return cached.context;
  const { runId, key } = await stateKey(db, today);
  if (cached?.key === key) {
    cached.checkedAt = nowMs();
    return cached.context;
  }
  // Concurrent callers share one build.
  const context = buildContext(db, today, key, runId);
  cache.set(db, { key, checkedAt: nowMs(), context });
  context.catch(() => cache.delete(db));
  return context;
}

async function buildContext(db: Kysely<DB>, today: string, key: string, runId: number | null): Promise<PlanContext> {
  const base = await loadPlanningBase(db, today);
  const calendars = buildCentreCalendars(base.calendar, today, base.horizonDays);
  let state: PlanState;
  if (runId) {
    const [segments, atp] = await Promise.all([
      db.selectFrom("plan_segments").select(["work_centre", "unit", "starts_at", "hours"]).where("run_id", "=", runId).execute(),
      db.selectFrom("plan_atp").select(["sku", "day", "free"]).where("run_id", "=", runId).execute(),
    ]);
    state = initialState(base, calendars);
    // Each unit's work back at its clock time, so a promise fits into the gaps the run left.
    state.board = CapacityBoard.withSegments(
      calendars,
      today,
      base.horizonDays,
      segments.flatMap((s) => (s.starts_at ? [{ workCentre: s.work_centre, unit: s.unit ?? 0, startsAt: s.starts_at.getTime(), hours: Number(s.hours) }] : [])),
    );
    applyDowntime(state.board, base);
    state.ledger = AtpLedger.fromBuckets(
      state.todayN,
      atp.map((a) => ({ sku: a.sku, n: dayNumber(a.day), free: Number(a.free) })),
      AtpLedger.riskOf(base.supply, state.todayN, dayNumber),
    );
  } else {
    state = planAll({ ...base, orders: await loadOpenOrders(db) }, calendars).state;
  }
  const names: Names = { item: (sku) => base.engineering.items.get(sku), centre: (code) => calendars.get(code)?.spec.name };
  await bookActiveHolds(db, state, names);
  return { key, runId, state, names };
}

/** Promise holds (promise-holds.ts) still in force, booked in the order they were given, as their promises were. */
async function bookActiveHolds(db: Kysely<DB>, state: PlanState, names: Names) {
  const rows = await db.selectFrom("promise_holds").select("request").where("status", "=", "held").where("expires_at", ">", now()).orderBy("id").execute();
  for (const r of rows) promiseOrder(state, (r.request as { plan: PromiseRequest }).plan, names, { commit: true });
}

/** Forgets the cached state (after a re-plan on this instance). */
export function forgetPlanContext(db: Kysely<DB>) {
  cache.delete(db);
}
