// The one judging step (decision 0051): the same rules decide the same way on intake, on a stored order,
// in a dry-run and on a visit's facts.
import { describe, expect, it } from "vitest";
import type { BuiltOrder } from "../../src/orders/model/build-order.js";
import { compileRule } from "../../src/rules/active-rules.js";
import { judge, judgeNewOrder, judgeOrder } from "../../src/rules/judge-order.js";

const at = new Date("2026-02-18T02:00:00Z");
const today = "2026-02-18";
const customer = { code: "C-B1", grade: "B", credit_limit: "50000.00", open_receivables: "10000.00" };
const items = new Map([["PS-100", { family: "压力传感器", kind: "finished" }]]);
const built: BuiltOrder = {
  customer_code: "C-B1",
  customer_grade: "B",
  priority: 0,
  status: "confirmed",
  rush: false,
  tags: [],
  requested_date: "2026-02-25",
  total_amount: "62000.00",
  nonstandard: false,
  owner_role: "planner",
  note: "",
  lines: [
    {
      line_no: 1,
      sku: "PS-100",
      qty: 50,
      unit_price: "1240.00",
      amount: "62000.00",
      params: {},
      nonstandard: false,
      bom_version_id: null,
      routing_version_id: null,
    },
  ],
};
const creditHold = compileRule(1, 2, {
  name: "超额度冻结",
  trigger: { event: "order.created" },
  condition: { var: "customer.creditExceeded" },
  actions: [
    { type: "add_tag", tag: "超额度" },
    { type: "hold", reason: "信用超限", releasableBy: ["finance"] },
  ],
});
const onNoteChange = compileRule(2, 1, {
  name: "备注变更",
  trigger: { event: "order.changed", fields: ["note"] },
  condition: true,
  actions: [{ type: "pin", board: "sales", colour: "blue" }],
});

describe("judgeOrder", () => {
  it("builds the facts, keeps the rules that listen and hold, and plans their actions", () => {
    const j = judgeOrder(
      [creditHold, onNoteChange],
      { ...built, orderNo: "DH1", source: "api" },
      { customer, items, event: { trigger: "order.created" }, today, at },
    );
    expect(j.facts.customer).toMatchObject({ creditExceeded: true, creditHeadroom: -22000 });
    expect(j.matched.map((m) => [m.id, m.version])).toEqual([[1, 2]]);
    expect(j.plan.tags).toEqual(["超额度"]);
    expect(j.plan.holds).toMatchObject([{ reason: "信用超限", releasableBy: ["finance"], ruleId: 1, ruleVersion: 2 }]);
  });

  it("listens to the changed fields a rule names", () => {
    const order = { ...built, orderNo: "DH1", source: "api" };
    const context = { customer, items, today, at };
    expect(judgeOrder([onNoteChange], order, { ...context, event: { trigger: "order.changed", changedFields: ["rush"] } }).matched).toEqual([]);
    expect(judgeOrder([onNoteChange], order, { ...context, event: { trigger: "order.changed", changedFields: ["note"] } }).plan.pins).toHaveLength(1);
  });
});

describe("judgeNewOrder", () => {
  it("applies the plan to the order before it is written", () => {
    const e = judgeNewOrder([creditHold], 7, built, { orderNo: "DH2", source: "bulk", customer, items, today, at });
    expect(e).toMatchObject({ orderNo: "DH2", revision: 7, at });
    expect(e.built.tags).toEqual(["超额度"]);
    expect(e.built.hold).toEqual({ reason: "信用超限", ownerRole: "finance", rules: [{ id: 1, version: 2 }] });
    expect(e.facts.order.source).toBe("bulk");
  });
});

describe("judge", () => {
  it("judges any facts with an event, with the caller's planner (a visit's)", () => {
    const visitRule = compileRule(3, 1, { name: "回访", trigger: { event: "visit.recorded" }, condition: true, actions: [{ type: "add_lifecycle_entry" }] });
    const facts = { event: { trigger: "visit.recorded" as const, changedFields: [], from: null, to: null } };
    const j = judge([visitRule, creditHold], facts, (matched) => matched.map((m) => m.name));
    expect(j.plan).toEqual(["回访"]);
  });
});
