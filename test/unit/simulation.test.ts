// The promise simulator scores what happened on its shop floor: a small stream, run fast.
import { describe, expect, it } from "vitest";
import { dayNumber } from "../../src/calendar/model/dates.js";
import { DEFAULT_DISTURBANCES, type Disturbances } from "../../src/simulation/model/noise.js";
import { scorePolicy } from "../../src/simulation/model/score.js";
import { simulate } from "../../src/simulation/model/simulate.js";
import { policyFor, simulationConfig } from "../../src/simulation/run-simulation.js";

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

function run(disturbances: Disturbances, name: "lvyue-ctp" | "as-asked" = "lvyue-ctp") {
  const cfg = { ...simulationConfig({ days: 12, seed: 7, surge: false, policies: [], drainDays: 30 }), disturbances };
  const sim = simulate(cfg, policyFor(name));
  return { sim, score: scorePolicy(sim, dayNumber(cfg.start) + cfg.days + cfg.drainDays - 1) };
}

describe("promise simulator", () => {
  it("with no disturbance every Lvyue promise is kept on the floor, nothing is flagged, and every plan is feasible", () => {
    const { sim, score } = run(CALM);
    expect(score.judged).toBeGreaterThan(30);
    expect(sim.purchaseRequests).toBeGreaterThan(0);
    expect(score.onTimeFirstCommit).toBe(1);
    expect(sim.orders.every((o) => o.flaggedN.length === 0)).toBe(true);
    expect(score.feasibilityViolations).toBe(0);
    expect(score.phantomPurchases).toBe(0);
  });

  it("a supplier that cancels every purchase breaks promises, and each break was flagged at risk beforehand", () => {
    const { sim, score } = run({ ...CALM, cancelledReceiptShare: 1 });
    expect(sim.cancelledReceipts).toBeGreaterThan(0);
    expect(score.onTimeFirstCommit).toBeLessThan(1);
    const late = sim.orders.filter((o) => o.promisedN !== null && (o.deliveredN === null || o.deliveredN > o.promisedN));
    expect(late.length).toBeGreaterThan(0);
    for (const o of late) expect(o.flaggedN.some((n) => n <= o.promisedN!)).toBe(true);
    expect(score.silentBreaks).toBe(0);
  });

  it("a supplier late with every receipt: what the plan counted on turns overdue, the orders are flagged before their promise", () => {
    const { sim, score } = run({ ...CALM, lateReceiptShare: 1, lateReceiptMaxDays: 3 });
    expect(sim.lateReceipts).toBeGreaterThan(0);
    const flaggedOverdue = sim.orders.filter((o) => o.flagReason === "overdue_supply");
    expect(flaggedOverdue.length).toBeGreaterThan(0);
    expect(score.silentBreaks).toBe(0);
  });

  it("promising what was asked on the same stream is promised as asked and misses more", () => {
    const asked = run(DEFAULT_DISTURBANCES, "as-asked").score;
    const ctp = run(DEFAULT_DISTURBANCES).score;
    expect(asked.promisedAsAsked).toBe(1);
    expect(ctp.onTimeFirstCommit).toBeGreaterThan(asked.onTimeFirstCommit);
  });
});
