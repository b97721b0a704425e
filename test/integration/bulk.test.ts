import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { peopleTakingOrders } from "../../src/intake/people-waiting.js";
import { installDefaultRules } from "../../src/rules/install-default-rules.js";
import { integrationToken, startTestApp, type TestApp } from "../support/test-app.js";

let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await startTestApp();
  await installDefaultRules(t.database.db);
  token = await integrationToken(t.database);
});
afterAll(() => t?.close());

const count = async () =>
  Number(
    (
      await t.database.db
        .selectFrom("orders")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe("bulk intake", () => {
  it("takes each order on its own: good ones in, bad ones reported by index and field, rules applied", async () => {
    const orders = [
      { customer: "C-B1", lines: [{ sku: "TT-200", qty: 2 }] },
      { customer: "C-B1", lines: [{ sku: "TT-200", qty: "2" }] },
      { customer: "NOPE", lines: [{ sku: "TT-200", qty: 2 }] },
      { customer: "C-C1", lines: [{ sku: "TT-200", qty: 1 }] },
      { customer: "C-D1", rush: true, lines: [{ sku: "TT-200", qty: 1 }] },
      { customer: "C-A1", lines: [{ sku: "PS-100", qty: 1, params: { protocol: "HART" } }] },
    ];
    const before = await count();
    const res = await t.api("POST", "/api/orders/bulk", { token, body: { batchId: "edi-2026-11-25-a", orders } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ received: 6, accepted: 3, rejected: 3, held: 1 });
    const r = res.body.results;
    expect(r[0]).toMatchObject({ index: 0, status: "confirmed" });
    expect(r[1]).toMatchObject({ index: 1, status: "rejected", error: { field: "orders[1].lines[0].qty" } });
    expect(r[2].error.field).toBe("orders[2].customer");
    expect(r[3]).toMatchObject({ status: "on_hold" });
    expect(r[4]).toMatchObject({ status: "rejected", error: { code: "business_rule", field: "orders[4].rush" } });
    expect(r[5].status).toBe("confirmed");
    expect(await count()).toBe(before + 3);
    const edi = await t.api("GET", `/api/orders/${r[0].orderNo}`);
    expect(edi.body.tags).toContain("EDI");
    expect(edi.body.source).toBe("bulk");
    const tasks = await t.api("GET", `/api/tasks?orderNo=${r[5].orderNo}`);
    expect(tasks.body.tasks.map((x: { title: string }) => x.title.split("：")[0]).sort()).toEqual(["固件协议配置", "工程评审"]);
  });

  it("stores each confirmed order's promise, each on top of the ones before it; a held order gets none yet", async () => {
    const orders = [
      { customer: "C-B1", lines: [{ sku: "TT-200", qty: 5 }] },
      { customer: "C-B1", lines: [{ sku: "TT-200", qty: 5 }] },
      { customer: "C-C1", lines: [{ sku: "TT-200", qty: 1 }] },
    ];
    const res = await t.api("POST", "/api/orders/bulk", { token, body: { batchId: "edi-promises", orders } });
    const [first, second, held] = res.body.results;
    expect(held.status).toBe("on_hold");
    const stored = await t.database.db
      .selectFrom("orders")
      .select(["order_no", "promised_date"])
      .where("order_no", "in", [first.orderNo, second.orderNo, held.orderNo])
      .orderBy("order_no")
      .execute();
    expect(stored[0].promised_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(stored[1].promised_date! >= stored[0].promised_date!).toBe(true);
    expect(stored[2].promised_date).toBeNull();
    // The same promise as a single intake of the same order would get right after the batch.
    const single = await t.api("POST", "/api/promise", { as: "sales", body: orders[0] });
    expect(single.body.earliestDate >= stored[1].promised_date!).toBe(true);
  });

  it("retrying the same batchId creates nothing new and answers the same; other content is refused", async () => {
    const body = { batchId: "edi-retry-1", orders: [{ customer: "C-B1", lines: [{ sku: "TT-200", qty: 3 }] }] };
    const first = await t.api("POST", "/api/orders/bulk", { token, body });
    const before = await count();
    const again = await t.api("POST", "/api/orders/bulk", { token, body });
    expect(again.body.results).toEqual(first.body.results);
    expect(again.body.replayed).toBe(true);
    expect(await count()).toBe(before);
    const other = await t.api("POST", "/api/orders/bulk", { token, body: { ...body, orders: [{ customer: "C-A1", lines: [{ sku: "TT-200", qty: 1 }] }] } });
    expect(other.status).toBe(409);
    expect(other.body.error.field).toBe("batchId");
  });

  it("commits many orders in chunks with consecutive numbers", async () => {
    const orders = Array.from({ length: 1200 }, (_, i) => ({
      customer: i % 2 ? "C-A1" : "C-B1",
      lines: [
        { sku: "TT-200", qty: 1 + (i % 5) },
        { sku: "PM-CHIP", qty: 1 },
      ],
    }));
    const res = await t.api("POST", "/api/orders/bulk", { token, body: { batchId: "edi-big", orders } });
    expect(res.body.accepted).toBe(1200);
    const seqs = res.body.results.map((x: { orderNo: string }) => Number(x.orderNo.slice(10)));
    expect(new Set(seqs).size).toBe(1200);
    expect(Math.max(...seqs) - Math.min(...seqs)).toBe(1199);
  });

  it("writes in groups of 10 while people are taking single orders in, and of 100 when they are not", async () => {
    const orders = (tag: string) => Array.from({ length: 25 }, () => ({ customer: "C-A1", tags: [tag], lines: [{ sku: "TT-200", qty: 1 }] }));
    // Each transaction writes its orders with its own transaction id (xmin).
    const transactions = async (batch: { results: { orderNo: string }[] }) => {
      const { rows } = await sql<{ n: number }>`select count(distinct xmin::text)::int as n from orders
        where order_no in (${sql.join(batch.results.map((r) => r.orderNo))})`.execute(t.database.db);
      return rows[0].n;
    };
    const single = await t.api("POST", "/api/orders", { as: "sales", body: { customer: "C-A1", lines: [{ sku: "TT-200", qty: 1 }] } });
    expect(single.status).toBe(201);
    const busy = await t.api("POST", "/api/orders/bulk", { token, body: { batchId: "edi-people", orders: orders("people") } });
    expect(busy.body.accepted).toBe(25);
    expect(await transactions(busy.body)).toBe(3);
    await vi.waitFor(() => expect(peopleTakingOrders()).toBe(false), { timeout: 5_000, interval: 100 });
    const quiet = await t.api("POST", "/api/orders/bulk", { token, body: { batchId: "edi-quiet", orders: orders("quiet") } });
    expect(quiet.body.accepted).toBe(25);
    expect(await transactions(quiet.body)).toBe(1);
  });

  it("is refused to roles without bulk rights", async () => {
    expect((await t.api("POST", "/api/orders/bulk", { as: "planner", body: { batchId: "x", orders: [{}] } })).status).toBe(403);
  });
});
