// A sent quotation version can hold its promised date (decisions 0070, 0071, 0076): the hold takes material
// and capacity from later promises while the promise is valid; converting the version takes the order in
// through the hold (the held date, nothing booked twice, a retry answers the same order); losing the quote or
// superseding the version gives the date back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

const lines = [{ sku: "PS-100", qty: 120, params: { pressureRating: "10MPa", cableLength: 5 } }];
const earliest = async () => {
  const res = await t.api("POST", "/api/promise", { as: "sales", body: { customer: "C-A1", lines } });
  expect(res.status).toBe(200);
  return res.body.earliestDate as string;
};
async function quote() {
  const res = await t.api("POST", "/api/quotes", { as: "sales", body: { customer: "C-A1", title: "恒锐 压力传感器询价", lines } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.quoteNo as string;
}
const send = (quoteNo: string, v: number, body?: Record<string, unknown>) => t.api("POST", `/api/quotes/${quoteNo}/versions/${v}/send`, { as: "sales", body });
const holdsCount = async () => (await t.database.db.selectFrom("promise_holds").select("id").execute()).length;
// biome-ignore lint/suspicious/noExplicitAny: JSON replies are checked by the assertions
const versionOf = (q: { versions: { version: number }[] }, v: number) => q.versions.find((x) => x.version === v) as Record<string, any>;

describe("quotes that hold their promised date", () => {
  it("holding on send makes the next promise later; converting gives the order the held date once", async () => {
    expect((await t.api("POST", "/api/planning/replan", { as: "planner" })).status).toBe(200);
    const free = await earliest();
    const quoteNo = await quote();
    const sent = await send(quoteNo, 1, { holdPromise: true });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const v1 = versionOf(sent.body.quote, 1);
    expect(v1.hold).toMatchObject({ heldDate: v1.promise.date, status: "held", orderNo: null });
    expect(v1.promise.date).toBe(free);
    // As long as the promise is valid (7 days), at most the hold's 168 h.
    const left = Date.parse(v1.hold.expiresAt) - Date.now();
    expect(left).toBeGreaterThan(100 * 3_600_000);
    expect(left).toBeLessThanOrEqual(168 * 3_600_000);
    const whileHeld = await earliest();
    expect(whileHeld > free).toBe(true);

    // A retried send keeps the one hold.
    const holds = await holdsCount();
    expect((await send(quoteNo, 1, { holdPromise: true })).status).toBe(200);
    expect(await holdsCount()).toBe(holds);

    const before = (await t.database.db.selectFrom("orders").select("order_no").execute()).length;
    const converted = await t.api("POST", `/api/quotes/${quoteNo}/versions/1/convert`, { as: "sales" });
    expect(converted.status, JSON.stringify(converted.body)).toBe(201);
    expect(converted.body.promise.date).toBe(v1.hold.heldDate);
    expect(converted.body.fromQuote).toMatchObject({ quoteNo, version: 1, repriced: null, repromised: null });
    const again = await t.api("POST", `/api/quotes/${quoteNo}/versions/1/convert`, { as: "sales" });
    expect(again.status).toBe(201);
    expect(again.body.orderNo).toBe(converted.body.orderNo);
    expect((await t.database.db.selectFrom("orders").select("order_no").execute()).length).toBe(before + 1);
    const won = (await t.api("GET", `/api/quotes/${quoteNo}`, { as: "sales" })).body;
    expect(won.status).toBe("won");
    expect(versionOf(won, 1).hold).toMatchObject({ status: "converted", orderNo: converted.body.orderNo });
    // The order has the slot now, not the hold and the order both.
    expect(await earliest()).toBe(whileHeld);
  });

  it("a retry after the order was made but before the quote was won answers the same order", async () => {
    const quoteNo = await quote();
    const sent = await send(quoteNo, 1, { holdPromise: true });
    const holdId = Number(
      (await t.database.db.selectFrom("quote_versions").select("promise_hold_id").where("quote_no", "=", quoteNo).executeTakeFirstOrThrow()).promise_hold_id,
    );
    expect(versionOf(sent.body.quote, 1).hold.status).toBe("held");
    // The hold converted straight from the promise screen: the quote's conversion answers that order.
    const direct = await t.api("POST", `/api/promise/holds/${holdId}/convert`, { as: "sales" });
    expect(direct.status).toBe(201);
    const converted = await t.api("POST", `/api/quotes/${quoteNo}/versions/1/convert`, { as: "sales" });
    expect(converted.status, JSON.stringify(converted.body)).toBe(201);
    expect(converted.body.orderNo).toBe(direct.body.orderNo);
    expect((await t.api("GET", `/api/quotes/${quoteNo}`, { as: "sales" })).body).toMatchObject({ status: "won", orderNo: direct.body.orderNo });
  });

  it("losing the quote or superseding the version releases the hold", async () => {
    // A released hold rebuilds the plan state; so does a re-plan, for the date to compare with.
    expect((await t.api("POST", "/api/planning/replan", { as: "planner" })).status).toBe(200);
    const free = await earliest();
    const lostNo = await quote();
    expect((await send(lostNo, 1, { holdPromise: true })).status).toBe(200);
    expect((await earliest()) > free).toBe(true);
    const lost = await t.api("POST", `/api/quotes/${lostNo}/lost`, { as: "sales", body: { reason: "price" } });
    expect(lost.status).toBe(200);
    expect(versionOf(lost.body, 1).hold.status).toBe("released");
    expect(await earliest()).toBe(free);

    // V1 held, V2 sent without a hold and bought: V1 is superseded and its date goes back.
    const quoteNo = await quote();
    expect((await send(quoteNo, 1, { holdPromise: true })).status).toBe(200);
    const v2 = await t.api("POST", `/api/quotes/${quoteNo}/versions`, { as: "sales", body: { lines: lines.map((l) => ({ ...l, qty: 2 })) } });
    expect(v2.status, JSON.stringify(v2.body)).toBe(201);
    const sent2 = await send(quoteNo, 2);
    expect(sent2.status, JSON.stringify(sent2.body)).toBe(200);
    const converted = await t.api("POST", `/api/quotes/${quoteNo}/versions/2/convert`, { as: "sales" });
    expect(converted.status, JSON.stringify(converted.body)).toBe(201);
    expect(converted.body.fromQuote.superseded).toEqual([1]);
    const after = (await t.api("GET", `/api/quotes/${quoteNo}`, { as: "sales" })).body;
    expect(versionOf(after, 1)).toMatchObject({ status: "superseded", hold: { status: "released" } });
    expect(versionOf(after, 2).hold).toBeNull();
  });

  it("refuses a bad holdPromise by field, and a version without a promise to hold", async () => {
    const quoteNo = await quote();
    const bad = await send(quoteNo, 1, { holdPromise: "yes" });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain("holdPromise");
    await t.database.db.updateTable("quote_versions").set({ promise_date: null }).where("quote_no", "=", quoteNo).execute();
    const none = await send(quoteNo, 1, { holdPromise: true });
    expect(none.status).toBe(422);
    expect(none.body.error.field).toBe("holdPromise");
    // Nothing half done: the version was not sent either.
    expect(versionOf((await t.api("GET", `/api/quotes/${quoteNo}`, { as: "sales" })).body, 1).status).toBe("draft");
  });
});
