import { describe, expect, it } from "vitest";
import { ruleAction } from "../../src/rules/model/actions.js";
import type { OrderFacts } from "../../src/rules/model/facts.js";
import { planActions } from "../../src/rules/model/plan-actions.js";

const facts = {
  order: {
    orderNo: "DH20260218001",
    status: "shipped",
    amount: 10,
    rush: false,
    tags: [],
    requestedDate: null,
    daysUntilDue: null,
    nonstandard: false,
    lineCount: 1,
    totalQty: 1,
    source: "api",
  },
  lines: [],
  customer: { code: "C0001", grade: "A", gradeRank: 4, creditLimit: 0, openReceivables: 0, creditHeadroom: 0, creditExceeded: false },
  event: { trigger: "order.transition", changedFields: [], from: "ready", to: "shipped" },
  today: "2026-02-18",
} as unknown as OrderFacts;
const now = new Date("2026-02-18T02:00:00Z");

describe("send_status_link action", () => {
  it("defaults to 30 days for service, and refuses bad values naming the field", () => {
    expect(ruleAction.parse({ type: "send_status_link" })).toEqual({ type: "send_status_link", expiresInDays: 30, toRole: "service" });
    const bad = ruleAction.safeParse({ type: "send_status_link", expiresInDays: 0, toRole: "integration" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join("."))).toEqual(["expiresInDays", "toRole"]);
  });

  it("plans a link with its expiry and who to tell, queued for the outbox", () => {
    const action = ruleAction.parse({ type: "send_status_link", expiresInDays: 7, toRole: "sales", webhook: "ding" });
    const plan = planActions([{ id: 9, version: 2, name: "发货后发送进度链接", actions: [action] }], facts, now);
    expect(plan.statusLinks).toEqual([{ expiresAt: new Date("2026-02-25T02:00:00Z"), toRole: "sales", webhook: "ding", logIndex: 0 }]);
    expect(plan.log).toEqual([
      { ruleId: 9, ruleVersion: 2, actionIndex: 0, type: "send_status_link", status: "queued", detail: { expiresInDays: 7, toRole: "sales", webhook: "ding" } },
    ]);
    expect(plan.notifications).toEqual([]);
  });
});
