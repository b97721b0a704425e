// The surge one order per request (as sales or an EDI feed enter them): surge orders through the full
// path (HTTP, auth, validation, numbering, every default rule with its tasks, holds and reservations,
// events) beside raw inserts of the very rows it wrote, one transaction per order, in the same run. Both
// paths first take some warm-up orders untimed: the figure is a running server's.
import { sql } from "kysely";
import { buildApp } from "../src/app.js";
import { DEMO_USERS } from "../src/core/auth/roles.js";
import { upsertUser } from "../src/core/auth/store.js";
import { readConfig } from "../src/core/config.js";
import { loadDemoPlant } from "../src/demo/load-demo-plant.js";
import { plantDay } from "../src/orders/model/numbering.js";
import { installDefaultRules } from "../src/rules/install-default-rules.js";
import { insertSameRows, prepareSameRows, readWrittenRows, resetSequences } from "./same-rows.js";
import { type BenchDatabase, type BenchDb, type Figure, fmt, freshDatabase, runLoadClient, timed } from "./support.js";
import { surgeOrders } from "./surge.js";

/** A real server on this database, logged in as sales. */
export async function benchServer(database: BenchDatabase) {
  const config = { ...readConfig({}), port: 0, logLevel: "silent" };
  const app = await buildApp({ db: database.db, kind: database.kind, config, version: "bench", listen: database.listen });
  const url = await app.listen({ host: "127.0.0.1", port: 0 });
  const login = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "sales", password: "bench" }),
  });
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0];
  return { url, cookie, close: () => app.close() };
}

/** Posts each order once, `clients` at a time, to a real server on this database; time and the orders' numbers. */
async function fullPathOrders(database: BenchDatabase, bodies: string[], clients: number) {
  const server = await benchServer(database);
  const { ms, statuses, replies } = await runLoadClient({ url: server.url, path: "/api/orders", cookie: server.cookie, bodies, clients });
  await server.close();
  if (statuses["201"] !== bodies.length) throw new Error(`intake failed: ${JSON.stringify(statuses)} ${JSON.stringify(replies.find((r) => !r.orderNo))}`);
  return { ms, orderNos: replies.map((r) => r.orderNo as string) };
}

/**
 * Orders each path takes untimed first, as a running server would have: code compiled by the JIT, caches
 * filled, statements prepared and PostgreSQL settled on their generic plans (after five runs of each on
 * each connection; decision 0050).
 */
const WARM_UP = 1000;

/** The demo plant with plenty of stock, the default rules and the demo users (password "bench"). */
export async function intakeDatabase(kind: BenchDb, name: string): Promise<BenchDatabase> {
  const database = await freshDatabase(kind, name);
  await loadDemoPlant(database.db, { today: plantDay(new Date()) });
  await sql`update inventory_balances set on_hand = on_hand + 100000`.execute(database.db);
  await installDefaultRules(database.db);
  for (const user of DEMO_USERS) await upsertUser(database.db, { ...user, password: "bench" });
  return database;
}

export async function benchIntakeSingle(kind: BenchDb, count: number): Promise<Figure[]> {
  const database = await intakeDatabase(kind, "lvyue_bench_intake");
  const all = (await surgeOrders(database, WARM_UP + count)).map((o) => JSON.stringify(o));
  const [warm, bodies] = [all.slice(0, WARM_UP), all.slice(WARM_UP)];
  const warmed = await fullPathOrders(database, warm, 1);
  const full = await fullPathOrders(database, bodies, 1);
  // The same rows three times over under new numbers: a warm-up, then plain and prepared statements.
  const written = await readWrittenRows(database, full.orderNos);
  const warmSame = await prepareSameRows(database, await readWrittenRows(database, warmed.orderNos), "2030-12-31");
  await insertSameRows(database, warmSame, 1);
  await resetSequences(database, warmSame);
  const same = await prepareSameRows(database, written, "2031-01-01");
  const raw = await timed(() => insertSameRows(database, same, 1));
  await resetSequences(database, same);
  const samePrepared = await prepareSameRows(database, written, "2031-01-02");
  const rawPrepared = await timed(() => insertSameRows(database, samePrepared, 1, true));
  await resetSequences(database, samePrepared);
  const rate = (ms: number) => count / (ms / 1000);
  const rawRate = rate(raw.ms);
  const baseline = `${fmt(rawRate)} orders/s raw inserts of the same ${fmt(same.rows)} rows (1 tx per order)`;
  const figures: Figure[] = [
    {
      bench: `surge orders, 1 per request, default rules (${fmt(same.rows / count, 1)} rows/order, after ${WARM_UP} warm-up orders)`,
      db: kind,
      figure: "orders/s, 1 client",
      value: fmt(rate(full.ms)),
      baseline,
      ratio: `${fmt((rate(full.ms) / rawRate) * 100)}% of raw`,
    },
    {
      bench: "surge orders, 1 per request, default rules",
      db: kind,
      figure: "orders/s, 1 client",
      value: fmt(rate(full.ms)),
      baseline: `${fmt(rate(rawPrepared.ms))} orders/s raw inserts of the same rows as prepared statements (1 tx per order)`,
      ratio: `${fmt((rate(full.ms) / rate(rawPrepared.ms)) * 100)}% of raw prepared`,
    },
  ];
  if (kind === "postgres") {
    const four = await fullPathOrders(database, bodies, 4);
    figures.push({
      bench: "surge orders, 1 per request, default rules",
      db: kind,
      figure: "orders/s, 4 clients",
      value: fmt(rate(four.ms)),
      baseline: `${baseline}, 1 connection`,
      ratio: `${fmt((rate(four.ms) / rawRate) * 100)}% of raw`,
    });
  }
  await database.close();
  return figures;
}
