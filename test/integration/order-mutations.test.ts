// Every way an order changes — a person's edit or transition, a batch reschedule, a shipment, the credit
// provider's reply, what the rules decide on a stock change or an overdue task — leaves the same three
// traces: its event in the order's history, one run of the rules listening to it, and a live update on
// every open board. One row per mutation: a new one that forgets any of the three fails here.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drainOutbox } from "../../src/core/outbox/drain-outbox.js";
import { OUTBOX_HANDLERS } from "../../src/outbox/handlers.js";
import { fireOverdueTasks } from "../../src/rules/fire-overdue-tasks.js";
import { startCreditProvider } from "../../src/stand-ins/credit-provider.js";
import { inDays, placeOrder, saveRule } from "../support/helpers.js";
import { type EventStream, openEventStream } from "../support/sse.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

let t: TestApp;
let board: EventStream;
let credit: Awaited<ReturnType<typeof startCreditProvider>>;

const pin = (board: string) => [{ type: "pin", board, colour: "blue" }];

beforeAll(async () => {
  t = await startTestApp();
  credit = await startCreditProvider({ apiKey: "k-mut" });
  const settings = { kind: "credit", config: { baseUrl: credit.url, apiKey: "k-mut", timeoutMs: 2000 } };
  expect((await t.api("PUT", "/api/settings/integrations/default", { body: settings })).status).toBe(200);
  // Listeners that change nothing on the order (a pin), so each mutation's own traces stay apart.
  await saveRule(t, { name: "变更监听(测试)", trigger: { event: "order.changed" }, condition: true, actions: pin("sales") });
  await saveRule(t, { name: "流转监听(测试)", trigger: { event: "order.transition" }, condition: true, actions: pin("warehouse") });
  await saveRule(t, {
    name: "库存监听(测试)",
    trigger: { event: "inventory.changed", fields: ["PM-HOUSING"] },
    condition: true,
    actions: [{ type: "add_tag", tag: "壳体到货" }],
  });
  await saveRule(t, {
    name: "任务超时(测试)",
    trigger: { event: "task.overdue" },
    condition: true,
    actions: [{ type: "set_field", field: "priority", value: 1 }],
  });
  await saveRule(t, {
    name: "大额信用检查(测试)",
    trigger: { event: "order.created" },
    condition: { ">": [{ var: "order.amount" }, 50000] },
    actions: [{ type: "credit_check", provider: "default" }],
  });
  await saveRule(t, {
    name: "备注冻结(测试)",
    trigger: { event: "order.changed", fields: ["note"] },
    condition: { in: ["冻结", { var: "order.tags" }] },
    actions: [{ type: "hold", reason: "备注要求冻结", releasableBy: ["sales"] }],
  });
  board = await openEventStream(t.url, await t.cookie("service"));
});
afterAll(async () => {
  board?.close();
  await credit?.stop();
  await t?.close();
});

