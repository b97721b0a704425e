import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

describe("working calendar", () => {
  it("shows statutory holidays, 调休 and capacity per work centre", async () => {
    const res = await t.api("GET", "/api/calendar?from=2026-09-30&to=2026-10-10&workCentre=WC-CAL", { as: "sales" });
    expect(res.status).toBe(200);
    const by = new Map(res.body.days.map((d: { date: string }) => [d.date, d]));
    expect(by.get("2026-09-30")).toMatchObject({ working: true, reason: "workday", hours: 8, capacityHours: 8, loadLimitHours: 6.8, maintenance: [] });
    expect(by.get("2026-10-01")).toMatchObject({ working: false, reason: "holiday", note: "国庆节", capacityHours: 0 });
    expect(by.get("2026-10-10")).toMatchObject({ working: true, reason: "adjusted_workday" });
    expect(res.body.statutory).toMatchObject({ source: "chinese-days", coveredYears: [2026], provisionalYears: [] });
    const all = await t.api("GET", "/api/calendar?from=2026-09-30&to=2026-09-30", { as: "sales" });
    // Both centres summed: assembly 2×8 h × 2 units + calibration 8 h.
    expect(all.body.days[0]).toMatchObject({ hours: 24, capacityHours: 40 });
    const bad = await t.api("GET", "/api/calendar?from=2026-10-10&to=2026-10-01", { as: "sales" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe("to");
    const unknown = await t.api("GET", "/api/calendar?from=2026-10-01&to=2026-10-02&workCentre=WC-NOPE", { as: "sales" });
    expect(unknown.status).toBe(404);
  });

  it("planners add, change and remove shutdowns; each change is logged; others may not", async () => {
    const body = { dayFrom: "2026-12-07", dayTo: "2026-12-08", kind: "shutdown", reason: "停电检修" };
    expect((await t.api("POST", "/api/calendar/exceptions", { as: "sales", body })).status).toBe(403);
    const created = await t.api("POST", "/api/calendar/exceptions", { as: "planner", body });
    expect(created.status).toBe(201);
    const day = await t.api("GET", "/api/calendar?from=2026-12-07&to=2026-12-07&workCentre=WC-ASM", { as: "planner" });
    expect(day.body.days[0]).toMatchObject({ working: false, reason: "shutdown", note: "停电检修", capacityHours: 0 });
    const clash = await t.api("POST", "/api/calendar/exceptions", {
      as: "planner",
      body: { dayFrom: "2026-12-08", dayTo: "2026-12-08", kind: "extra_working", reason: "加班" },
    });
    expect(clash.status).toBe(409);
    const moved = await t.api("PUT", `/api/calendar/exceptions/${created.body.id}`, { as: "planner", body: { ...body, dayTo: "2026-12-07" } });
    expect(moved.body).toMatchObject({ dayFrom: "2026-12-07", dayTo: "2026-12-07" });
    expect((await t.api("DELETE", `/api/calendar/exceptions/${created.body.id}`, { as: "planner" })).status).toBe(204);
    expect((await t.api("DELETE", `/api/calendar/exceptions/${created.body.id}`, { as: "planner" })).status).toBe(404);
    const log = await t.database.db.selectFrom("master_changes").selectAll().where("entity", "=", "calendar_exception").execute();
    expect(log.map((l) => l.actor_roles)).toEqual([["planner"], ["planner"], ["planner"]]);
    const reversed = await t.api("POST", "/api/calendar/exceptions", { as: "planner", body: { ...body, dayTo: "2026-12-01" } });
    expect(reversed.status).toBe(400);
  });

  it("shifts per work centre change capacity; a day holds at most 24 hours", async () => {
    const res = await t.api("PUT", "/api/calendar/work-centres/WC-CAL", { as: "planner", body: { shifts: 2, loadThreshold: 0.9 } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ shifts: 2, hoursPerShift: 8, loadThreshold: 0.9 });
    const day = await t.api("GET", "/api/calendar?from=2026-12-01&to=2026-12-01&workCentre=WC-CAL", { as: "planner" });
    expect(day.body.days[0]).toMatchObject({ hours: 16, capacityHours: 16, loadLimitHours: 14.4 });
    const tooLong = await t.api("PUT", "/api/calendar/work-centres/WC-CAL", { as: "planner", body: { shifts: 3, hoursPerShift: 10 } });
    expect(tooLong.status).toBe(400);
    expect((await t.api("PUT", "/api/calendar/work-centres/WC-CAL", { as: "planner", body: { shifts: 1, loadThreshold: 0.85 } })).status).toBe(200);
    const log = await t.database.db.selectFrom("master_changes").selectAll().where("entity", "=", "work_centre").execute();
    expect(log[0].change).toMatchObject({ shifts: { from: 1, to: 2 } });
  });

  it("maintenance windows cut capacity and may not overlap on one centre", async () => {
    const body = { workCentre: "WC-CAL", startsAt: "2026-12-02T08:00:00+08:00", endsAt: "2026-12-02T12:00:00+08:00", reason: "标准压力源送检" };
    const created = await t.api("POST", "/api/calendar/maintenance", { as: "planner", body });
    expect(created.status).toBe(201);
    const day = await t.api("GET", "/api/calendar?from=2026-12-02&to=2026-12-02&workCentre=WC-CAL", { as: "sales" });
    expect(day.body.days[0]).toMatchObject({ capacityHours: 4, maintenance: [{ id: created.body.id, hours: 4, reason: "标准压力源送检" }] });
    const clash = await t.api("POST", "/api/calendar/maintenance", {
      as: "planner",
      body: { ...body, startsAt: "2026-12-02T11:00:00+08:00", endsAt: "2026-12-02T13:00:00+08:00" },
    });
    expect(clash.status).toBe(409);
    const badCentre = await t.api("POST", "/api/calendar/maintenance", { as: "planner", body: { ...body, workCentre: "WC-NOPE" } });
    expect(badCentre.status).toBe(400);
    expect(badCentre.body.error.field).toBe("workCentre");
    const moved = await t.api("PUT", `/api/calendar/maintenance/${created.body.id}`, { as: "planner", body: { ...body, endsAt: "2026-12-02T10:00:00+08:00" } });
    expect(moved.status).toBe(200);
    expect((await t.api("DELETE", `/api/calendar/maintenance/${created.body.id}`, { as: "admin" })).status).toBe(204);
    const log = await t.database.db.selectFrom("master_changes").select("actor").where("entity", "=", "maintenance_window").execute();
    expect(log.map((l) => l.actor)).toEqual(["planner", "planner", "admin"]);
  });
});
