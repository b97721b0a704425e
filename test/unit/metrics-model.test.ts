import { describe, expect, it } from "vitest";
import { AppError } from "../../src/core/errors.js";
import { classifyChange, share } from "../../src/metrics/model/autonomy.js";
import { addDays, fullWeeks, periodOf, splitAtPivot } from "../../src/metrics/model/period.js";
import { shapeAutonomy, shapeDelivery, shapeDwell } from "../../src/metrics/model/shape.js";
import { DWELL_KEYS, parseDwellKey } from "../../src/metrics/model/stages.js";
import { change, roundHours } from "../../src/metrics/model/stats.js";

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? { reason: e.messageKey, field: e.field } : e;
  }
  return undefined;
};

describe("periods", () => {
  it("turns inclusive plant days into half-open instants at plant midnight (UTC+8)", () => {
    const p = periodOf("2026-03-02", "2026-03-15");
    expect(p.start.toISOString()).toBe("2026-03-01T16:00:00.000Z");
    expect(p.end.toISOString()).toBe("2026-03-15T16:00:00.000Z");
    expect(periodOf("2026-03-02", "2026-03-02").end.getTime() - periodOf("2026-03-02", "2026-03-02").start.getTime()).toBe(86_400_000);
  });

  it("refuses an end before the start and periods over the limit, naming the field", () => {
    expect(refusal(() => periodOf("2026-03-10", "2026-03-09"))).toEqual({ reason: "metrics.period_order", field: "to" });
    expect(refusal(() => periodOf("2025-01-01", "2026-03-01"))).toEqual({ reason: "metrics.period_too_long", field: "to" });
    expect(refusal(() => periodOf("2025-03-02", "2026-03-01"))).toBeUndefined();
  });

  it("splits at a pivot: before ends the day before, after starts on it", () => {
    const { before, after } = splitAtPivot(periodOf("2026-01-01", "2026-12-31"), "2026-06-01");
    expect([before.from, before.to, after.from, after.to]).toEqual(["2026-01-01", "2026-05-31", "2026-06-01", "2026-12-31"]);
    expect(before.end.getTime()).toBe(after.start.getTime());
    expect(refusal(() => splitAtPivot(periodOf("2026-01-01", "2026-01-31"), "2026-01-01"))).toEqual({ reason: "metrics.pivot_outside", field: "pivot" });
    expect(refusal(() => splitAtPivot(periodOf("2026-01-01", "2026-01-31"), "2026-02-01"))).toEqual({ reason: "metrics.pivot_outside", field: "pivot" });
  });

  it("adds days across month and year ends", () => {
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
  });
});

describe("stages", () => {
  it("maps the seed's stages and every status that has a length", () => {
    expect(parseDwellKey("sales_acceptance")).toMatchObject({ kind: "stage", stage: { from: null, to: "confirmed" } });
    expect(parseDwellKey("scheduling")).toMatchObject({ kind: "stage", stage: { from: "confirmed", to: "scheduled" } });
    expect(parseDwellKey("shipping")).toMatchObject({ kind: "stage", stage: { from: "ready", to: "shipped" } });
    expect(parseDwellKey("on_hold")).toEqual({ kind: "status", status: "on_hold" });
    expect(parseDwellKey("status:draft")).toEqual({ kind: "status", status: "draft" });
    expect(parseDwellKey("closed")).toBeUndefined();
    expect(parseDwellKey("cancelled")).toBeUndefined();
    expect(DWELL_KEYS).toHaveLength(3 + 8);
  });
});

describe("data autonomy", () => {
  it("classes people by role, and the system and integrations as automated", () => {
    expect(classifyChange("sales", ["sales"])).toBe("business");
    expect(classifyChange("engineering", ["engineering", "planner"])).toBe("business");
    expect(classifyChange("admin", ["admin"])).toBe("admin");
    expect(classifyChange("boss", ["sales", "admin"])).toBe("admin");
    expect(classifyChange("system", ["admin"])).toBe("automated");
    expect(classifyChange("token:wms", ["integration"])).toBe("automated");
  });

  it("rounds shares to four decimals and has none without changes", () => {
    expect(share(2, 3)).toBe(0.6667);
    expect(share(0, 0)).toBeNull();
  });
});

