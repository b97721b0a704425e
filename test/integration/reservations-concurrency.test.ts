// Stock is never reserved twice: 8 clients reserving the same scarce item at once, on the server
// (real concurrent transactions), and on PGlite (one connection, serialised).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reserveStock } from "../../src/inventory/reserve-stock.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

describe("concurrent reservations", () => {
  it("8 clients asking 20 each of 80 in stock get 80 in all, and the balance agrees with the reservations", async () => {
    const db = t.database.db;
    const orders: string[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await t.api("POST", "/api/orders", { as: "sales", body: { customer: "C-B1", lines: [{ sku: "PM-CHIP", qty: 20 }] } });
      expect(res.status).toBe(201);
      orders.push(res.body.orderNo);
    }
    const before = await db.selectFrom("inventory_balances").select(["on_hand", "reserved"]).where("sku", "=", "PM-CHIP").executeTakeFirstOrThrow();
    const free = Number(before.on_hand) - Number(before.reserved);
    expect(free).toBe(80);

    const outcomes = await Promise.all(
      orders.map((orderNo) =>
        db
          .transaction()
          .execute((tx) =>
            reserveStock(tx, [{ orderNo, lineNo: 1, sku: "PM-CHIP", qty: 20, kind: "soft", expiresAt: new Date(Date.now() + 3600_000), ruleId: null }]),
          ),
      ),
    );
    const granted = outcomes.flat().reduce((sum, o) => sum + o.reserved, 0);
    expect(granted).toBe(80);

    const after = await db.selectFrom("inventory_balances").select(["on_hand", "reserved"]).where("sku", "=", "PM-CHIP").executeTakeFirstOrThrow();
    const rows = await db.selectFrom("reservations").select("qty").where("sku", "=", "PM-CHIP").where("status", "=", "active").execute();
    expect(Number(after.reserved)).toBe(Number(before.reserved) + 80);
    expect(rows.reduce((sum, r) => sum + Number(r.qty), 0)).toBe(Number(after.reserved));
    expect(Number(after.reserved)).toBeLessThanOrEqual(Number(after.on_hand));

    // A ninth client finds nothing left.
    const late = await db
      .transaction()
      .execute((tx) => reserveStock(tx, [{ orderNo: orders[0], lineNo: 1, sku: "PM-CHIP", qty: 5, kind: "soft", expiresAt: null, ruleId: null }]));
    expect(late[0].reserved).toBe(0);
  });
});
