// The shop floor (decision 0061): reports ingested per second from 50 concurrent kiosks through the full
// path (HTTP, auth, validation, the work order's lock, quantities flow, the order's timeline and status,
// the live change) beside raw inserts of the very rows they wrote (the reports and their timeline events,
// one transaction per report, 50 at a time), and the time from a report's response to the updated plan
// on 10,000 open orders with the background re-planner running as a server runs it, beside a re-plan alone.
import { sql } from "kysely";
import { buildApp, planningHooks } from "../src/app.js";
import type { Principal } from "../src/core/auth/principal.js";
import { DEMO_USERS } from "../src/core/auth/roles.js";
import { upsertUser } from "../src/core/auth/store.js";
import { readConfig } from "../src/core/config.js";
import { loadDemoPlant } from "../src/demo/load-demo-plant.js";
import { loadDemoShopFloor } from "../src/demo/shop-floor.js";
import { plantDay } from "../src/orders/model/numbering.js";
import { planStaleness, replan } from "../src/planning/replan.js";
import { startReplanner } from "../src/planning/replanner.js";
import { reportOperation } from "../src/production/report-operation.js";
import { type BenchDatabase, type BenchDb, type Figure, fmt, freshDatabase, percentile, runLoadClient, timed } from "./support.js";
import { bulk, surgeOrders } from "./surge.js";

const FOREMAN: Principal = { kind: "user", id: 0, name: "production", roles: ["production"] };

/** First operations of open work orders with room for `reports` reports each (no predecessor to wait for). */
async function reportableOps(database: BenchDatabase, reports: number) {
  return database.db
    .selectFrom("work_order_operations as o")
    .innerJoin("work_orders as w", "w.id", "o.work_order_id")
    .innerJoin("orders", "orders.order_no", "w.order_no")
    .select(["o.id", "o.status"])
    .where("o.status", "<>", "done")
    .where("o.qty_remaining", ">", reports)
    .where("orders.status", "in", ["scheduled", "in_production"])
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom("work_order_operations as p").select("p.id").whereRef("p.work_order_id", "=", "o.work_order_id").whereRef("p.seq", "<", "o.seq"))),
    )
    .orderBy("o.id")
    .execute();
}

async function ingest(kind: BenchDb, kiosks: number, perKiosk: number): Promise<Figure[]> {
  const database = await freshDatabase(kind, "lvyue_bench_floor");
  await loadDemoPlant(database.db, { today: plantDay(new Date()) });
  for (const user of DEMO_USERS) await upsertUser(database.db, { ...user, password: "bench" });
  await loadDemoShopFloor(database.db);
  const ops = await reportableOps(database, perKiosk);
  if (ops.length < kiosks) throw new Error(`only ${ops.length} operations to report on for ${kiosks} kiosks`);
  // Each kiosk reports on its own operations in order: started once, then a good piece per report.
  const lanes = Array.from({ length: kiosks }, (_, k) => {
    const mine = ops.filter((_, i) => i % kiosks === k);
    const lane: { path: string; body: string; key: string }[] = [];
    for (let n = 0; lane.length < perKiosk; n++) {
      const op = mine[n % mine.length];
      const first = n < mine.length && op.status === "open";
      lane.push({
        path: `/api/operations/${op.id}/reports`,
        body: JSON.stringify(first ? { kind: "start" } : { kind: "pause", good: 1 }),
        key: `bench-${k}-${n}`,
      });
    }
    return lane;
  });
  const reports = kiosks * perKiosk;
  const before = {
    report: Number((await sql<{ id: string }>`select coalesce(max(id), 0) as id from operation_reports`.execute(database.db)).rows[0].id),
    event: Number((await sql<{ id: string }>`select coalesce(max(id), 0) as id from order_events`.execute(database.db)).rows[0].id),
  };
  const config = { ...readConfig({}), port: 0, logLevel: "silent" };
  const app = await buildApp({ db: database.db, kind: database.kind, config, version: "bench", listen: database.listen });
  const url = await app.listen({ host: "127.0.0.1", port: 0 });
  const login = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "production", password: "bench" }),
  });
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0];
  const full = await runLoadClient({ url, cookie, lanes });
  await app.close();
  if (full.statuses["200"] !== reports) throw new Error(`reports refused: ${JSON.stringify(full.statuses)} ${JSON.stringify(full.replies)}`);

  // The same rows, raw: each report with its share of the timeline events, one transaction per report.
  const written = await database.db.selectFrom("operation_reports").selectAll().where("id", ">", before.report).orderBy("id").execute();
  const events = await database.db.selectFrom("order_events").selectAll().where("id", ">", before.event).orderBy("id").execute();
  const rows = written.map(({ id: _id, ...r }, i) => ({
    report: { ...r, idempotency_key: `${r.idempotency_key}-raw` },
    events: events
      .slice(Math.floor((i * events.length) / written.length), Math.floor(((i + 1) * events.length) / written.length))
      .map(({ id: _e, ...e }) => ({ ...e, data: JSON.stringify(e.data) })),
  }));
  let next = 0;
  const raw = await timed(() =>
    Promise.all(
      Array.from({ length: kiosks }, async () => {
        while (next < rows.length) {
          const row = rows[next++];
          await database.db.transaction().execute(async (tx) => {
            await tx.insertInto("operation_reports").values(row.report).execute();
            if (row.events.length) await tx.insertInto("order_events").values(row.events).execute();
          });
        }
      }),
    ),
  );
  await database.close();
  const rate = (ms: number) => reports / (ms / 1000);
  return [
    {
      bench: `shop-floor reports, ${kiosks} concurrent kiosks × ${perKiosk} reports on ${ops.length} operations (${fmt(events.length / reports, 1)} timeline events/report)`,
      db: kind,
      figure: "reports/s",
      value: fmt(rate(full.ms)),
      baseline: `${fmt(rate(raw.ms))} reports/s raw inserts of the same ${fmt(written.length + events.length)} rows (1 tx per report, ${kiosks} at a time)`,
      ratio: `${fmt((rate(full.ms) / rate(raw.ms)) * 100)}% of raw`,
    },
  ];
}

