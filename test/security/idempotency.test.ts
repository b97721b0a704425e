// Retry-safety keys: one caller's key never names another caller's order, a single order's key never
// looks like a batch's, and concurrent deliveries of one batch replay instead of failing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

const order = (qty: number) => ({ customer: "C-B1", lines: [{ sku: "TT-200", qty }] });
const orderCount = async () =>
  Number(
    (
      await t.database.db
        .selectFrom("orders")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe("idempotency keys and batch ids", () => {
  it("refuses a key or a batchId outside the declared alphabet, naming it", async () => {
    const key = await t.api("POST", "/api/orders", { as: "service", body: order(1), headers: { "idempotency-key": "PO-1#0" } });
    expect(key.status).toBe(400);
    expect(key.body.error.field).toMatch(/idempotency-key/i);
    const batch = await t.api("POST", "/api/orders/bulk", { as: "sales", body: { batchId: "PO-1#0", orders: [order(1)] } });
    expect(batch.status).toBe(400);
    expect(batch.body.error.field).toBe("batchId");
  });

  it("a batch never takes another caller's single order for one of its own", async () => {
    // The finding: a service user's key `PO-2-abc#0` made the sales batch `PO-2-abc` answer with that order.
    const single = await t.api("POST", "/api/orders", { as: "service", body: order(1), headers: { "idempotency-key": "PO-2-abc#0" } });
    const before = await orderCount();
    const batch = await t.api("POST", "/api/orders/bulk", { as: "sales", body: { batchId: "PO-2-abc", orders: [order(2), order(3)] } });
    expect(batch.status, JSON.stringify(batch.body)).toBe(200);
    expect(batch.body).toMatchObject({ accepted: 2, replayed: false });
    if (single.status === 201) expect(batch.body.results.map((r: { orderNo: string }) => r.orderNo)).not.toContain(single.body.orderNo);
    expect(await orderCount()).toBe(before + 2);
    // Within the alphabet, a single order's key and a batch's orders live in separate namespaces.
    await t.api("POST", "/api/orders", { as: "sales", body: order(1), headers: { "idempotency-key": "PO-2b-0000" } });
    const own = await t.api("POST", "/api/orders/bulk", { as: "sales", body: { batchId: "PO-2b-0000", orders: [order(2)] } });
    expect(own.body).toMatchObject({ accepted: 1, replayed: false });
  });

  it("another caller's equal Idempotency-Key is another order", async () => {
    const headers = { "idempotency-key": "PO-3-shared-key" };
    const mine = await t.api("POST", "/api/orders", { as: "sales", body: order(4), headers });
    const theirs = await t.api("POST", "/api/orders", { as: "service", body: order(4), headers });
    expect(mine.status).toBe(201);
    expect(theirs.status).toBe(201);
    expect(theirs.headers.get("idempotent-replayed")).toBe("false");
    expect(theirs.body.orderNo).not.toBe(mine.body.orderNo);
    expect(theirs.body.createdBy ?? theirs.body.events[0].actor).toBe("service");
    // Each caller's retry still replays their own.
    const again = await t.api("POST", "/api/orders", { as: "service", body: order(4), headers });
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body.orderNo).toBe(theirs.body.orderNo);
  });

  it("another caller's equal batchId is another batch, not a replay of theirs", async () => {
    const body = { batchId: "PO-4", orders: [order(5)] };
    const mine = await t.api("POST", "/api/orders/bulk", { as: "sales", body });
    const theirs = await t.api("POST", "/api/orders/bulk", { as: "service", body });
    expect(theirs.status, JSON.stringify(theirs.body)).toBe(200);
    expect(theirs.body.replayed).toBe(false);
    expect(theirs.body.results[0].orderNo).not.toBe(mine.body.results[0].orderNo);
    // Another caller's content under the same batchId is not a conflict either.
    const other = await t.api("POST", "/api/orders/bulk", { as: "admin", body: { batchId: "PO-4", orders: [order(6)] } });
    expect(other.status).toBe(200);
  });

  it("concurrent deliveries of one batch all answer with the same orders, written once", async () => {
    const body = { batchId: "PO-5-concurrent", orders: Array.from({ length: 40 }, (_, i) => order(1 + (i % 3))) };
    const before = await orderCount();
    const replies = await Promise.all(Array.from({ length: 4 }, () => t.api("POST", "/api/orders/bulk", { as: "sales", body })));
    for (const r of replies) expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(200);
    const numbers = replies.map((r) => r.body.results.map((x: { orderNo: string }) => x.orderNo));
    for (const n of numbers) expect(n).toEqual(numbers[0]);
    expect(new Set(numbers[0]).size).toBe(40);
    expect(await orderCount()).toBe(before + 40);
    expect(replies.filter((r) => r.body.replayed === false).length).toBeGreaterThanOrEqual(1);
  });
});