const small = () => placeOrder(t, { customer: "C-B1", lines: [{ sku: "TT-200", qty: 1 }] });
const move = async (orderNo: string, as: "planner" | "warehouse" | "sales", to: string, reason?: string) => {
  const res = await t.api("POST", `/api/orders/${orderNo}/transitions`, { as, body: { to, reason } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
const drainAll = async () => {
  while ((await drainOutbox(t.database.db, OUTBOX_HANDLERS, { backoffMs: 0 })) > 0) {}
};
const ok = (res: { status: number; body: unknown }, status = 200) => expect(res.status, JSON.stringify(res.body)).toBe(status);

interface Mutation {
  name: string;
  /** Makes the order to change (not part of what is asserted); its number. */
  setup: () => Promise<string>;
  run: (orderNo: string) => Promise<void>;
  event: { kind: "changed" | "transition"; actor: string | RegExp; to?: string };
  /** The trigger whose listening rule must have judged the order once. */
  trigger: string;
  live: "changed" | "transition";
}

const MUTATIONS: Mutation[] = [
  {
    name: "PATCH /api/orders/:orderNo (update-order)",
    setup: async () => (await small()).orderNo,
    run: async (no) => ok(await t.api("PATCH", `/api/orders/${no}`, { as: "sales", body: { note: "改包装" }, headers: { "if-match": "1" } })),
    event: { kind: "changed", actor: "sales" },
    trigger: "order.changed",
    live: "changed",
  },
  {
    name: "PATCH /api/orders/:orderNo/lines (change-order-lines)",
    setup: async () => (await placeOrder(t, { customer: "C-B1", lines: [{ sku: "TT-200", qty: 3 }] })).orderNo,
    run: async (no) =>
      ok(await t.api("PATCH", `/api/orders/${no}/lines`, { as: "sales", body: { lines: [{ line: 1, qty: 2 }] }, headers: { "if-match": "1" } })),
    event: { kind: "changed", actor: "sales" },
    trigger: "order.changed",
    live: "changed",
  },
  {
    name: "POST /api/orders/:orderNo/transitions (transition-order)",
    setup: async () => (await small()).orderNo,
    run: async (no) => void (await move(no, "planner", "scheduled")),
    event: { kind: "transition", actor: "planner", to: "scheduled" },
    trigger: "order.transition",
    live: "transition",
  },
  {
    name: "transition: a hold released",
    setup: async () => {
      const { orderNo } = await small();
      await move(orderNo, "sales", "on_hold", "客户确认图纸");
      return orderNo;
    },
    run: async (no) => void (await move(no, "sales", "confirmed")),
    event: { kind: "transition", actor: "sales", to: "confirmed" },
    trigger: "order.transition",
    live: "transition",
  },
  {
    name: "transition: delivered (equipment registered on the way)",
    setup: async () => {
      const { orderNo } = await small();
      await move(orderNo, "planner", "scheduled");
      await move(orderNo, "planner", "in_production");
      await move(orderNo, "warehouse", "ready");
      await move(orderNo, "warehouse", "shipped");
      return orderNo;
    },
    run: async (no) => void (await move(no, "warehouse", "delivered")),
    event: { kind: "transition", actor: "warehouse", to: "delivered" },
    trigger: "order.transition",
    live: "transition",
  },
  {
    name: "POST /api/orders/batch-reschedule as sales (reschedule-orders)",
    setup: async () => (await small()).orderNo,
    run: async (no) =>
      ok(await t.api("POST", "/api/orders/batch-reschedule", { as: "sales", body: { orderNos: [no], dueDate: inDays(30), reason: "客户推迟" } })),
    event: { kind: "changed", actor: "sales" },
    trigger: "order.changed",
    live: "changed",
  },
  {
    name: "POST /api/orders/batch-reschedule as planner (reschedule-orders)",
    setup: async () => (await small()).orderNo,
    run: async (no) =>
      ok(await t.api("POST", "/api/orders/batch-reschedule", { as: "planner", body: { orderNos: [no], dueDate: inDays(31), reason: "供应延期" } })),
    event: { kind: "changed", actor: "planner" },
    trigger: "order.changed",
    live: "changed",
  },
  {
    name: "POST /api/orders/:orderNo/shipments (record-shipment)",
    setup: async () => {
      const { orderNo } = await small();
      await move(orderNo, "planner", "scheduled");
      await move(orderNo, "planner", "in_production");
      await move(orderNo, "warehouse", "ready");
      return orderNo;
    },
    run: async (no) => ok(await t.api("POST", `/api/orders/${no}/shipments`, { as: "warehouse", body: { carrier: "顺丰", trackingNo: "SF1234567890" } }), 201),
    event: { kind: "changed", actor: "warehouse" },
    trigger: "order.changed",
    live: "changed",
  },
  {
    name: "outbox: the credit provider approves (record-credit-decision → release)",
    setup: async () => {
      const created = await placeOrder(t, { customer: "C-A1", lines: [{ sku: "TT-200", qty: 60 }] });
      expect(created.status).toBe("on_hold");
      return created.orderNo;
    },
    run: drainAll,
    event: { kind: "transition", actor: "credit:default", to: "confirmed" },
    trigger: "order.transition",
    live: "transition",
  },
  {
    name: "outbox: the credit provider refuses (record-credit-decision → finance decides)",
    setup: async () => {
      const created = await placeOrder(t, { customer: "C-C1", lines: [{ sku: "TT-200", qty: 120 }] });
      expect(created.status).toBe("on_hold");
      return created.orderNo;
    },
    run: drainAll,
    event: { kind: "changed", actor: "credit:default" },
    trigger: "order.changed",
    live: "changed",
  },
  {
    name: "rule effects on a stock change (POST /api/inventory/sync → inventory.changed)",
    setup: async () => (await placeOrder(t, { customer: "C-B1", lines: [{ sku: "PM-HOUSING", qty: 1 }] })).orderNo,
    run: async () =>
      ok(
        await t.api("POST", "/api/inventory/sync", {
          as: "warehouse",
          body: { batchId: `wms-mut-${Date.now()}`, balances: [{ sku: "PM-HOUSING", location: "WH-MAIN", onHand: 777 }], inTransit: [] },
        }),
      ),
    event: { kind: "changed", actor: /^rule:\d+@v1$/ },
    trigger: "inventory.changed",
    live: "changed",
  },
  {
    name: "rule effects on an overdue task (fire-overdue-tasks → task.overdue)",
    setup: async () => {
      const { orderNo } = await small();
      const task = {
        title: "超时任务",
        order_no: orderNo,
        assignee_role: "engineering",
        mentions: [],
        created_by: "sales",
        due_at: new Date(Date.now() - 60_000),
      };
      await t.database.db.insertInto("tasks").values(task).execute();
      return orderNo;
    },
    run: async () => void (await fireOverdueTasks(t.database.db)),
    event: { kind: "changed", actor: /^rule:\d+@v1$/ },
    trigger: "task.overdue",
    live: "changed",
  },
];

async function traces(orderNo: string) {
  const db = t.database.db;
  const [events, evaluations] = await Promise.all([
    db.selectFrom("order_events").select(["id", "kind", "actor", "to_status"]).where("order_no", "=", orderNo).orderBy("id").execute(),
    db.selectFrom("rule_evaluations").select(["id", "trigger"]).where("order_no", "=", orderNo).orderBy("id").execute(),
  ]);
  return { events, evaluations };
}

/**
 * The live changes of this order published since `since` (an ISO time taken before the mutation: a
 * change is stamped when it is published, so the setup's late-arriving messages do not count), waiting
 * up to a second for `count` of them.
 */
async function liveSince(since: string, orderNo: string, count = 1) {
  const deadline = Date.now() + 1000;
  for (;;) {
    const got = board.changes.filter((c) => c.orderNo === orderNo && String(c.at) >= since);
    if (got.length >= count || Date.now() > deadline) return got;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("every order mutation writes its event, runs its rules once and publishes its live change", () => {
  it.each(MUTATIONS)("$name", async (m) => {
    const orderNo = await m.setup();
    const before = await traces(orderNo);
    const since = new Date().toISOString();
    await m.run(orderNo);
    const after = await traces(orderNo);

    const events = after.events.slice(before.events.length);
    expect(events.length, "an event in the order's history").toBeGreaterThanOrEqual(1);
    expect(events[0]).toMatchObject({ kind: m.event.kind, ...(m.event.to ? { to_status: m.event.to } : {}) });
    expect(events[0].actor).toMatch(typeof m.event.actor === "string" ? new RegExp(`^${m.event.actor}$`) : m.event.actor);

    const runs = after.evaluations.slice(before.evaluations.length).map((e) => e.trigger);
    expect(runs, "the listening rules judged the change once").toEqual([m.trigger]);

    const live = await liveSince(since, orderNo);
    expect(
      live.map((c) => c.action),
      "a live update on the open board",
    ).toContain(m.live);
  });

  it("what rules change goes through the same door without firing rules again", async () => {
    const { orderNo } = await placeOrder(t, { customer: "C-B1", tags: ["冻结"], lines: [{ sku: "TT-200", qty: 1 }] });
    const before = await traces(orderNo);
    const since = new Date().toISOString();
    ok(await t.api("PATCH", `/api/orders/${orderNo}`, { as: "sales", body: { note: "请冻结" }, headers: { "if-match": "1" } }));
    const after = await traces(orderNo);
    const events = after.events.slice(before.events.length);
    // The person's change, then the rule's hold: two events, each published; only the first fired rules.
    expect(events.map((e) => [e.kind, e.to_status])).toEqual([
      ["changed", null],
      ["transition", "on_hold"],
    ]);
    expect(events[1].actor).toMatch(/^rule:\d+@v1$/);
    expect(after.evaluations.slice(before.evaluations.length).map((e) => e.trigger)).toEqual(["order.changed"]);
    const live = await liveSince(since, orderNo, 2);
    expect(live.map((c) => [c.action, c.status])).toEqual([
      ["changed", "confirmed"],
      ["transition", "on_hold"],
    ]);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from order_pins where order_no = ${orderNo} and board = 'warehouse'`.execute(
      t.database.db,
    );
    expect(rows[0].n, "no order.transition listener ran on the rule's hold").toBe(0);
  });
});
