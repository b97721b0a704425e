// The demo's quotes on the demo plant: sales opens on quotes in every state, with the win rate and lost
// reasons on the sales board, a below-margin version waiting for the sales manager and the won quotes' orders.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// The app assembly plugs the rules into orders.
import "../../src/app.js";
import { type Database, openDatabase } from "../../src/core/db/connect.js";
import { migrateToLatest } from "../../src/core/db/migrate.js";
import { salesBoard } from "../../src/dashboards/sales-board.js";
import { loadDemoPlant } from "../../src/demo/load-demo-plant.js";
import { takeDemoQuotes } from "../../src/demo/take-demo-quotes.js";
import { installDefaultRules } from "../../src/rules/install-default-rules.js";

let database: Database;
beforeAll(async () => {
  database = await openDatabase({});
  await migrateToLatest(database.db);
  await loadDemoPlant(database.db);
  await installDefaultRules(database.db);
}, 240_000);
afterAll(() => database?.close());

describe("the demo's quotes", () => {
  it("leave sales quotes in draft, sent, won and lost, and the figures on the board", { timeout: 120_000 }, async () => {
    expect(await takeDemoQuotes(database.db)).toEqual({ quotes: 7 });
    const versions = await database.db
      .selectFrom("quote_versions")
      .select(["quote_no", "version", "status", "approval"])
      .orderBy("quote_no")
      .orderBy("version")
      .execute();
    const statuses = new Set(versions.map((v) => v.status));
    for (const s of ["draft", "sent", "won", "lost", "superseded"]) expect(statuses.has(s as never), s).toBe(true);
    expect(versions.filter((v) => v.approval === "pending")).toHaveLength(1);
    const won = await database.db.selectFrom("quotes").select(["order_no"]).where("status", "=", "won").execute();
    expect(won).toHaveLength(2);
    for (const q of won) expect(await database.db.selectFrom("orders").select("order_no").where("order_no", "=", q.order_no!).executeTakeFirst()).toBeDefined();
    const board = await salesBoard(database.db);
    expect(board.quotes).toMatchObject({ won: 2, lost: 2, open: 3, winRate: 50 });
    expect(board.quotes.lostReasons.map((r) => r.reason).sort()).toEqual(["lead_time", "price"]);
    expect(board.tasks.items.some((task: { title: string }) => task.title.startsWith("报价审批（销售经理）"))).toBe(true);
  });
});
