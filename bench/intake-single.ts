// Orders/s through the full single-order path (HTTP + auth + validation + numbering + events)
// beside raw inserts of the very same rows, one transaction per order, in the same run.
import { DEMO_USERS } from "../src/core/auth/roles.js";
import { upsertUser } from "../src/core/auth/store.js";
import { readConfig } from "../src/core/config.js";
import type { Database } from "../src/core/db/connect.js";
import { buildApp } from "../src/core/http/app.js";
import { formatOrderNo } from "../src/orders/model/numbering.js";
import { seedSmallPlant } from "../test/fixtures/small-plant.js";
import { type BenchDb, type Figure, fmt, freshDatabase, runLoadClient, timed } from "./support.js";

const LINES = [
  { sku: "PS-100", qty: 3, params: { pressureRating: "10MPa" }, unitPrice: "1250.50" },
  { sku: "TT-200", qty: 2, unitPrice: "899.00" },
  { sku: "SA-CORE", qty: 5, unitPrice: "300.00" },
  { sku: "PM-CHIP", qty: 10, unitPrice: "88.00" },
];

/** The rows one order writes, inserted with plain parameterised SQL: the floor for the full path. */
async function rawInsertOrders(database: Database, count: number) {
  const day = "2030-01-01";
  const one = async (i: number, query: (text: string, params: unknown[]) => Promise<unknown>) => {
    const no = formatOrderNo(day, i + 1);
    await query(
      "insert into orders (order_no, customer_code, status, rush, tags, total_amount, nonstandard, owner_role, source, created_by) values ($1,'C-A1','confirmed',false,'{}','7359.50',true,'planner','api','sales')",
      [no],
    );
    await query(
      "insert into order_lines (order_no, line_no, sku, qty, unit_price, amount, params, nonstandard) values ($1,1,'PS-100',3,'1250.50','3751.50','{\"pressureRating\":\"10MPa\"}',true),($1,2,'TT-200',2,'899.00','1798.00','{}',false),($1,3,'SA-CORE',5,'300.00','1500.00','{}',false),($1,4,'PM-CHIP',10,'88.00','880.00','{}',false)",
      [no],
    );
    await query(
      "insert into order_events (order_no, actor, kind, from_status, to_status, reason, data) values ($1,'sales','created',null,'draft',null,'{}'),($1,'sales','transition','draft','confirmed','intake','{}')",
      [no],
    );
  };
  if (database.pglite) {
    const pg = database.pglite;
    for (let i = 0; i < count; i++) await pg.transaction(async (tx) => one(i, (text, params) => tx.query(text, params)));
    return;
  }
  const { default: pgModule } = await import("pg");
  const client = new pgModule.Client({ connectionString: (database as Database & { url?: string }).url });
  await client.connect();
  for (let i = 0; i < count; i++) {
    await client.query("begin");
    await one(i, (text, params) => client.query(text, params));
    await client.query("commit");
  }
  await client.end();
}

async function fullPathOrders(database: Database, count: number, clients: number) {
  const config = { ...readConfig({}), port: 0, logLevel: "silent" };
  const app = await buildApp({ db: database.db, kind: database.kind, config, version: "bench", listen: database.listen });
  const url = await app.listen({ host: "127.0.0.1", port: 0 });
  const login = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "sales", password: "bench" }),
  });
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0];
  const body = JSON.stringify({ customer: "C-A1", lines: LINES });
  const { ms, statuses } = await runLoadClient({ url, path: "/api/orders", cookie, body, count, clients });
  await app.close();
  if (statuses["201"] !== count) throw new Error(`intake failed: ${JSON.stringify(statuses)}`);
  return ms;
}

export async function benchIntakeSingle(kind: BenchDb, count: number): Promise<Figure[]> {
  const database = await freshDatabase(kind, "lvyue_bench_intake");
  if (kind === "postgres")
    (database as Database & { url?: string }).url = new URL(
      "/lvyue_bench_intake",
      `${process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres"}`,
    ).toString();
  await seedSmallPlant(database.db);
  for (const user of DEMO_USERS) await upsertUser(database.db, { ...user, password: "bench" });
  const raw = await timed(() => rawInsertOrders(database, count));
  const full = await fullPathOrders(database, count, 1);
  const figures: Figure[] = [];
  const rawRate = count / (raw.ms / 1000);
  const fullRate = count / (full / 1000);
  figures.push({
    bench: "intake, 1 order per request (4 lines)",
    db: kind,
    figure: "orders/s, 1 client",
    value: fmt(fullRate),
    baseline: `${fmt(rawRate)} raw inserts/s (1 tx per order)`,
    ratio: `${fmt((fullRate / rawRate) * 100)}% of raw`,
  });
  if (kind === "postgres") {
    const four = await fullPathOrders(database, count, 4);
    const rate4 = count / (four / 1000);
    figures.push({
      bench: "intake, 1 order per request (4 lines)",
      db: kind,
      figure: "orders/s, 4 clients",
      value: fmt(rate4),
      baseline: `${fmt(rawRate)} raw inserts/s (1 connection)`,
      ratio: `${fmt((rate4 / rawRate) * 100)}% of raw`,
    });
  }
  await database.close();
  return figures;
}
