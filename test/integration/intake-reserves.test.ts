// An intake whose rules reserve stock locks the stock rows in its transaction before deciding what each
// line gets: concurrent orders never reserve the same stock twice, and each order is written whole.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveRule } from "../support/helpers.js";
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

describe("intake that reserves stock", () => {
  it("8 concurrent orders asking 20 each of 80 chips reserve 80 in all; the balance agrees and each order is whole", async () => {
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
});
