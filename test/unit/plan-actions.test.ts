import { describe, expect, it } from "vitest";
import type { OrderFacts } from "../../src/rules/model/facts.js";
import { fillTemplate, type MatchedRule, planActions } from "../../src/rules/model/plan-actions.js";

const facts: OrderFacts = {
  order: {
    orderNo: "DH20260218001",
    status: "confirmed",
    amount: 62525.5,
    rush: true,
    tags: ["T+3"],
    requestedDate: "2026-02-20",
    daysUntilDue: 2,
    nonstandard: true,
    lineCount: 1,
    totalQty: 50,
    source: "api",
  },
  lines: [{ sku: "PS-100", qty: 50, family: "压力传感器", kind: "finished", nonstandard: true, params: { pressureRating: "10MPa" } }],
  customer: {
    code: "C0001",
    grade: "A",
    gradeRank: 4,
    creditLimit: 100000,
    openReceivables: 0,
    exposure: 0,
    overdue: 0,
    creditHeadroom: 37474.5,
    creditExceeded: false,
  },
  event: { trigger: "order.created", changedFields: [], from: null, to: null },
  today: "2026-02-18",
};
const now = new Date("2026-02-18T02:00:00Z");
const rule = (id: number, actions: MatchedRule["actions"]): MatchedRule => ({ id, version: 3, name: `r${id}`, actions });

describe("planActions", () => {
  it("fills templates from the facts", () => {
    expect(fillTemplate("评审 {orderNo} {customer} {amount} {unknown}", facts)).toBe("评审 DH20260218001 C0001 62525.50 {unknown}");
  });

  it("plans every action type, logging each with its rule version", () => {
    const plan = planActions(
      [
        rule(1, [
          { type: "create_task", title: "评审 {orderNo}", assignRole: "engineering", dueInHours: 24 },
          { type: "block_transition", to: "scheduled", reason: "等待评审", untilTaskDone: true },
        ]),
        rule(2, [{ type: "credit_check", provider: "default" }]),
        rule(3, [{ type: "hold", reason: "超额度", releasableBy: ["finance"] }]),
        rule(4, [{ type: "soft_reserve", expiresInHours: 48 }]),
        rule(5, [
          { type: "notify", channels: ["inapp", "wecom"], toRole: "purchasing", webhook: "buyers", level: "critical", message: "加急 {orderNo}" },
          { type: "add_tag", tag: "加急" },
          { type: "set_field", field: "priority", value: 9 },
          { type: "pin", board: "production", colour: "orange" },
        ]),
        rule(6, [{ type: "pin", board: "production", colour: "red" }]),
      ],
      facts,
      now,
    );
    expect(plan.tasks).toEqual([
      {
        title: "评审 DH20260218001",
        assigneeRole: "engineering",
        assigneeUser: null,
        mentions: [],
        dueAt: new Date("2026-02-19T02:00:00Z"),
        ruleId: 1,
        ruleVersion: 3,
      },
    ]);
    expect(plan.blocks).toEqual([{ to: "scheduled", reason: "等待评审", ruleId: 1, ruleVersion: 3, taskIndex: 0 }]);
    expect(plan.holds.map((h) => [h.reason, h.releasableBy, h.creditProvider])).toEqual([
      ["等待外部信用审核", ["finance"], "default"],
      ["超额度", ["finance"], undefined],
    ]);
    expect(plan.reserve).toMatchObject({ expiresAt: new Date("2026-02-20T02:00:00Z"), ruleId: 4 });
    expect(plan.notifications).toEqual([{ toRole: "purchasing", level: "critical", message: "加急 DH20260218001", ruleId: 5 }]);
    expect(plan.robots).toMatchObject([{ webhook: "buyers", channels: ["wecom"], message: "加急 DH20260218001" }]);
    expect(plan.tags).toEqual(["加急"]);
    expect(plan.fields).toEqual({ priority: 9 });
    expect(plan.pins).toEqual([{ board: "production", colour: "red", ruleId: 6 }]);
    expect(plan.log.map((l) => `${l.ruleId}@v${l.ruleVersion}:${l.type}:${l.status}`)).toEqual([
      "1@v3:create_task:done",
      "1@v3:block_transition:done",
      "2@v3:credit_check:queued",
      "3@v3:hold:done",
      "4@v3:soft_reserve:done",
      "5@v3:notify:queued",
      "5@v3:add_tag:done",
      "5@v3:set_field:done",
      "5@v3:pin:done",
      "6@v3:pin:done",
    ]);
  });

  it("plans nothing when nothing matched", () => {
    const plan = planActions([], facts, now);
    expect(plan.log).toEqual([]);
    expect(plan.reserve).toBeNull();
  });
});
