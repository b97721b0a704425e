// npm run bench [-- --only intake|surge|during-surge|import|shop-floor|fapiao] [-- --orders 2000] [-- --rates 20,50] [-- --ledger 32000] [-- --kiosks 50 --floor-orders 10000]: prints each figure beside a baseline measured
// in the same run, so the ratio holds on any machine.
import { parseArgs } from "node:util";
import { benchFapiao } from "./fapiao.js";
import { benchImport, benchImportFormats } from "./import.js";
import { benchIntakeDuringSurge } from "./intake-during-surge.js";
import { benchIntakeSingle } from "./intake-single.js";
import { benchOutcomes } from "./outcomes.js";
import { benchPlanning } from "./planning.js";
import { benchShopFloor } from "./shop-floor.js";
import type { Figure } from "./support.js";
import { benchSurge } from "./surge.js";

const { values } = parseArgs({
  options: {
    only: { type: "string" },
    orders: { type: "string", default: "1000" },
    surge: { type: "string", default: "12000" },
    events: { type: "string", default: "1000000" },
    ledger: { type: "string", default: "32000" },
    db: { type: "string", default: "pglite,postgres" },
    // Open-loop rates of the during-surge figure, orders/s from all clients together (decision 0075).
    rates: { type: "string", default: "20,50" },
    "plan-orders": { type: "string", default: "10000" },
    kiosks: { type: "string", default: "50" },
    "floor-orders": { type: "string", default: "10000" },
  },
});
const dbs = values.db.split(",") as ("pglite" | "postgres")[];
const orders = Number(values.orders);
const benches: Record<string, (db: "pglite" | "postgres") => Promise<Figure[]>> = {
  intake: (db) => benchIntakeSingle(db, orders),
  surge: (db) => benchSurge(db, Number(values.surge)),
  "during-surge": (db) => benchIntakeDuringSurge(db, Number(values.surge), 20, values.rates.split(",").map(Number)),
  outcomes: (db) => benchOutcomes(db, Number(values.events)),
  import: async (db) => [...(await benchImport(db, Number(values.ledger))), ...(await benchImportFormats(db, Number(values.ledger)))],
  // Pure model: runs once, whatever --db says.
  planning: (db) => (db === dbs[0] ? benchPlanning(Number(values["plan-orders"])) : Promise.resolve([])),
  // Pure: the batch-issue workbook of 1,000 invoice lines beside a bare exceljs write; runs once.
  fapiao: (db) => (db === dbs[0] ? benchFapiao(1000) : Promise.resolve([])),
  "shop-floor": (db) => benchShopFloor(db, { kiosks: Number(values.kiosks), perKiosk: 20, planOrders: Number(values["floor-orders"]), samples: 2 }),
};

const figures: Figure[] = [];
for (const [name, run] of Object.entries(benches)) {
  if (values.only && values.only !== name) continue;
  for (const db of dbs) {
    process.stderr.write(`running ${name} on ${db}…\n`);
    figures.push(...(await run(db)));
  }
}
console.table(figures);
