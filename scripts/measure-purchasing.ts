// Times purchasing on the demo plant (in-memory PGlite): the board's reads, and a supplier's date change
// with its re-plan and notices. Run: npx tsx scripts/measure-purchasing.ts (figures in decision 0067).
import { SYSTEM } from "../src/core/auth/principal.js";
import { openDatabase } from "../src/core/db/connect.js";
import { migrateToLatest } from "../src/core/db/migrate.js";
import { loadDemoPlant } from "../src/demo/load-demo-plant.js";
import { replan } from "../src/planning/replan.js";
import { changePurchaseLine } from "../src/purchasing/change-purchase-line.js";
import { flagLateLines } from "../src/purchasing/flag-late-lines.js";
import { listProposals } from "../src/purchasing/list-proposals.js";
import { listPurchaseWatch } from "../src/purchasing/list-purchase-watch.js";
import { listSuppliers } from "../src/purchasing/list-suppliers.js";

const time = async <T>(label: string, run: () => Promise<T>, times = 3) => {
  const ms: number[] = [];
  let out: T | undefined;
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    out = await run();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  console.log(`${label}: median ${ms[Math.floor(ms.length / 2)].toFixed(0)} ms (${ms.map((m) => m.toFixed(0)).join(", ")})`);
  return out as T;
};

const database = await openDatabase({});
await migrateToLatest(database.db);
await loadDemoPlant(database.db);
const db = database.db;
await time("flag late lines (first pass)", () => flagLateLines(db, new Date(), 1000), 1);
await time("replan", () => replan(db, "system", "manual"), 1);
const proposals = await time("GET proposals", () => listProposals(db));
const watch = await time("GET watch", () => listPurchaseWatch(db));
await time("GET suppliers", () => listSuppliers(db));
console.log(
  `proposal groups ${proposals.groups.length}, lines ${proposals.groups.reduce((n, g) => n + g.lines.length, 0)}; unconfirmed ${watch.unconfirmed.length}, late ${watch.late.length}`,
);
const line = watch.unconfirmed[0];
const result = await time(
  "PATCH a line (+2 days) with re-plan and notices",
  async () => {
    const row = await db
      .selectFrom("purchase_order_lines")
      .select(["version", "requested_date"])
      .where("po_no", "=", line.poNo)
      .where("line_no", "=", line.line)
      .executeTakeFirstOrThrow();
    const d = new Date(`${row.requested_date}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 2);
    return changePurchaseLine(db, SYSTEM, line.poNo, line.line, row.version, { confirmedDate: d.toISOString().slice(0, 10) });
  },
  1,
);
console.log(`affected orders: ${result.affected.length}`);
await database.close?.();