describe("figures for charts", () => {
  it("rounds hours and measures changes before → after", () => {
    expect(roundHours(1.23456)).toBe(1.23);
    expect(roundHours(null)).toBeNull();
    expect(change(2, 1)).toEqual({ delta: -1, relative: -0.5 });
    expect(change(0, 1)).toEqual({ delta: 1, relative: null });
    expect(change(null, 1)).toEqual({ delta: null, relative: null });
  });

  it("gives every stage and status, empty ones with a zero count, breakdowns sorted along their axis", () => {
    const row = (key: string, g: number, extra: object, n: number, h: number) => ({
      key,
      week: null,
      grade: null,
      rush: null,
      g,
      n,
      mean: h,
      median: h,
      p90: h,
      ...extra,
    });
    const dwell = shapeDwell([
      row("scheduling", 7, {}, 3, 8.123),
      row("scheduling", 3, { week: "2026-W11" }, 1, 12),
      row("scheduling", 3, { week: "2026-W10" }, 2, 6),
      row("scheduling", 6, { rush: true }, 1, 4),
      row("scheduling", 6, { rush: false }, 2, 10),
      row("status:draft", 7, {}, 6, 1.5),
    ]);
    const scheduling = dwell.stages.find((s) => s.stage === "scheduling");
    expect(scheduling).toMatchObject({ from: "confirmed", to: "scheduled", count: 3, meanHours: 8.12 });
    expect(scheduling?.byWeek.map((w) => w.week)).toEqual(["2026-W10", "2026-W11"]);
    expect(scheduling?.byRush.map((w) => w.rush)).toEqual([false, true]);
    expect(dwell.stages.find((s) => s.stage === "shipping")).toMatchObject({ count: 0, medianHours: null, byWeek: [] });
    expect(dwell.statuses.map((s) => s.status)).toEqual(["draft", "confirmed", "scheduled", "in_production", "ready", "shipped", "delivered", "on_hold"]);
    expect(dwell.statuses[0]).toEqual({ status: "draft", count: 6, meanHours: 1.5 });
  });

  it("computes on-time rates against the due, promised and requested dates", () => {
    const counts = { delivered: 4, with_due: 3, on_time: 2, with_promised: 2, on_time_promised: 1, with_requested: 3, on_time_requested: 3 };
    const shaped = shapeDelivery(
      [
        { dim: "all", value: null, ...counts },
        { dim: "customer", value: "C-B1", ...counts },
      ],
      new Map([["C-B1", { name: "无锡", grade: "B" }]]),
    );
    expect(shaped).toMatchObject({ delivered: 4, withDueDate: 3, onTime: 2, onTimeRate: 0.6667, promised: { rate: 0.5 }, requested: { rate: 1 } });
    expect(shaped.byCustomer).toEqual([expect.objectContaining({ customer: "C-B1", name: "无锡", grade: "B", onTimeRate: 0.6667 })]);
    expect(shapeDelivery([], new Map())).toMatchObject({ delivered: 0, onTimeRate: null, byMonth: [] });
  });

  it("shares autonomy by entity and month; admin-free periods have share 1, empty ones none", () => {
    const shaped = shapeAutonomy([
      { entity: null, month: null, week: null, g: 7, business: 3, admin: 0, automated: 5 },
      { entity: "customer", month: null, week: null, g: 3, business: 3, admin: 0, automated: 0 },
      { entity: "item", month: null, week: null, g: 3, business: 0, admin: 0, automated: 5 },
    ]);
    expect(shaped).toMatchObject({ business: 3, admin: 0, automated: 5, share: 1 });
    expect(shaped.byEntity.map((e) => [e.entity, e.share])).toEqual([
      ["customer", 1],
      ["item", null],
    ]);
  });
});

describe("fullWeeks", () => {
  it("finds the Mondays of the whole ISO weeks inside a period", () => {
    expect(fullWeeks({ from: "2026-03-02", to: "2026-03-15" })).toEqual({ first: "2026-03-02", last: "2026-03-09" });
    expect(fullWeeks({ from: "2026-03-03", to: "2026-03-16" })).toEqual({ first: "2026-03-09", last: "2026-03-09" });
    expect(fullWeeks({ from: "2026-03-03", to: "2026-03-14" })).toBeNull();
    expect(fullWeeks({ from: "2025-11-26", to: "2026-11-25" })).toEqual({ first: "2025-12-01", last: "2026-11-16" });
  });
});
