// Single orders are taken in one transaction each: the day's numbers stay gapless and unique under
// concurrency, a number taken elsewhere is never reused, and the very next order is judged on the rules
// and master data in force (changed through the API or straight in the database).
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseOrderNo } from "../../src/orders/model/numbering.js";
import { placeOrder, saveRule } from "../support/helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

const plain = { customer: "C-A1", lines: [{ sku: "TT-200", qty: 1 }] };
const seq = (orderNo: string) => parseOrderNo(orderNo)!.seq;

describe("single-order intake", () => {
  it("numbers consecutive orders without a gap and writes each order whole", async () => {
    const nos: string[] = [];
    for (let i = 0; i < 4; i++) nos.push((await placeOrder(t, plain)).orderNo);
    expect(nos.map(seq).map((s) => s - seq(nos[0]))).toEqual([0, 1, 2, 3]);
    const lines = await t.database.db.selectFrom("order_lines").select("order_no").where("order_no", "in", nos).execute();
    const evaluations = await t.database.db.selectFrom("rule_evaluations").select("order_no").where("order_no", "in", nos).execute();
    const events = await t.database.db.selectFrom("order_events").select("order_no").where("order_no", "in", nos).execute();
    expect([lines.length, evaluations.length, events.length]).toEqual([4, 4, 8]);
  });

  it("a number taken elsewhere meanwhile is skipped, never reused", async () => {
    const before = (await placeOrder(t, plain)).orderNo;
    const { day } = parseOrderNo(before)!;
    await sql`update order_sequences set last_seq = last_seq + 1 where day = ${day}`.execute(t.database.db);
    const after = (await placeOrder(t, plain)).orderNo;
    const next = (await placeOrder(t, plain)).orderNo;
    expect([seq(after) - seq(before), seq(next) - seq(after)]).toEqual([2, 1]);
  });

  it("a rule saved meanwhile acts on the very next order", async () => {
    await placeOrder(t, plain);
    const rule = {
      name: "一律暂停(测试)",
      trigger: { event: "order.created" },
      condition: { "==": [{ var: "customer.code" }, "C-A1"] },
      actions: [{ type: "hold", reason: "测试暂停" }],
    };
    const saved = await saveRule(t, rule);
    const held = await placeOrder(t, plain);
    expect(held.status).toBe("on_hold");
    expect((await t.api("PATCH", `/api/rules/${saved.id}`, { body: { enabled: false } })).status).toBe(200);
    expect((await placeOrder(t, plain)).status).not.toBe("on_hold");
  });

  it("master data changed meanwhile (straight in the database) is what the next order is judged on", async () => {
    await placeOrder(t, plain);
    await sql`update customers set grade = 'C' where code = 'C-A1'`.execute(t.database.db);
    try {
      const next = await placeOrder(t, plain);
      const evaluation = await t.database.db.selectFrom("rule_evaluations").select("facts").where("order_no", "=", next.orderNo).executeTakeFirstOrThrow();
      expect((evaluation.facts as { customer: { grade: string } }).customer.grade).toBe("C");
    } finally {
      await sql`update customers set grade = 'A' where code = 'C-A1'`.execute(t.database.db);
    }
  });

  it("an order a rule acts on is judged on master data that moved since the order before", async () => {
    const rule = {
      name: "C-A1 订单加标签(测试)",
      trigger: { event: "order.created" },
      condition: { "==": [{ var: "customer.code" }, "C-A1"] },
      actions: [{ type: "add_tag", tag: "已标记" }],
    };
    const saved = await saveRule(t, rule);
    try {
      const first = await placeOrder(t, plain);
      expect(first.tags).toContain("已标记");
      await sql`update customers set grade = 'B' where code = 'C-A1'`.execute(t.database.db);
      const next = await placeOrder(t, plain);
      expect(next.tags).toContain("已标记");
      expect(seq(next.orderNo)).toBe(seq(first.orderNo) + 1);
      const evaluation = await t.database.db.selectFrom("rule_evaluations").select("facts").where("order_no", "=", next.orderNo).executeTakeFirstOrThrow();
      expect((evaluation.facts as { customer: { grade: string } }).customer.grade).toBe("B");
    } finally {
      await sql`update customers set grade = 'A' where code = 'C-A1'`.execute(t.database.db);
      expect((await t.api("PATCH", `/api/rules/${saved.id}`, { body: { enabled: false } })).status).toBe(200);
    }
  });

  it("concurrent orders on one instance get distinct consecutive numbers", async () => {
    const first = seq((await placeOrder(t, plain)).orderNo);
    const replies = await Promise.all(Array.from({ length: 16 }, () => t.api("POST", "/api/orders", { as: "sales", body: plain })));
    expect(replies.map((r) => r.status)).toEqual(Array(16).fill(201));
    const numbers = replies.map((r) => seq(r.body.orderNo)).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 16 }, (_, i) => first + 1 + i));
  });

  it("an idempotent retry answers with the first order", async () => {
    await placeOrder(t, plain);
    const headers = { "idempotency-key": "single-intake-retry" };
    const first = await t.api("POST", "/api/orders", { as: "sales", body: plain, headers });
    const again = await t.api("POST", "/api/orders", { as: "sales", body: plain, headers });
    expect(first.status).toBe(201);
    expect(again.body.orderNo).toBe(first.body.orderNo);
  });
});
