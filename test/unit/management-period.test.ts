// The management page's period in the URL and the days behind a chart bucket (web/src/management/period.ts).
import { describe, expect, it } from "vitest";
import { bucketDays, bucketOf, paramsOf, plantToday, viewOf } from "../../web/src/management/period.js";

const NOW = new Date("2026-11-25T17:00:00Z"); // 01:00 on 26 November in the plant (UTC+8)

describe("the view in the URL", () => {
  it("defaults to the last 12 months up to the plant's today, monthly, without a pivot", () => {
    expect(plantToday(NOW)).toBe("2026-11-26");
    expect(viewOf(new URLSearchParams(), NOW)).toEqual({ from: "2025-11-27", to: "2026-11-26", by: "month" });
  });

  it("takes the plant's go-live date as the pivot unless the URL names one or says none", () => {
    expect(viewOf(new URLSearchParams(), NOW, "2026-07-29").pivot).toBe("2026-07-29");
    expect(viewOf(new URLSearchParams("pivot=2026-09-01"), NOW, "2026-07-29").pivot).toBe("2026-09-01");
    expect(viewOf(new URLSearchParams("pivot=none"), NOW, "2026-07-29").pivot).toBeUndefined();
    // A go-live outside the period is no pivot.
    expect(viewOf(new URLSearchParams("from=2026-09-01&to=2026-10-31"), NOW, "2026-07-29").pivot).toBeUndefined();
    expect(viewOf(new URLSearchParams(), NOW, null).pivot).toBeUndefined();
    // Clearing the pivot stays cleared: the URL says none.
    const cleared = viewOf(new URLSearchParams(paramsOf({ from: "2025-11-27", to: "2026-11-26", by: "month" }, "2026-07-29")), NOW, "2026-07-29");
    expect(cleared.pivot).toBeUndefined();
  });

  it("keeps a well-formed period, pivot and bucket size, and round-trips through the query string", () => {
    const view = viewOf(new URLSearchParams("from=2026-03-01&to=2026-03-31&pivot=2026-03-09&by=week"), NOW);
    expect(view).toEqual({ from: "2026-03-01", to: "2026-03-31", pivot: "2026-03-09", by: "week" });
    expect(viewOf(new URLSearchParams(paramsOf(view)), NOW)).toEqual(view);
  });

  it.each([
    ["from=2026-02-30&to=2026-03-31", { from: "2025-04-01", to: "2026-03-31" }],
    ["from=2026-04-01&to=2026-03-31", { from: "2025-04-01", to: "2026-03-31" }],
    ["from=x&to=2026-13-01", { from: "2025-11-27", to: "2026-11-26" }],
  ])("falls back on a malformed or reversed period: %s", (query, period) => {
    expect(viewOf(new URLSearchParams(query), NOW)).toMatchObject(period);
  });

  it.each(["2026-03-01", "2026-04-01", "2026-02-28", "03-09"])("drops a pivot outside the period: %s", (pivot) => {
    expect(viewOf(new URLSearchParams(`from=2026-03-01&to=2026-03-31&pivot=${pivot}`), NOW).pivot).toBeUndefined();
  });
});

describe("the days of a chart bucket", () => {
  const year = { from: "2025-01-01", to: "2026-12-31" };
  it.each([
    ["2026-W10", "2026-03-02", "2026-03-08"],
    ["2026-W01", "2025-12-29", "2026-01-04"],
    ["2026-W53", "2026-12-28", "2027-01-03"],
    ["2025-W01", "2024-12-30", "2025-01-05"],
    ["2026-02", "2026-02-01", "2026-02-28"],
    ["2024-02", "2024-02-01", "2024-02-29"],
    ["2026-12", "2026-12-01", "2026-12-31"],
  ])("%s runs from %s to %s (before cutting to the period)", (bucket, from, to) => {
    expect(bucketDays(bucket, { from: "2000-01-01", to: "2100-01-01" })).toEqual({ from, to });
    expect(bucketOf(from, bucket.includes("W") ? "week" : "month")).toBe(bucket);
    expect(bucketOf(to, bucket.includes("W") ? "week" : "month")).toBe(bucket);
  });

  it("is cut to the period at both ends", () => {
    expect(bucketDays("2026-W10", { from: "2026-03-04", to: "2026-03-06" })).toEqual({ from: "2026-03-04", to: "2026-03-06" });
    expect(bucketDays("2026-03", year)).toEqual({ from: "2026-03-01", to: "2026-03-31" });
  });

  it("refuses anything else", () => {
    expect(() => bucketDays("2026-Q1", year)).toThrow("not a week or month: 2026-Q1");
  });
});
