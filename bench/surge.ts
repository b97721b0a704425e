// The seed's surge: 12,000 orders × 4 lines with every default rule enabled (holds, tasks, soft
// reservations, events), through bulk intake, beside raw batched inserts of the very rows it wrote, and the
// rule overhead (with rules ÷ without), all measured in the same run on one database.
import { sql } from "kysely";
import { SYSTEM } from "../src/core/auth/principal.js";
import type { Database } from "../src/core/db/connect.js";
import { loadDemoPlant } from "../src/demo/load-demo-plant.js";
import { createRng } from "../src/demo/random.js";
import { bulkIntake } from "../src/intake/bulk-intake.js";
import { plantDay } from "../src/orders/model/numbering.js";
import { installDefaultRules } from "../src/rules/install-default-rules.js";
import { insertSameRows, prepareSameRows, readWrittenRows, resetSequences } from "./same-rows.js";
import { type BenchDb, type Figure, fmt, freshDatabase, timed } from "./support.js";

type Req = { customer: string; lines: { sku: string; qty: number; params?: Record<string, string | boolean> }[]; requestedDate: string; tags?: string[] };

export async function surgeOrders(database: Database, count: number): Promise<Req[]> {
  const rng = createRng(7);
  const customers = await database.db.selectFrom("customers").select(["code", "grade"]).execute();
  const items = await database.db.selectFrom("items").select(["sku", "param_schema"]).where("kind", "=", "finished").execute();
  const today = plantDay(new Date());
  return Array.from({ length: count }, () => {
    const customer = customers[Math.floor(rng.next() * customers.length)];
    const rush = customer.grade !== "D" && rng.next() < 0.73;
    const skus = new Set<string>();
    while (skus.size < 4) skus.add(items[Math.floor(rng.next() * items.length)].sku);
    return {
      customer: customer.code,
      requestedDate: plantDay(new Date(Date.parse(`${today}T12:00:00+08:00`) + (rush ? 2 : 3 + Math.floor(rng.next() * 40)) * 86_400_000)),
      tags: rush ? ["T+3"] : [],
      lines: [...skus].map((sku) => {
        const schema = (items.find((i) => i.sku === sku)?.param_schema ?? {}) as Record<string, { type: string; values?: string[] }>;
        const enumParam = Object.entries(schema).find(([, s]) => s.type === "enum");
        const params = enumParam && rng.next() < 0.75 ? { [enumParam[0]]: enumParam[1].values![enumParam[1].values!.length - 1] } : undefined;
        return { sku, qty: 1 + Math.floor(rng.next() * 50), ...(params ? { params } : {}) };
      }),
    };
  });
}

/** Takes the orders in through bulk intake, 2,000 per request; their numbers. */
export async function bulk(database: Database, orders: Req[], tag: string, perRequest = 2000) {
  const orderNos: string[] = [];
  for (let start = 0; start < orders.length; start += perRequest) {
    const res = await bulkIntake(database.db, SYSTEM, { batchId: `${tag}-${start}`, orders: orders.slice(start, start + perRequest) });
    if (res.accepted !== Math.min(perRequest, orders.length - start))
      throw new Error(`bulk refused orders: ${JSON.stringify(res.results.find((r) => r.error))}`);
    orderNos.push(...res.results.map((r) => r.orderNo!));
  }
  return orderNos;
}

export async function benchSurge(kind: BenchDb, count: number): Promise<Figure[]> {
  const database = await freshDatabase(kind, "lvyue_bench_surge");
  await loadDemoPlant(database.db, { today: plantDay(new Date()) });
  // Plenty of stock so reservations do real work on every line.
  await sql`update inventory_balances set on_hand = on_hand + 100000`.execute(database.db);
  await installDefaultRules(database.db);
  const orders = await surgeOrders(database, count);
  const withRules = await timed(() => bulk(database, orders, "surge"));
  // The baseline writes exactly the rows the rules-on run wrote, raw, 500 orders per transaction.
  const same = await prepareSameRows(database, await readWrittenRows(database, withRules.result), "2031-01-01");
  const raw = await timed(() => insertSameRows(database, same, 500));
  await resetSequences(database, same);
  await database.db.updateTable("rules").set({ enabled: false }).execute();
  await sql`update rules_revision set revision = revision + 1`.execute(database.db);
  const withoutRules = await timed(() => bulk(database, orders, "norules"));
  await database.close();
  const rate = (ms: number) => count / (ms / 1000);
  return [
    {
      bench: `surge ${fmt(count)} orders × 4 lines, bulk intake, ${fmt(same.rowsOf("rule_actions"))} rule actions`,
      db: kind,
      figure: `whole surge ${fmt(withRules.ms / 1000, 1)} s (${fmt(rate(withRules.ms))} orders/s)`,
      value: fmt(rate(withRules.ms)),
      baseline: `${fmt(rate(raw.ms))} orders/s raw batched inserts of the same ${fmt(same.rows)} rows (500 orders per tx)`,
      ratio: `${fmt((raw.ms / withRules.ms) * 100)}% of raw`,
    },
    {
      bench: "rule overhead (default rules on ÷ off), bulk intake",
      db: kind,
      figure: "time with rules ÷ without",
      value: `${fmt(withRules.ms / 1000, 1)} s`,
      baseline: `${fmt(withoutRules.ms / 1000, 1)} s without rules`,
      ratio: `×${fmt(withRules.ms / withoutRules.ms, 2)}`,
    },
  ];
}
