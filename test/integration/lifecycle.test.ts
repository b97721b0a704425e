import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

async function newOrder(extra: Record<string, unknown> = {}) {
  const res = await t.api("POST", "/api/orders", { as: "sales", body: { customer: "C-B1", lines: [{ sku: "TT-200", qty: 5 }], ...extra } });
  expect(res.status).toBe(201);
  return res.body.orderNo as string;
}
const move = (
  orderNo: string,
  as: Parameters<TestApp["api"]>[2] extends infer O ? (O extends { as?: infer R } ? R : never) : never,
  to: string,
  reason?: string,
) => t.api("POST", `/api/orders/${orderNo}/transitions`, { as, body: { to, ...(reason ? { reason } : {}) } });

describe("order lifecycle", () => {
  it("walks the main line with the right role at each step, one event per change", async () => {
    const no = await newOrder();
    const steps: [string, "planner" | "warehouse" | "service" | "finance", string][] = [
      ["scheduled", "planner", "planner"],
      ["in_production", "planner", "planner"],
      ["ready", "warehouse", "warehouse"],
      ["shipped", "warehouse", "service"],
      ["delivered", "service", "finance"],
      ["closed", "finance", ""],
    ];
    let version = 1;
    for (const [to, as, owner] of steps) {
      const res = await move(no, as, to);
      expect(res.status, `${to}: ${JSON.stringify(res.body)}`).toBe(200);
      expect(res.body.status).toBe(to);
      expect(res.body.version).toBe(++version);
      expect(res.body.owner.role ?? "").toBe(owner);
    }
    const order = await t.api("GET", `/api/orders/${no}`, { as: "service" });
    const path = order.body.events.map((e: { from: string | null; to: string }) => `${e.from ?? "∅"}→${e.to}`);
    expect(path).toEqual([
      "∅→draft",
      "draft→confirmed",
      "confirmed→scheduled",
      "scheduled→in_production",
      "in_production→ready",
      "ready→shipped",
      "shipped→delivered",
      "delivered→closed",
    ]);
    expect(order.body.events.every((e: { actor: string }) => e.actor)).toBe(true);
  });

  it("refuses a transition the state machine does not allow with 422, and changes nothing", async () => {
    const no = await newOrder();
    const res = await move(no, "admin", "shipped");
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: "business_rule", field: "to" });
    const order = await t.api("GET", `/api/orders/${no}`);
    expect(order.body.status).toBe("confirmed");
    expect(order.body.events).toHaveLength(2);
  });

  it("refuses a role that may not take the transition with 403", async () => {
    const no = await newOrder();
    const res = await move(no, "sales", "scheduled");
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain("planner");
  });

  it("needs a reason to hold or cancel, then releases the hold to where it was", async () => {
    const no = await newOrder();
    await move(no, "planner", "scheduled");
    const noReason = await move(no, "finance", "on_hold");
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.field).toBe("reason");
    const held = await move(no, "finance", "on_hold", "超信用额度");
    expect(held.body).toMatchObject({ status: "on_hold", heldFrom: "scheduled", holdReason: "超信用额度", owner: { role: "finance", user: "finance" } });
    const wrongRelease = await move(no, "finance", "confirmed");
    expect(wrongRelease.status).toBe(422);
    const released = await move(no, "finance", "scheduled");
    expect(released.body).toMatchObject({ status: "scheduled", heldFrom: null, holdReason: null, owner: { role: "planner" } });
    const cancelled = await move(no, "sales", "cancelled", "客户取消");
    expect(cancelled.body.status).toBe("cancelled");
    expect((await move(no, "admin", "confirmed")).status).toBe(422);
  });

  it("applies a transition only to the version the caller saw", async () => {
    const no = await newOrder();
    const res = await t.api("POST", `/api/orders/${no}/transitions`, { as: "planner", body: { to: "scheduled", version: 7 } });
    expect(res.status).toBe(409);
    expect(res.body.error.currentVersion).toBe(1);
  });

  it("refuses to edit the append-only event log, even directly in SQL", async () => {
    const no = await newOrder();
    await expect(t.database.db.updateTable("order_events").set({ reason: "rewritten" }).where("order_no", "=", no).execute()).rejects.toThrow(/append-only/);
    await expect(t.database.db.deleteFrom("order_events").where("order_no", "=", no).execute()).rejects.toThrow(/append-only/);
  });
});

describe("editing an order (optimistic concurrency)", () => {
  it("applies a PATCH at the current version and records the change", async () => {
    const no = await newOrder();
    const res = await t.api("PATCH", `/api/orders/${no}`, { as: "sales", headers: { "if-match": '"1"' }, body: { note: "客户要求加贴标签", tags: ["VIP"] } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: 2, note: "客户要求加贴标签", tags: ["VIP"] });
    expect(res.headers.get("etag")).toBe('"2"');
    const change = res.body.events.at(-1);
    expect(change).toMatchObject({ kind: "changed", actor: "sales", data: { note: { from: "", to: "客户要求加贴标签" } } });
  });

  it("answers a stale If-Match with 409 and the current version, changing nothing", async () => {
    const no = await newOrder();
    await t.api("PATCH", `/api/orders/${no}`, { as: "sales", headers: { "if-match": "1" }, body: { note: "first" } });
    const stale = await t.api("PATCH", `/api/orders/${no}`, { as: "service", headers: { "if-match": "1" }, body: { note: "second" } });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: "stale_version", field: "If-Match", currentVersion: 2 });
    const order = await t.api("GET", `/api/orders/${no}`);
    expect(order.body.note).toBe("first");
    expect(order.body.version).toBe(2);
  });

  it("needs If-Match", async () => {
    const no = await newOrder();
    const res = await t.api("PATCH", `/api/orders/${no}`, { as: "sales", body: { note: "x" } });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe("if-match");
  });

  it("lets only the planner set the promised date, and nobody edit a closed order's dates", async () => {
    const no = await newOrder();
    const bySales = await t.api("PATCH", `/api/orders/${no}`, { as: "sales", headers: { "if-match": "1" }, body: { promisedDate: "2099-01-05" } });
    expect(bySales.status).toBe(403);
    expect(bySales.body.error.field).toBe("promisedDate");
    const byPlanner = await t.api("PATCH", `/api/orders/${no}`, { as: "planner", headers: { "if-match": "1" }, body: { promisedDate: "2099-01-05" } });
    // The promise moves; the first one stays for the on-time figure.
    expect(byPlanner.body.promise).toMatchObject({ date: "2099-01-05", state: "promised" });
    expect(byPlanner.body.promise.firstDate).not.toBe("2099-01-05");
    await move(no, "sales", "cancelled", "客户取消");
    const late = await t.api("PATCH", `/api/orders/${no}`, { as: "sales", headers: { "if-match": "3" }, body: { requestedDate: "2099-02-01" } });
    expect(late.status).toBe(422);
  });

  it("refuses to turn a grade D customer's order into a rush order", async () => {
    const res = await t.api("POST", "/api/orders", { as: "sales", body: { customer: "C-D1", lines: [{ sku: "TT-200", qty: 1 }] } });
    const patch = await t.api("PATCH", `/api/orders/${res.body.orderNo}`, { as: "sales", headers: { "if-match": "1" }, body: { rush: true } });
    expect(patch.status).toBe(422);
    expect(patch.body.error.field).toBe("rush");
  });
});
