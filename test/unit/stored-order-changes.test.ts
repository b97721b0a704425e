import { describe, expect, it } from "vitest";
import { type StoredOrderState, storedOrderChanges } from "../../src/rules/model/apply-plan.js";
import { emptyPlan } from "../../src/rules/model/plan-actions.js";

const order: StoredOrderState = { status: "scheduled", held_from: null, rush: false, tags: ["EDI"], note: "", priority: 0, customerGrade: "B" };
const hold = { reason: "超信用额度", releasableBy: ["finance"], ruleId: 7, ruleVersion: 2, logIndex: 0 };

describe("storedOrderChanges", () => {
  it("changes nothing for an empty plan", () => {
    expect(storedOrderChanges(order, emptyPlan())).toEqual({ columns: {}, diff: {}, hold: null });
  });

  it("adds only new tags and records the diff of each field", () => {
    const plan = { ...emptyPlan(), tags: ["EDI", "逾期"], fields: { note: "客户催货", priority: 5 } };
    const { columns, diff } = storedOrderChanges(order, plan);
    expect(columns).toEqual({ tags: ["EDI", "逾期"], note: "客户催货", priority: 5 });
    expect(diff).toEqual({ tags: { from: ["EDI"], to: ["EDI", "逾期"] }, note: { from: "", to: "客户催货" }, priority: { from: 0, to: 5 } });
  });

  it("never opens the rush channel to a grade D customer", () => {
    const plan = { ...emptyPlan(), fields: { rush: true } };
    expect(storedOrderChanges({ ...order, customerGrade: "D" }, plan).columns).toEqual({});
    expect(storedOrderChanges(order, plan).columns).toEqual({ rush: true });
  });

  it("holds an order where the state machine allows it, owned by who must release it", () => {
    const plan = { ...emptyPlan(), holds: [hold] };
    const changes = storedOrderChanges(order, plan);
    expect(changes.columns).toMatchObject({ status: "on_hold", held_from: "scheduled", hold_reason: "超信用额度", owner_role: "finance" });
    expect(changes.hold).toEqual({ from: "scheduled", reason: "超信用额度", rules: [{ id: 7, version: 2 }] });
  });

  it("does not move an order already on hold, shipped or closed", () => {
    const plan = { ...emptyPlan(), holds: [hold] };
    for (const status of ["on_hold", "shipped", "delivered", "closed", "cancelled"] as const) {
      expect(storedOrderChanges({ ...order, status }, plan)).toEqual({ columns: {}, diff: {}, hold: null });
    }
  });
});
