import { describe, expect, it } from "vitest";
import { compileRule } from "../../src/rules/active-rules.js";
import type { OrderFacts } from "../../src/rules/model/facts.js";
import { VISIT_DEFAULT_RULES } from "../../src/rules/visit-default-rules.js";
import { planVisitEffects } from "../../src/visits/model/plan-visit-effects.js";
import { visitFacts } from "../../src/visits/model/visit-facts.js";

const unit = {
  serial: "PS-100-DH1-1",
  sku: "PS-100",
  family: "压力传感器",
  installed_on: "2025-01-10",
  warranty_until: "2026-01-10",
  source: "delivery",
  order_no: "DH1",
};
const customer = { code: "C-A1", grade: "A", credit_limit: "100000.00", open_receivables: "30000.00" };
const visit = {
  id: 7,
  engineer: "engineering",
  notes: " ",
  parts: [
    { sku: "PM-CHIP", qty: 2 },
    { sku: "PM-HOUSING", qty: 1 },
  ],
};
const rules = VISIT_DEFAULT_RULES.map((r, i) => compileRule(i + 1, 1, r));
const matched = (facts: ReturnType<typeof visitFacts>) =>
  rules
    .filter((r) => r.test(facts as unknown as OrderFacts))
    .map((r) => ({ id: r.id, version: r.version, name: r.definition.name, actions: r.definition.actions }));

describe("visit facts", () => {
  it("sum the visit, age the unit, and reuse the customer's credit facts with no order amount", () => {
    const facts = visitFacts(visit, unit, customer, 3, "2026-02-01");
    expect(facts.visit).toEqual({ id: 7, partCount: 2, totalQty: 3, skus: ["PM-CHIP", "PM-HOUSING"], engineer: "engineering", hasNotes: false });
    expect(facts.equipment).toMatchObject({ underWarranty: false, ageDays: 387, previousVisits: 3 });
    expect(facts.customer).toMatchObject({ gradeRank: 4, creditHeadroom: 70000, creditExceeded: false });
    expect(facts.event).toEqual({ trigger: "visit.recorded", changedFields: [], from: null, to: null });
    expect(visitFacts(visit, unit, customer, 0, "2026-01-10").equipment.underWarranty).toBe(true);
  });
});

describe("visit plan", () => {
  it("the default rules give one card, one replenishment, one lifecycle entry, and tell sales when out of warranty", () => {
    let n = 0;
    const plan = planVisitEffects(
      matched(visitFacts(visit, unit, customer, 0, "2026-02-01")),
      visitFacts(visit, unit, customer, 0, "2026-02-01"),
      () => `CODE-${++n}`,
    );
    expect(plan.card).toEqual({ code: "CODE-1", notifyRole: "service", logIndex: 0 });
    expect(plan.replenishment).toEqual({ toRole: "warehouse", logIndex: 1 });
    expect(plan.lifecycle).toEqual({ logIndex: 2 });
    expect(plan.notifications).toEqual([
      { toRole: "sales", level: "info", ruleId: 4, message: "设备 PS-100-DH1-1（PS-100，客户 C-A1）已过保修期仍在维修，可跟进备件或换新方案" },
    ]);
    expect(plan.log.map((l) => [l.type, l.status])).toEqual([
      ["issue_warranty_card", "queued"],
      ["request_replenishment", "done"],
      ["add_lifecycle_entry", "done"],
      ["notify", "done"],
    ]);
  });

  it("two rules asking for a card still give one; robots go through the outbox; nothing matched, nothing planned", () => {
    const facts = visitFacts(visit, unit, customer, 0, "2025-06-01");
    const twice = [
      { id: 1, version: 1, name: "a", actions: [{ type: "issue_warranty_card" as const, notifyRole: "service" }] },
      {
        id: 2,
        version: 3,
        name: "b",
        actions: [
          { type: "issue_warranty_card" as const, notifyRole: "sales" },
          { type: "notify" as const, channels: ["wecom" as const], webhook: "svc", message: "{serial} 服务单 {visitId} by {engineer}", level: "info" as const },
        ],
      },
    ];
    let n = 0;
    const plan = planVisitEffects(twice, facts, () => `CODE-${++n}`);
    expect(plan.card?.code).toBe("CODE-1");
    expect(plan.log[1]).toMatchObject({ ruleId: 2, ruleVersion: 3, status: "done", detail: { alreadyPlanned: true, code: "CODE-1" } });
    expect(plan.robots).toEqual([{ webhook: "svc", channels: ["wecom"], message: "PS-100-DH1-1 服务单 7 by engineering", level: "info", logIndex: 2 }]);
    expect(planVisitEffects([], facts, () => "X")).toMatchObject({ card: null, replenishment: null, lifecycle: null, log: [] });
  });
});
