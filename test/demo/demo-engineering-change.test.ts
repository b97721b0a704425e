// The demo plant opens with an engineering change in review: a discontinued part replaced in the next
// BOM version of the product with the most open orders, the orders it touches listed, some decided.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import "../../src/app.js";
import { DEMO_USERS } from "../../src/core/auth/roles.js";
import { upsertUser } from "../../src/core/auth/store.js";
import { type Database, openDatabase } from "../../src/core/db/connect.js";
import { migrateToLatest } from "../../src/core/db/migrate.js";
import { loadDemoEngineeringChange } from "../../src/demo/engineering-change.js";
import { loadDemoPlant } from "../../src/demo/load-demo-plant.js";
import { getEngineeringBoard } from "../../src/ecn/get-engineering-board.js";
import { getImpact } from "../../src/ecn/get-impact.js";

const TODAY = "2026-11-20";
let database: Database;

beforeAll(async () => {
  database = await openDatabase({});
  await migrateToLatest(database.db);
  // As `lvyue start` does: the demo's people exist before the plant is loaded.
  for (const user of DEMO_USERS) await upsertUser(database.db, { ...user, password: "demo-password-1" });
  await loadDemoPlant(database.db, { seed: 42, today: TODAY });
}, 240_000);
afterAll(() => database?.close());

describe("the demo plant's engineering change", () => {
  it("is in review with the affected orders listed, two decided and the rest waiting; a second load adds nothing", { timeout: 120_000 }, async () => {
    const loaded = await loadDemoEngineeringChange(database.db, TODAY);
    expect(loaded.skipped).toBe(false);
    expect(loaded.ecnNo).toMatch(/^ECN-2026-0001$/);
    const ecn = await database.db.selectFrom("ecns").selectAll().executeTakeFirstOrThrow();
    expect(ecn).toMatchObject({ status: "review", effectivity: "date", effective_date: "2026-12-04" });
    const lines = await database.db.selectFrom("ecn_lines").select(["kind"]).where("ecn_no", "=", ecn.ecn_no).execute();
    expect(lines.map((l) => l.kind).sort()).toEqual(["component_added", "component_removed"]);
    const started = performance.now();
    const impact = await getImpact(database.db, ecn.ecn_no);
    const ms = Math.round(performance.now() - started);
    console.info(`demo ECN ${ecn.ecn_no} (${ecn.sku}): ${impact.rows.length} affected rows, impact computed in ${ms} ms`);
    const orders = impact.rows.filter((r) => r.kind === "order_line");
    expect(orders.length).toBeGreaterThanOrEqual(3);
    expect(impact.rows.filter((r) => r.decision === "keep")).toHaveLength(2);
    expect(impact.undecided.length).toBe(impact.rows.length - 2);
    const board = await getEngineeringBoard(database.db);
    expect(board.inProgress[0]).toMatchObject({ ecnNo: ecn.ecn_no, status: "review", undecided: impact.undecided.length });
    expect((await loadDemoEngineeringChange(database.db, TODAY)).skipped).toBe(true);
  });
});
