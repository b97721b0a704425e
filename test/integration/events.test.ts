import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EventStream, openEventStream } from "../support/sse.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { testDbKind } from "../support/test-db.js";

let t: TestApp;
const streams: EventStream[] = [];
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  for (const s of streams) s.close();
  await t?.close();
});

const open = async (app: TestApp, role: Parameters<TestApp["cookie"]>[0]) => {
  const stream = await openEventStream(app.url, await app.cookie(role));
  streams.push(stream);
  return stream;
};

describe("GET /api/events/stream", () => {
  it("needs a session", async () => {
    const res = await t.api("GET", "/api/events/stream", { as: "anonymous" });
    expect(res.status).toBe(401);
  });

  it("tells an open board of a created, changed and transitioned order within a second", async () => {
    const board = await open(t, "warehouse");
    expect(board.status).toBe(200);
    const created = await t.api("POST", "/api/orders", { as: "sales", body: { customer: "C-B1", lines: [{ sku: "TT-200", qty: 1 }] } });
    expect(created.status).toBe(201);
    const orderNo = created.body.orderNo;
    expect(await board.waitFor((c) => c.orderNo === orderNo && c.action === "created")).toMatchObject({
      kind: "order",
      customer: "C-B1",
      status: "confirmed",
    });
    const patched = await t.api("PATCH", `/api/orders/${orderNo}`, { as: "sales", body: { note: "加急" }, headers: { "if-match": "1" } });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    await board.waitFor((c) => c.orderNo === orderNo && c.action === "changed");
    const moved = await t.api("POST", `/api/orders/${orderNo}/transitions`, { as: "planner", body: { to: "scheduled" } });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(await board.waitFor((c) => c.orderNo === orderNo && c.action === "transition")).toMatchObject({ status: "scheduled" });
  });

  it("says nothing of a change that was refused (no commit, no message)", async () => {
    const board = await open(t, "service");
    const before = board.changes.length;
    const refused = await t.api("POST", "/api/orders", { as: "sales", body: { customer: "C-D1", rush: true, lines: [{ sku: "TT-200", qty: 1 }] } });
    expect(refused.status).toBe(422);
    const ok = await t.api("POST", "/api/orders", { as: "sales", body: { customer: "C-A1", lines: [{ sku: "TT-200", qty: 1 }] } });
    await board.waitFor((c) => c.orderNo === ok.body.orderNo);
    expect(board.changes.slice(before).map((c) => c.orderNo)).toEqual([ok.body.orderNo]);
  });

  it("shows rule changes only to those who may read rules", async () => {
    const admin = await open(t, "admin");
    const sales = await open(t, "sales");
    const rule = {
      name: "事件测试规则",
      trigger: { event: "order.created" },
      condition: { "==": [{ var: "customer.grade" }, "C"] },
      actions: [{ type: "add_tag", tag: "测试" }],
    };
    const created = await t.api("POST", "/api/rules", { body: rule });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    await admin.waitFor((c) => c.kind === "rule" && c.ruleId === created.body.id);
    const marker = await t.api("POST", "/api/orders", { as: "sales", body: { customer: "C-B1", lines: [{ sku: "TT-200", qty: 1 }] } });
    await sales.waitFor((c) => c.orderNo === marker.body.orderNo);
    expect(sales.changes.some((c) => c.kind === "rule")).toBe(false);
  });

  it.runIf(testDbKind() === "postgres")("reaches a board on another app instance through LISTEN/NOTIFY", async () => {
    const second = await startTestApp({ sharing: t });
    try {
      const board = await open(second, "planner");
      const created = await t.api("POST", "/api/orders", { as: "sales", body: { customer: "C-B1", lines: [{ sku: "TT-200", qty: 2 }] } });
      await board.waitFor((c) => c.orderNo === created.body.orderNo);
    } finally {
      await second.close();
    }
  });
});
