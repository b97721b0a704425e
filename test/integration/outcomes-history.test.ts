// On-time delivery over live orders and the legacy history imported from the old ledgers: the hand-built
// live history of outcomes.test.ts plus a few history_orders written with SQL, each effect worked out by hand.
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { outcomeAppWithHistory } from "../fixtures/outcome-history.js";
import type { TestApp } from "../support/test-app.js";

const app = outcomeAppWithHistory(async (started) => {
  const db = started.database.db;
  const { rows } = await sql<{ id: string }>`
    insert into import_batches (file_hash, run_key, file_name, kind, sheet, summary, created_by)
    values ('h', 'outcomes-history', '旧台账.xlsx', 'orders', 'Sheet1', '{}', 'sales') returning id`.execute(db);
  const importId = rows[0].id;
  // [order_no, customer, ordered_on, due_on, delivered_on, status, line items]
  const legacy: [string, string, string, string | null, string | null, string, string[]][] = [
    ["LG-001", "C-A1", "2026-02-20", "2026-03-06", "2026-03-05", "delivered", ["PS-100"]], // SKU → 压力传感器; on time
    ["LG-002", "C-B1", "2026-02-25", "2026-03-10", "2026-03-12", "closed", ["温度变送器 TT-200", "老型号 X9"]], // name → 温度变送器, unknown model; late
    ["LG-003", "C-B1", "2026-03-01", null, "2026-03-11", "delivered", ["老型号 X9"]], // no due date: delivered, not judged
    ["LG-004", "C-A1", "2026-03-01", "2026-03-25", "2026-03-20", "delivered", ["PS-100"]], // delivered after the period
    ["LG-005", "C-A1", "2026-03-01", "2026-03-06", null, "open", ["PS-100"]], // never delivered
  ];
  for (const [no, customer, ordered, due, delivered, status, items] of legacy) {
    await sql`insert into history_orders (order_no, customer_code, ordered_on, due_on, delivered_on, status, amount, import_id, source_rows)
      values (${no}, ${customer}, ${ordered}, ${due}, ${delivered}, ${status}, 100, ${importId}, '{2}')`.execute(db);
    for (const [i, item] of items.entries()) {
      await sql`insert into history_order_lines (order_no, line_no, item, amount, source_row) values (${no}, ${i + 1}, ${item}, 100, ${i + 2})`.execute(db);
    }
  }
});
let t: TestApp;
beforeAll(() => {
  t = app.t;
});

const PERIOD = "from=2026-03-02&to=2026-03-15";

describe("on-time delivery with the imported history", () => {
  it("counts the legacy orders delivered in the period by their due date, as source 'history'", async () => {
    const res = await t.api("GET", `/api/metrics/outcomes?${PERIOD}`);
    expect(res.status).toBe(200);
    const onTime = res.body.onTime;
    // Live (outcomes.test.ts): 3 delivered, all with a due date, 2 on time; promised 3/2, requested 2/1.
    // History in the period: LG-001 on time, LG-002 late, LG-003 without a due date (LG-004, LG-005 outside).
    // A ledger's due date is neither promised nor requested: those figures stay the live ones.
    expect([onTime.delivered, onTime.withDueDate, onTime.onTime, onTime.onTimeRate]).toEqual([6, 5, 3, 0.6]);
    expect([onTime.promised, onTime.requested]).toEqual([
      { count: 3, onTime: 2, rate: 0.6667 },
      { count: 2, onTime: 1, rate: 0.5 },
    ]);
    // C-A1: live 1/1 + LG-001 on time = 2/2. C-B1: live 1 of 2 + LG-002 late + LG-003 unjudged = 1/3.
    expect(
      onTime.byCustomer.map((c: { customer: string; delivered: number; withDueDate: number; onTimeRate: number }) => [
        c.customer,
        c.delivered,
        c.withDueDate,
        c.onTimeRate,
      ]),
    ).toEqual([
      ["C-A1", 2, 2, 1],
      ["C-B1", 4, 3, 0.3333],
    ]);
    // 压力传感器: live 2/2 + LG-001 (SKU) = 3/3. 温度变送器: live 1/2 + LG-002 (by name) late = 1/3. Unknown models count in no family.
    expect(onTime.byFamily.map((f: { family: string; delivered: number; onTimeRate: number }) => [f.family, f.delivered, f.onTimeRate])).toEqual([
      ["压力传感器", 3, 1],
      ["温度变送器", 3, 0.3333],
    ]);
    expect(onTime.byMonth).toEqual([expect.objectContaining({ month: "2026-03", delivered: 6, withDueDate: 5, onTime: 3, onTimeRate: 0.6 })]);
    // W10 (2–8 Mar): live 0220 (3 Mar), 001 (5 Mar), LG-001 (5 Mar), all on time. W11: 0303 late, LG-002 late, LG-003 unjudged.
    expect(
      onTime.byWeek.map((w: { week: string; delivered: number; onTime: number; onTimeRate: number }) => [w.week, w.delivered, w.onTime, w.onTimeRate]),
    ).toEqual([
      ["2026-W10", 3, 3, 1],
      ["2026-W11", 3, 0, 0],
    ]);
    expect(onTime.bySource).toEqual([
      {
        source: "history",
        delivered: 3,
        withDueDate: 2,
        onTime: 1,
        onTimeRate: 0.5,
        promised: { count: 0, onTime: 0, rate: null },
        requested: { count: 0, onTime: 0, rate: null },
      },
      expect.objectContaining({ source: "live", delivered: 3, withDueDate: 3, onTime: 2, onTimeRate: 0.6667 }),
    ]);
  });

  it("lists the history orders in the drill-down, marked as history", async () => {
    const late = await t.api("GET", `/api/metrics/outcomes/on-time/orders?${PERIOD}&late=true`);
    expect(late.body.total).toBe(2);
    expect(late.body.orders).toEqual([
      {
        source: "history",
        orderNo: "LG-002",
        customer: "C-B1",
        deliveredOn: "2026-03-12",
        promisedDate: null,
        requestedDate: null,
        dueDate: "2026-03-10",
        families: ["温度变送器"],
        onTime: false,
        onTimePromised: null,
        onTimeRequested: null,
      },
      expect.objectContaining({ source: "live", orderNo: "DH20260303001" }),
    ]);
    const family = await t.api("GET", `/api/metrics/outcomes/on-time/orders?${PERIOD}&family=${encodeURIComponent("压力传感器")}`);
    expect(family.body.orders.map((o: { source: string; orderNo: string }) => [o.source, o.orderNo])).toEqual([
      ["live", "DH20260302001"],
      ["history", "LG-001"],
      ["live", "DH20260220001"],
    ]);
    const customer = await t.api("GET", `/api/metrics/outcomes/on-time/orders?${PERIOD}&customer=C-B1`);
    expect(customer.body.orders.map((o: { orderNo: string; families: string[]; onTime: boolean | null }) => [o.orderNo, o.families, o.onTime])).toEqual([
      ["LG-002", ["温度变送器"], false],
      ["LG-003", [], null],
      ["DH20260303001", ["温度变送器"], false],
      ["DH20260220001", ["压力传感器"], true],
    ]);
  });
});
