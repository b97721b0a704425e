// An intake whose rules reserve stock is written in one statement too: it reads the stock, plans, and the
// statement locks the same rows and refuses itself (writing nothing at all) when they no longer hold what
// the plan takes; the order then goes the transactional way. Stock is never reserved twice.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runTogether } from "../../src/core/db/insert-unnest.js";
import { isRefused, planReservations } from "../../src/inventory/reserve-stock.js";
import { placeOrder, saveRule } from "../support/helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  const rule = {
    name: "C-B1 订单锁库(测试)",
    trigger: { event: "order.created" },
    condition: { "==": [{ var: "customer.code" }, "C-B1"] },
    actions: [{ type: "soft_reserve", expiresInHours: 24 }],
  };
  await saveRule(t, rule);
});
afterAll(() => t?.close());

const balance = async (sku: string) => {
  const row = await t.database.db.selectFrom("inventory_balances").select(["on_hand", "reserved"]).where("sku", "=", sku).executeTakeFirstOrThrow();
  return { onHand: Number(row.on_hand), reserved: Number(row.reserved) };
};
const reservedFor = async (orderNos: string[]) => {
  const rows = await t.database.db
    .selectFrom("reservations")
    .select(["order_no", "qty"])
    .where("order_no", "in", orderNos)
    .where("status", "=", "active")
    .execute();
  return rows.reduce((n, r) => n + Number(r.qty), 0);
};

describe("intake that reserves stock in one statement", () => {
  it("8 concurrent orders asking 20 each of 80 chips reserve 80 in all; the balance agrees and each order is whole", async () => {
    await placeOrder(t, { customer: "C-B1", lines: [{ sku: "PM-HOUSING", qty: 1 }] }); // this instance now expects a number
    const before = await balance("PM-CHIP");
    expect(before.onHand - before.reserved).toBe(80);
    const replies = await Promise.all(
      Array.from({ length: 8 }, () => t.api("POST", "/api/orders", { as: "sales", body: { customer: "C-B1", lines: [{ sku: "PM-CHIP", qty: 20 }] } })),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(8).fill(201));
    const orderNos = replies.map((r) => r.body.orderNo as string);
    expect(await reservedFor(orderNos)).toBe(80);
    expect((await balance("PM-CHIP")).reserved).toBe(before.reserved + 80);
    const lines = await t.database.db.selectFrom("order_lines").select("order_no").where("order_no", "in", orderNos).execute();
    const logged = await t.database.db
      .selectFrom("rule_actions")
      .select("order_no")
      .where("order_no", "in", orderNos)
      .where("type", "=", "soft_reserve")
      .execute();
    expect([lines.length, logged.length]).toEqual([8, 8]);
  });

  it("a statement planned on stock that moved since it was read is refused whole (its guard's write too)", async () => {
    const { orderNo } = await placeOrder(t, { customer: "C-A1", lines: [{ sku: "TT-200", qty: 1 }] });
    const planned = await planReservations(t.database.db, [{ orderNo, lineNo: 1, sku: "PM-HOUSING", qty: 30, kind: "soft", expiresAt: null, ruleId: null }], {
      lock: false,
    });
    expect(planned.outcomes[0].reserved).toBe(30);
    const before = await balance("PM-HOUSING");
    // Another writer takes all but 10 between the read and the statement.
    await sql`update inventory_balances set reserved = on_hand - 10 where sku = 'PM-HOUSING'`.execute(t.database.db);
    const statement = runTogether(t.database.db, {
      guard: sql`insert into order_sequences (day, last_seq) values ('2099-01-01', 1) returning last_seq`,
      ctes: planned.ctes,
      writes: planned.write ? [planned.write] : [],
      parts: [planned.rows],
      also: planned.check ? [planned.check] : [],
    });
    const error = await statement.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isRefused(error), String(error)).toBe(true);
    const day = await t.database.db.selectFrom("order_sequences").select("day").where("day", "=", "2099-01-01").execute();
    expect(day).toEqual([]);
    expect(await reservedFor([orderNo])).toBe(0);
    expect((await balance("PM-HOUSING")).reserved).toBe(before.onHand - 10);
    await sql`update inventory_balances set reserved = ${before.reserved} where sku = 'PM-HOUSING'`.execute(t.database.db);
  });

  it("the same statement on stock that still holds writes the reservation and the balance", async () => {
    const { orderNo } = await placeOrder(t, { customer: "C-A1", lines: [{ sku: "TT-200", qty: 1 }] });
    const before = await balance("PM-HOUSING");
    const planned = await planReservations(t.database.db, [{ orderNo, lineNo: 1, sku: "PM-HOUSING", qty: 30, kind: "soft", expiresAt: null, ruleId: null }], {
      lock: false,
    });
    await runTogether(t.database.db, {
      guard: sql`select 1 as ok`,
      ctes: planned.ctes,
      writes: planned.write ? [planned.write] : [],
      parts: [planned.rows],
      also: planned.check ? [planned.check] : [],
    });
    expect(await reservedFor([orderNo])).toBe(30);
    expect((await balance("PM-HOUSING")).reserved).toBe(before.reserved + 30);
  });
});
