// The warehouse corrects stock by hand (adjustment or cycle count) with a reason: checked against what
// is reserved, logged as a master-data change, rules and boards told.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openEventStream } from "../support/sse.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

const balance = async (sku: string) =>
  (await t.api("GET", `/api/inventory/balances?q=${sku}`, { as: "planner" })).body.balances.find((b: { location: string }) => b.location === "WH-MAIN");

describe("stock adjustments and cycle counts", () => {
  it("adjusts by a quantity and sets a count, each logged with its reason and announced live", async () => {
    const stream = await openEventStream(t.url, await t.cookie("planner"));
    const added = await t.api("POST", "/api/inventory/adjustments", {
      as: "warehouse",
      body: { sku: "PM-CHIP", location: "WH-MAIN", kind: "adjust", qty: -5, reason: "来料破损" },
    });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    expect(added.body).toMatchObject({ name: expect.any(String), onHand: { from: "80", to: "75" }, delta: "-5", available: "75" });
    expect(await stream.waitFor((c) => c.kind === "master")).toMatchObject({ kind: "master", entity: "stock", key: "PM-CHIP@WH-MAIN" });
    stream.close();

    const counted = await t.api("POST", "/api/inventory/adjustments", {
      as: "warehouse",
      body: { sku: "PM-CHIP", location: "WH-MAIN", kind: "count", qty: 72.5, reason: "月度循环盘点" },
    });
    expect(counted.body).toMatchObject({ onHand: { from: "75", to: "72.5" }, delta: "-2.5" });
    expect(await balance("PM-CHIP")).toMatchObject({ onHand: "72.5", reserved: "0", available: "72.5" });
    const log = await t.database.db
      .selectFrom("master_changes")
      .select(["actor", "actor_roles", "change"])
      .where("entity", "=", "stock")
      .orderBy("id")
      .execute();
    expect(log.map((l) => (l.change as { reason: string }).reason)).toEqual(["来料破损", "月度循环盘点"]);
    expect(log[0]).toMatchObject({ actor: "warehouse", actor_roles: ["warehouse"] });
  });

  it("refuses stock below what is reserved, a negative count, no reason, and other roles; nothing changes", async () => {
    await t.database.db.updateTable("inventory_balances").set({ reserved: "60" }).where("sku", "=", "PM-HOUSING").execute();
    const below = await t.api("POST", "/api/inventory/adjustments", {
      as: "warehouse",
      body: { sku: "PM-HOUSING", location: "WH-MAIN", kind: "count", qty: 50, reason: "盘点" },
    });
    expect(below.status).toBe(422);
    expect(below.body.error).toMatchObject({ field: "qty", reason: "stock.below_reserved" });
    const negative = await t.api("POST", "/api/inventory/adjustments", {
      as: "warehouse",
      body: { sku: "PM-HOUSING", location: "WH-MAIN", kind: "adjust", qty: -600, reason: "报废" },
      headers: { "accept-language": "en" },
    });
    expect(negative.body.error.message).toBe("Stock of PM-HOUSING at WH-MAIN cannot be negative (would be -100)");
    const noReason = await t.api("POST", "/api/inventory/adjustments", {
      as: "warehouse",
      body: { sku: "PM-HOUSING", location: "WH-MAIN", kind: "adjust", qty: 1, reason: " " },
    });
    expect(noReason.body.error.field).toBe("reason");
    const unknown = await t.api("POST", "/api/inventory/adjustments", {
      as: "warehouse",
      body: { sku: "NOPE", location: "WH-MAIN", kind: "adjust", qty: 1, reason: "x" },
    });
    expect(unknown.body.error).toMatchObject({ field: "sku", reason: "item.not_found" });
    const sales = await t.api("POST", "/api/inventory/adjustments", {
      as: "sales",
      body: { sku: "PM-HOUSING", location: "WH-MAIN", kind: "adjust", qty: 1, reason: "x" },
    });
    expect(sales.status).toBe(403);
    expect(await balance("PM-HOUSING")).toMatchObject({ onHand: "500", reserved: "60" });
  });
});