async function reportToPlan(kind: BenchDb, orders: number, samples: number): Promise<Figure[]> {
  const database = await freshDatabase(kind, "lvyue_bench_floor_plan");
  await loadDemoPlant(database.db, { today: plantDay(new Date()) });
  await sql`update inventory_balances set on_hand = on_hand + 100000`.execute(database.db);
  const demo = Number(
    (await sql<{ n: string }>`select count(*) as n from orders where status not in ('shipped','closed','cancelled')`.execute(database.db)).rows[0].n,
  );
  await bulk(database, await surgeOrders(database, Math.max(0, orders - demo)), "floor");
  await loadDemoShopFloor(database.db);
  const alone = await timed(() => replan(database.db, "bench", "manual"));
  const ops = await reportableOps(database, samples + 1);
  const background = startReplanner(database.db, planningHooks, {
    listen: database.listen,
    minIntervalMs: 30_000,
    log: (error) => process.stderr.write(`replanner: ${String(error)}\n`),
  });
  // Start from a quiet plan: the re-planner's first tick may re-plan (supply marks, a new day).
  const quietBy = performance.now() + 600_000;
  while ((await planStaleness(database.db)).stale && performance.now() < quietBy) await new Promise((r) => setTimeout(r, 200));
  await new Promise((r) => setTimeout(r, 1000));
  const currentRun = async () =>
    Number((await database.db.selectFrom("plan_status").select("current_run").where("id", "=", 1).executeTakeFirstOrThrow()).current_run);
  const times: number[] = [];
  try {
    for (let i = 0; i < samples; i++) {
      const runBefore = await currentRun();
      const op = ops[i % ops.length];
      await reportOperation(
        database.db,
        FOREMAN,
        Number(op.id),
        op.status === "open" && i < ops.length ? { kind: "start" } : { kind: "pause", good: 1 },
        `bench-plan-${i}`,
      );
      const respondedAt = performance.now();
      // Updated: a newer run is current, made after the report (its shop-floor mark has it).
      const mark = (await sql<{ mark: string }>`select mark from production_plan_mark`.execute(database.db)).rows[0].mark;
      for (;;) {
        const run = await currentRun();
        if (run > runBefore) {
          const made = await database.db.selectFrom("plan_runs").select("shop_floor_mark").where("id", "=", run).executeTakeFirst();
          if (made?.shop_floor_mark === mark) break;
        }
        if (performance.now() - respondedAt > 600_000) throw new Error("the plan did not follow the report within 10 minutes");
        await new Promise((r) => setTimeout(r, 10));
      }
      times.push(performance.now() - respondedAt);
    }
  } finally {
    await background.stop();
  }
  const open = Number(
    (await sql<{ n: string }>`select count(*) as n from plan_orders where run_id = (select current_run from plan_status)`.execute(database.db)).rows[0].n,
  );
  await database.close();
  const sorted = [...times].sort((a, b) => a - b);
  return [
    {
      bench: `report → updated plan, ${fmt(open)} open orders planned, background re-planner woken by the report (${samples} reports)`,
      db: kind,
      figure: `median s (max ${fmt(sorted[sorted.length - 1] / 1000, 1)} s)`,
      value: fmt(percentile(sorted, 50) / 1000, 1),
      baseline: `${fmt(alone.ms / 1000, 1)} s for one re-plan alone (load, plan, save)`,
      ratio: `×${fmt(percentile(sorted, 50) / alone.ms, 2)}`,
    },
  ];
}

export async function benchShopFloor(kind: BenchDb, options: { kiosks: number; perKiosk: number; planOrders: number; samples: number }): Promise<Figure[]> {
  const ingested = process.env.BENCH_SKIP_INGEST ? [] : await ingest(kind, options.kiosks, options.perKiosk);
  // Printed at once: the report → plan part takes minutes on 10,000 orders.
  if (ingested.length) console.table(ingested);
  return [...ingested, ...(await reportToPlan(kind, options.planOrders, options.samples))];
}
