// Quote hold (issue 16 item 3): a held date takes capacity and material from later promises, gives them
// back when it expires or is released, and converts into one order that takes the held slot.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

const ask = { customer: "C-A1", lines: [{ sku: "PS-100", qty: 120 }] };
const earliest = async () => {
  const res = await t.api("POST", "/api/promise", { as: "sales", body: ask });
  expect(res.status).toBe(200);
  return res.body.earliestDate as string;
};
const hold = async (hours: number) => {
  const res = await t.api("POST", "/api/promise/holds", { as: "sales", body: { ...ask, hours } });
  expect(res.status).toBe(201);
  return res.body.hold;
};

describe("promise holds", () => {
  it("a hold reduces what the next promise gets; releasing or expiring gives it back", async () => {
    expect((await t.api("POST", "/api/planning/replan", { as: "planner" })).status).toBe(200);
    const free = await earliest();
    const first = await hold(2);
    expect(first).toMatchObject({ heldDate: free, status: "held", customer: "C-A1" });
    expect(Date.parse(first.expiresAt) - Date.now()).toBeGreaterThan(1.9 * 3_600_000);
    const behind = await earliest();
    expect(behind > free).toBe(true);
    expect((await t.api("GET", "/api/promise/holds", { as: "sales" })).body.holds.map((h: { id: number }) => h.id)).toContain(first.id);

    const released = await t.api("POST", `/api/promise/holds/${first.id}/release`, { as: "sales" });
    expect(released.status).toBe(200);
    expect(released.body.status).toBe("released");
    expect(await earliest()).toBe(free);
    expect((await t.api("POST", `/api/promise/holds/${first.id}/release`, { as: "sales" })).status).toBe(409);

    // Expiry is read at the clock: the hold's hour passes, and the next promise has the slot again.
    const second = await hold(1);
    expect(await earliest()).toBe(behind);
    await t.database.db
      .updateTable("promise_holds")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("id", "=", second.id)
      .execute();
    expect(await earliest()).toBe(free);
    expect((await t.api("GET", "/api/promise/holds", { as: "sales" })).body.holds).toEqual([]);
    const late = await t.api("POST", `/api/promise/holds/${second.id}/convert`, { as: "sales" });
    expect(late.status).toBe(422);
  });

  it("converting takes the held slot and consumes the hold exactly once", async () => {
    const free = await earliest();
    const held = await hold(4);
    expect(held.heldDate).toBe(free);
    const whileHeld = await earliest();
    expect(whileHeld > free).toBe(true);
    const before = (await t.database.db.selectFrom("orders").select("order_no").execute()).length;
    const [a, b] = await Promise.all([
      t.api("POST", `/api/promise/holds/${held.id}/convert`, { as: "sales" }),
      t.api("POST", `/api/promise/holds/${held.id}/convert`, { as: "sales" }),
    ]);
    const ok = [a, b].filter((r) => r.status === 201);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    for (const r of [a, b]) expect([201, 409]).toContain(r.status);
    const order = ok[0].body;
    expect(order.promise.date).toBe(held.heldDate);
    expect(order.hold).toMatchObject({ id: held.id, status: "converted", orderNo: order.orderNo });
    const retry = await t.api("POST", `/api/promise/holds/${held.id}/convert`, { as: "sales" });
    expect(retry.status).toBe(201);
    expect(retry.body.orderNo).toBe(order.orderNo);
    expect((await t.database.db.selectFrom("orders").select("order_no").execute()).length).toBe(before + 1);
    // The order holds the slot now, not the hold and the order both: the next promise is where it was while held.
    expect(await earliest()).toBe(whileHeld);
  });

  it("refuses bad input by field and callers without the promise role", async () => {
    const bad = await t.api("POST", "/api/promise/holds", { as: "sales", body: { ...ask, hours: 0 } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain("hours");
    expect((await t.api("POST", "/api/promise/holds", { as: "warehouse", body: { ...ask, hours: 2 } })).status).toBe(403);
  });
});
