import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, dayNumber } from "../../src/calendar/model/dates.js";
import { plantDay } from "../../src/orders/model/numbering.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

let t: TestApp;
const today = plantDay(new Date());
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

const TABLES = [
  "orders",
  "order_lines",
  "order_events",
  "reservations",
  "inventory_balances",
  "tasks",
  "notifications",
  "rule_evaluations",
  "plan_runs",
  "master_changes",
] as const;
async function counts() {
  const out: Record<string, number> = {};
  for (const table of TABLES) {
    const row = await t.database.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  return out;
}

describe("POST /api/promise", () => {
  it("answers with a date, the binding constraint and an explanation, and saves nothing", async () => {
    const before = await counts();
    const res = await t.api("POST", "/api/promise", {
      as: "sales",
      body: { customer: "C-A1", lines: [{ sku: "PS-100", qty: 10, params: { pressureRating: "10MPa" } }], requestedDate: addDays(today, 30) },
    });
    expect(res.status).toBe(200);
    expect(res.body.feasible).toBe(true);
    expect(res.body.earliestDate >= today).toBe(true);
    expect(res.body.explanation).toContain("可按要求交期");
    expect(res.body.ctp.operations.map((o: { workCentre: string }) => o.workCentre)).toEqual(["WC-ASM", "WC-CAL"]);
    expect(res.body.atp.find((a: { sku: string }) => a.sku === "PM-CHIP")).toMatchObject({ required: 10, availableToday: 80, short: 0, source: "stock" });
    const en = await t.api("POST", "/api/promise", {
      as: "planner",
      headers: { "accept-language": "en" },
      body: { customer: "C-A1", lines: [{ sku: "PS-100", qty: 10 }], requestedDate: addDays(today, 30) },
    });
    expect(en.body.explanation).toContain("holds");
    expect(await counts()).toEqual(before);
  });

  it("names the short material; once supply is on order, promises after its arrival", async () => {
    const short = await t.api("POST", "/api/promise", {
      as: "sales",
      body: { customer: "C-A1", lines: [{ sku: "PS-100", qty: 100 }], requestedDate: addDays(today, 5) },
    });
    expect(short.body.feasible).toBe(false);
    expect(short.body.bottleneck).toMatchObject({ kind: "material", sku: "PM-CHIP", newPurchase: true, short: 20 });
    expect(short.body.explanation).toContain("压阻芯片（PM-CHIP）缺 20");
    const arrival = addDays(today, 8);
    await t.database.db
      .insertInto("supply_lines")
      .values({ kind: "purchase", ref: "PO-T1", sku: "PM-CHIP", location: "WH-MAIN", qty: "50", expected_date: arrival })
      .execute();
    const res = await t.api("POST", "/api/promise", {
      as: "sales",
      body: { customer: "C-A1", lines: [{ sku: "PS-100", qty: 100 }], requestedDate: addDays(today, 5) },
    });
    expect(res.body.bottleneck).toMatchObject({ kind: "material", sku: "PM-CHIP", newPurchase: false, readyDate: arrival });
    expect(res.body.ctp.materialReadyDate).toBe(arrival);
    expect(res.body.earliestDate >= arrival).toBe(true);
    for (const op of res.body.ctp.operations) expect(op.start >= arrival).toBe(true);
  });

  it("schedules around a maintenance window of the calibration bench", async () => {
    const from = `${today}T00:00:00+08:00`;
    const to = `${addDays(today, 15)}T00:00:00+08:00`;
    const mw = await t.api("POST", "/api/calendar/maintenance", {
      as: "planner",
      body: { workCentre: "WC-CAL", startsAt: from, endsAt: to, reason: "标准压力源年度送检" },
    });
    expect(mw.status).toBe(201);
    const res = await t.api("POST", "/api/promise", {
      as: "sales",
      body: { customer: "C-A1", lines: [{ sku: "PS-100", qty: 60 }], requestedDate: addDays(today, 3) },
    });
    const cal = res.body.ctp.operations.find((o: { workCentre: string }) => o.workCentre === "WC-CAL");
    // The bench is out for two weeks from today: calibration waits for the end of the window.
    expect(cal.start >= addDays(today, 15)).toBe(true);
    expect(res.body.ctp.operations.find((o: { workCentre: string }) => o.workCentre === "WC-ASM").start < addDays(today, 15)).toBe(true);
    expect(res.body.bottleneck).toMatchObject({ kind: "work_centre", workCentre: "WC-CAL" });
    expect(res.body.explanation).toContain("校准台（WC-CAL）");
    await t.api("DELETE", `/api/calendar/maintenance/${mw.body.id}`, { as: "planner" });
  });

  it("refuses what intake would refuse, and roles without the promise permission", async () => {
    const unknown = await t.api("POST", "/api/promise", { as: "sales", body: { customer: "C-NOPE", lines: [{ sku: "PS-100", qty: 1 }] } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.field).toBe("customer");
    const rushD = await t.api("POST", "/api/promise", { as: "sales", body: { customer: "C-D1", rush: true, lines: [{ sku: "PS-100", qty: 1 }] } });
    expect(rushD.status).toBe(422);
    expect((await t.api("POST", "/api/promise", { as: "warehouse", body: { customer: "C-A1", lines: [{ sku: "PS-100", qty: 1 }] } })).status).toBe(403);
  });

  it("taking an order in stores its promise", async () => {
    const requested = addDays(today, 40);
    const res = await t.api("POST", "/api/orders", { as: "sales", body: { customer: "C-B1", lines: [{ sku: "PS-100", qty: 5 }], requestedDate: requested } });
    expect(res.status).toBe(201);
    expect(res.body.promisedDate).toBe(requested);
    expect(res.body.promise).toEqual({ date: requested, firstDate: requested, state: "promised", plannedDate: null });
    expect(res.body.version).toBe(1);
    const draft = await t.api("POST", "/api/orders", { as: "sales", body: { customer: "C-B1", confirm: false, lines: [{ sku: "PS-100", qty: 5 }] } });
    expect(draft.body.promisedDate).toBeNull();
    const asap = await t.api("POST", "/api/orders", { as: "sales", body: { customer: "C-B1", lines: [{ sku: "PS-100", qty: 5 }] } });
    expect(dayNumber(asap.body.promisedDate)).toBeGreaterThanOrEqual(dayNumber(today));
  });

  it("promises the plan's finish plus the plant's shipping buffer; planners change the buffers, validated and logged", async () => {
    const ask = () => t.api("POST", "/api/promise", { as: "sales", body: { customer: "C-A1", lines: [{ sku: "PS-100", qty: 10 }] } });
    const lastEnd = (body: { ctp: { operations: { end: string }[] } }) =>
      body.ctp.operations
        .map((o) => o.end)
        .sort()
        .at(-1);
    const buffered = await ask();
    expect(buffered.body.ctp.shippingBufferDays).toBe(1);
    expect(buffered.body.ctp.finishDate).toBe(lastEnd(buffered.body));
    expect(buffered.body.earliestDate).toBe(addDays(buffered.body.ctp.finishDate, 1));

    const defaults = await t.api("GET", "/api/settings/promise", { as: "planner" });
    expect(defaults.body).toMatchObject({ shippingBufferDays: 1, materialBufferDays: 3 });
    expect((await t.api("PUT", "/api/settings/promise", { as: "sales", body: { shippingBufferDays: 0 } })).status).toBe(403);
    const negative = await t.api("PUT", "/api/settings/promise", { as: "planner", body: { shippingBufferDays: -1 } });
    expect(negative.status).toBe(400);
    expect((await t.api("PUT", "/api/settings/promise", { as: "planner", body: { materialBufferDays: 1.5 } })).status).toBe(400);
    const changed = await t.api("PUT", "/api/settings/promise", { as: "planner", body: { shippingBufferDays: 0 } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ shippingBufferDays: 0, materialBufferDays: 3, updatedBy: "planner" });
    const log = await t.database.db.selectFrom("master_changes").selectAll().where("entity", "=", "plant_settings").execute();
    expect(log.map((l) => [l.actor, l.change])).toEqual([["planner", { shippingBufferDays: { from: 1, to: 0 } }]]);

    const unbuffered = await ask();
    expect(unbuffered.body.ctp.shippingBufferDays).toBe(0);
    expect(unbuffered.body.earliestDate).toBe(unbuffered.body.ctp.finishDate);
    await t.api("PUT", "/api/settings/promise", { as: "admin", body: { shippingBufferDays: 1 } });
    expect((await ask()).body.earliestDate).toBe(addDays((await ask()).body.ctp.finishDate, 1));
  });

  it("an order that cannot be promised waits as no promise, with the reason in people's words", async () => {
    // 60,000 pieces need 3,000 h of the calibration bench: more than a year of it.
    const res = await t.api("POST", "/api/orders", { as: "sales", body: { customer: "C-B1", lines: [{ sku: "PS-100", qty: 60000 }] } });
    expect(res.status).toBe(201);
    expect(res.body.promisedDate).toBeNull();
    expect(res.body.promise).toMatchObject({ date: null, state: "none" });
    expect(res.body.promise.reason.zh).toMatch(/^无法承诺：/);
    expect(res.body.promise.reason.en).toMatch(/^Cannot promise: /);
    const again = await t.api("GET", `/api/orders/${res.body.orderNo}`, { as: "planner" });
    expect(again.body.promise.reason).toEqual(res.body.promise.reason);
  });
});
