import { describe, expect, it } from "vitest";
import { healthScore } from "../../src/dashboards/model/health-score.js";

const base = { delivered: 10, onTime: 10, open: 4, overdue: 0, creditLimitFen: 100_000_00n, exposureFen: 0n };

describe("customer delivery health score", () => {
  it("is 100 for a customer always served on time, nothing late, all credit free", () => {
    expect(healthScore(base)).toMatchObject({ score: 100, onTimeRate: 1, band: "good", creditHeadroomFen: 100_000_00n });
  });

  it("falls with late deliveries, overdue open orders and used credit", () => {
    const late = healthScore({ ...base, onTime: 6 });
    expect(late.onTimeRate).toBe(0.6);
    expect(late.score).toBe(76);
    expect(late.band).toBe("watch");
    expect(healthScore({ ...base, overdue: 2 }).score).toBe(88);
    expect(healthScore({ ...base, exposureFen: 50_000_00n }).score).toBe(93);
  });

  it("gives no credit share when over the limit, and shows the negative headroom", () => {
    const over = healthScore({ ...base, onTime: 3, overdue: 4, exposureFen: 120_000_00n });
    expect(over.creditHeadroomFen).toBe(-20_000_00n);
    expect(over.score).toBe(18);
    expect(over.band).toBe("risk");
  });

  it("has no on-time rate without delivery history, and does not punish a new customer for it", () => {
    const fresh = healthScore({ ...base, delivered: 0, onTime: 0, open: 0 });
    expect(fresh.onTimeRate).toBeNull();
    expect(fresh.score).toBe(100);
  });
});
