// The per-day rollups behind the outcome figures: on the hand-built history, figures read from the
// histograms (as for a year of a real plant) agree with the exact ones — counts and means exactly,
// percentiles within half a bucket — and changes that move a figure without an order event (a
// customer's grade, an item's family) reach the rollups at the next read.
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { dwellAggregates, dwellTrend } from "../../src/metrics/dwell-rollup-store.js";
import { exactDwellAggregates, exactDwellTrend } from "../../src/metrics/dwell-store.js";
import { BUCKET_SQL, bucketOf, bucketValue } from "../../src/metrics/model/histogram.js";
import { periodOf } from "../../src/metrics/model/period.js";
import { refreshOutcomeSummaries } from "../../src/metrics/refresh-summaries.js";
import { outcomeAppWithHistory } from "../fixtures/outcome-history.js";

const app = outcomeAppWithHistory((started) => refreshOutcomeSummaries(started.database.db));

const period = periodOf("2026-03-02", "2026-03-15");
const near = (approx: number | null, exact: number | null) => {
  if (exact === null) return expect(approx).toBeNull();
  expect(Math.abs((approx as number) - exact)).toBeLessThanOrEqual(Math.max(0.01, exact * 0.005) + 1e-9);
};
const id = (r: { key: string; week?: string | null; grade?: string | null; rush?: boolean | null; bucket?: string }) =>
  `${r.key}|${r.week ?? ""}|${r.grade ?? ""}|${r.rush ?? ""}|${r.bucket ?? ""}`;

describe("outcome rollups", () => {
  it("bucket hours the same way in SQL and TypeScript", async () => {
    const hours = [0, 0.01, 0.3, 0.5, 0.99, 1, 1.005, 1.01, 2, 2.7, 8, 11.2, 158.4, 1000];
    const { rows } = await sql<{ h: number; b: number }>`
      select h, ${sql.raw(BUCKET_SQL("h"))} as b from unnest(${hours}::float8[]) as x(h)`.execute(app.t.database.db);
    expect(rows.map((r) => r.b)).toEqual(hours.map(bucketOf));
    for (const h of hours.filter((x) => x > 0)) near(bucketValue(bucketOf(h)), h);
  });

  // Two whole weeks; days at either end of one whole week; days inside two weeks and none whole.
  it.each([
    ["2026-03-02", "2026-03-15"],
    ["2026-03-04", "2026-03-17"],
    ["2026-03-03", "2026-03-12"],
  ])("give the exact counts and means, and percentiles within half a bucket, when read from the histograms (%s to %s)", async (from, to) => {
    const db = app.t.database.db;
    const period = periodOf(from, to);
    const exact = await exactDwellAggregates(db, period);
    const rolled = await dwellAggregates(db, period, 0);
    expect(rolled.map(id).sort()).toEqual(exact.map(id).sort());
    for (const r of rolled) {
      const e = exact.find((x) => id(x) === id(r));
      expect(r.n, id(r)).toBe(e?.n);
      expect(r.mean, id(r)).toBeCloseTo(e?.mean as number, 9);
      near(r.median, e?.median ?? null);
      near(r.p90, e?.p90 ?? null);
    }
    const exactWeeks = await exactDwellTrend(db, period, "week");
    const rolledWeeks = await dwellTrend(db, period, "week", 0);
    expect(rolledWeeks.map(id)).toEqual(exactWeeks.map(id));
    for (const [i, r] of rolledWeeks.entries()) {
      expect(r.n).toBe(exactWeeks[i].n);
      near(r.median, exactWeeks[i].median);
      near(r.p90, exactWeeks[i].p90);
    }
  });

  it("follow a customer's new grade and an item's new family at the next read", async () => {
    const db = app.t.database.db;
    await db.updateTable("customers").set({ grade: "A" }).where("code", "=", "C-C1").execute();
    await db.updateTable("items").set({ family: "新系列" }).where("sku", "=", "PS-100").execute();
    const res = await app.t.api("GET", `/api/metrics/outcomes?from=${period.from}&to=${period.to}`);
    expect(res.status).toBe(200);
    const grades = (rows: { key: string; grade: string | null; n: number }[]) =>
      rows.filter((r) => r.key === "sales_acceptance" && r.grade).map((r) => [r.grade, r.n]);
    // 0310 (C-C1) moves from C to A, in the histogram path as in the exact one.
    expect(grades(await dwellAggregates(db, period, 0)).sort()).toEqual([
      ["A", 3],
      ["B", 1],
    ]);
    expect(res.body.onTime.byFamily.map((f: { family: string; delivered: number }) => [f.family, f.delivered])).toEqual([
      ["新系列", 2],
      ["温度变送器", 2],
    ]);
  });
});
