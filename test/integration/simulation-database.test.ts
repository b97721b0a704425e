// The promise simulator through the product: a short stream replayed on its own in-process database via
// the use cases (intake, re-planner tick, purchasing, warehouse sync, shop-floor reports, shipments).
import { describe, expect, it } from "vitest";
import { planningHooks } from "../../src/app.js";
import { dayNumber } from "../../src/calendar/model/dates.js";
import type { Disturbances } from "../../src/simulation/model/noise.js";
import { scorePolicy } from "../../src/simulation/model/score.js";
import { simulateOnDatabase } from "../../src/simulation/run-on-database.js";
import { simulationConfig } from "../../src/simulation/run-simulation.js";

const CALM: Disturbances = {
  breakdownShare: 0,
  lateReceiptShare: 0,
  lateReceiptMaxDays: 0,
  cancelledReceiptShare: 0,
  processingSpread: 0,
  scrapMin: 0,
  scrapMax: 0,
  confirmDelayDays: 1,
};

// The replay opens its own in-process PGlite, whichever project runs it: once is enough.
describe.skipIf(process.env.LVYUE_TEST_DB === "postgres")("promise simulator on the database", () => {
  it("with no disturbance every promise taken in through intake is kept by the reported shop floor, with feasible plans and no phantom purchase", async () => {
    const cfg = { ...simulationConfig({ days: 5, seed: 3, surge: false, policies: [], drainDays: 25 }), disturbances: CALM };
    const { outcome, stats } = await simulateOnDatabase(cfg, planningHooks);
    const score = scorePolicy(outcome, dayNumber(cfg.start) + cfg.days + cfg.drainDays - 1);
    expect(outcome.orders).toHaveLength(cfg.demand.length);
    expect(score.judged).toBeGreaterThan(12);
    expect(stats.replans).toBeGreaterThan(25);
    expect(stats.reports).toBeGreaterThan(3 * score.judged);
    // Work still running at a shift end is reported as a pause with the pieces done so far.
    expect(stats.pauses).toBeGreaterThan(0);
    expect(outcome.purchaseRequests).toBeGreaterThan(0);
    expect(score.onTimeFirstCommit).toBe(1);
    expect(score.silentBreaks).toBe(0);
    expect(score.feasibilityViolations).toBe(0);
    expect(score.phantomPurchases).toBe(0);
  }, 300_000);
});
