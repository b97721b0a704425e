import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseOrderNo } from "../../src/orders/model/numbering.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { testDbKind } from "../support/test-db.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

describe("many clients at once", () => {
  it("8 clients creating 400 orders get 400 distinct, gap-free numbers and complete histories", { timeout: 120_000 }, async () => {
    const clients = 8;
    const perClient = 50;
    const created: string[] = [];
    await Promise.all(
      Array.from({ length: clients }, async (_, c) => {
        for (let i = 0; i < perClient; i++) {
          const res = await t.api("POST", "/api/orders", {
            as: c % 2 ? "sales" : "service",
            body: { customer: "C-B1", lines: [{ sku: "TT-200", qty: 1 + i }], note: `client ${c} #${i}` },
          });
          expect(res.status, JSON.stringify(res.body)).toBe(201);
          created.push(res.body.orderNo);
        }
      }),
    );
    expect(new Set(created).size).toBe(clients * perClient);
    const byDay = new Map<string, number[]>();
    for (const no of created) {
      const { day, seq } = parseOrderNo(no)!;
      byDay.set(day, [...(byDay.get(day) ?? []), seq]);
    }
    // Numbers of each day are consecutive: nothing was skipped or taken twice.
    for (const seqs of byDay.values()) {
      seqs.sort((a, b) => a - b);
      expect(seqs[seqs.length - 1] - seqs[0] + 1).toBe(seqs.length);
    }
    const events = await t.database.db
      .selectFrom("order_events")
      .select(["order_no", (eb) => eb.fn.countAll<number>().as("n")])
      .where("order_no", "in", created)
      .groupBy("order_no")
      .execute();
    expect(events).toHaveLength(created.length);
    for (const e of events) expect(Number(e.n)).toBe(2);
  });

  it.runIf(testDbKind() === "postgres")("two app instances on one server database never hand out the same number", async () => {
    const second = await startTestApp({ sharing: t });
    try {
      const apps = [t, second, t, second];
      const numbers = (
        await Promise.all(
          apps.map(async (app) => {
            const mine: string[] = [];
            for (let i = 0; i < 25; i++) {
              const res = await app.api("POST", "/api/orders", { as: "sales", body: { customer: "C-B1", lines: [{ sku: "TT-200", qty: 1 }] } });
              expect(res.status).toBe(201);
              mine.push(res.body.orderNo);
            }
            return mine;
          }),
        )
      ).flat();
      expect(new Set(numbers).size).toBe(100);
    } finally {
      await second.close();
    }
  });

  it("two people editing the same order: exactly one wins, the other gets 409", async () => {
    const res = await t.api("POST", "/api/orders", { as: "sales", body: { customer: "C-B1", lines: [{ sku: "TT-200", qty: 1 }] } });
    const no = res.body.orderNo;
    const results = await Promise.all(
      (["sales", "service", "sales", "service"] as const).map((as, i) =>
        t.api("PATCH", `/api/orders/${no}`, { as, headers: { "if-match": "1" }, body: { note: `edit ${i}` } }),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(3);
    const order = await t.api("GET", `/api/orders/${no}`);
    expect(order.body.version).toBe(2);
    expect(order.body.events.filter((e: { kind: string }) => e.kind === "changed")).toHaveLength(1);
  });

  it("concurrent retries of one Idempotency-Key create exactly one order", async () => {
    const headers = { "idempotency-key": "retry-storm-0001" };
    const body = { customer: "C-A1", lines: [{ sku: "TT-200", qty: 2 }] };
    const results = await Promise.all(Array.from({ length: 6 }, () => t.api("POST", "/api/orders", { as: "sales", body, headers })));
    expect(new Set(results.map((r) => r.body.orderNo)).size).toBe(1);
    for (const r of results) expect(r.status).toBe(201);
  });
});
