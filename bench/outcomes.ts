// Outcome metrics over a year of history: 1,000,000 order events (125,000 orders × 8 status events,
// set-based inserts), then GET /api/metrics/outcomes for the year through HTTP, beside a bare
// count(*) over the same events, in the same run.
import { sql } from "kysely";
import { buildApp } from "../src/app.js";
import { createApiToken } from "../src/core/auth/store.js";
import { readConfig } from "../src/core/config.js";
import type { Database } from "../src/core/db/connect.js";
import { addDays } from "../src/metrics/model/period.js";
import { plantDay } from "../src/orders/model/numbering.js";
import { seedSmallPlant } from "../test/fixtures/small-plant.js";
import { type BenchDb, type Figure, fmt, freshDatabase, timed } from "./support.js";

const STEPS = ["draft", "confirmed", "scheduled", "in_production", "ready", "shipped", "delivered", "closed"];

/** `events` status events: orders spread evenly over the last 365 days, the last 2,000 still open
 *  (1 to 5 events each, 6,000 in all), the others closed (8 events each). */
export async function loadHistory(database: Database, events: number) {
  const open = 2000;
  const orders = open + Math.max(0, Math.floor((events - 6000) / STEPS.length));
  // Cumulative hours after creation at which each status is reached, varied per order by g.
  const offsets = sql`array[0, (g % 10) * 0.1, (g % 10) * 0.1 + g % 24, (g % 10) * 0.1 + g % 24 + g % 48,
    (g % 10) * 0.1 + g % 24 + g % 48 + 24 + g % 72, (g % 10) * 0.1 + g % 24 + g % 48 + 24 + g % 72 + g % 8,
    (g % 10) * 0.1 + g % 24 + g % 48 + 36 + g % 72 + g % 8 + g % 36, (g % 10) * 0.1 + g % 24 + g % 48 + 84 + g % 72 + g % 8 + g % 36 + g % 200]::float8[]`;
  await sql`
    create temporary table bench_orders as
    select g, 'DH' || to_char(created + interval '8 hours', 'YYYYMMDD') || lpad(g::text, 7, '0') as order_no, created,
           case when g > ${orders - open} then 1 + g % 5 else 8 end as k, ${offsets} as off,
           (array['C-A1','C-B1','C-C1','C-D1'])[1 + g % 4] as customer
    from (select g, now() - interval '365 days' + (g * (365.0 / ${orders})) * interval '1 day' - interval '20 days' as created
          from generate_series(1, ${orders}) g) x`.execute(database.db);
  const at = (i: number) => sql`created + make_interval(secs => off[${i}] * 3600)`;
  await sql`
    insert into orders (order_no, customer_code, status, rush, tags, requested_date, promised_date, delivered_at, total_amount,
                        nonstandard, source, created_by, created_at, updated_at)
    select order_no, customer, (${sql.val(STEPS)}::text[])[k], g % 3 = 0, '{}', (${at(1)} + interval '8 hours')::date + 6 + g % 8,
           (${at(1)} + interval '8 hours')::date + 7 + g % 9, case when k >= 7 then ${at(7)} end, 1000, false, 'api', 'bench', created, created
    from bench_orders`.execute(database.db);
  await sql`
    insert into order_lines (order_no, line_no, sku, qty, unit_price, amount, params, nonstandard)
    select order_no, 1, case when g % 2 = 0 then 'PS-100' else 'TT-200' end, 1, 1000, 1000, '{}', false from bench_orders`.execute(database.db);
  await sql`
    insert into order_events (order_no, at, actor, kind, from_status, to_status, data)
    select o.order_no, o.created + make_interval(secs => o.off[s.i] * 3600), 'bench',
           case when s.i = 1 then 'created' else 'transition' end, (${sql.val(STEPS)}::text[])[s.i - 1], s.status, '{}'
    from bench_orders o cross join lateral unnest(${sql.val(STEPS)}::text[]) with ordinality as s(status, i)
    where s.i <= o.k`.execute(database.db);
  await sql`
    insert into master_changes (entity, entity_key, actor, actor_roles, at, change)
    select (array['customer','item','bom','calendar'])[1 + g % 4], 'K' || g, 'u' || g % 7,
           case when g % 5 = 0 then array['admin'] else array['sales'] end, now() - (g % 365) * interval '1 day', '{}'
    from generate_series(1, 20000) g`.execute(database.db);
  await sql`drop table bench_orders`.execute(database.db);
  await sql`analyze`.execute(database.db);
  return orders;
}

const RUNS = 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchOutcomes(kind: BenchDb, events: number): Promise<Figure[]> {
  const database = await freshDatabase(kind, "lvyue_bench_outcomes");
  await seedSmallPlant(database.db);
  const load = await timed(() => loadHistory(database, events));
  const token = await createApiToken(database.db, "bench", ["admin"], "bench");
  const app = await buildApp({ db: database.db, kind: database.kind, config: { ...readConfig({}), port: 0, logLevel: "silent" }, version: "bench" });
  const url = await app.listen({ host: "127.0.0.1", port: 0 });
  const today = plantDay(new Date());
  const path = `/api/metrics/outcomes?from=${addDays(today, -364)}&to=${today}`;
  const call = async () => {
    const res = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    if (res.status !== 200) throw new Error(`outcomes: ${res.status} ${await res.text()}`);
    return res.json() as Promise<{ dwell: { stages: { count: number }[] } }>;
  };
  const first = await timed(call);
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) runs.push((await timed(call)).ms);
  const counts: number[] = [];
  let total = 0;
  for (let i = 0; i < RUNS; i++) {
    const c = await timed(() => sql<{ n: number }>`select count(*)::int as n from order_events`.execute(database.db));
    counts.push(c.ms);
    total = c.result.rows[0].n;
  }
  await app.close();
  await database.close();
  const ms = median(runs);
  const base = median(counts);
  return [
    {
      bench: `outcomes over a year, ${fmt(total)} events (loaded in ${fmt(load.ms / 1000, 1)} s; ${fmt(first.result.dwell.stages[0].count)} sales-acceptance samples)`,
      db: kind,
      figure: `GET /api/metrics/outcomes, median of ${RUNS} (first ${fmt(first.ms)} ms)`,
      value: `${fmt(ms)} ms`,
      baseline: `${fmt(base)} ms bare count(*) over the events`,
      ratio: `×${fmt(ms / base, 1)}`,
    },
  ];
}
