import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "../../src/core/errors.js";
import {
  ALLOWED_OPERATORS,
  compileCondition,
  conditionVariables,
  MAX_CONDITION_DEPTH,
  MAX_CONDITION_NODES,
  validateCondition,
} from "../../src/rules/model/condition.js";
import { FACT_FIELDS, LINE_FIELDS, type LineFacts, type OrderFacts, TRIGGERS } from "../../src/rules/model/facts.js";
import { daysBetween } from "../../src/rules/model/order-facts.js";
import { isQuoteFact, isVisitFact } from "../../src/rules/model/trigger-scope.js";

// ---------------------------------------------------------------------------------------------------------------
// Hand-made facts

const DAY_MS = 86_400_000;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

const line = (patch: Partial<LineFacts> = {}): LineFacts => ({
  sku: "VLV-100",
  qty: 1,
  family: "valve",
  kind: "finished",
  nonstandard: false,
  params: {},
  ...patch,
});

interface FactsPatch {
  order?: Partial<OrderFacts["order"]>;
  customer?: Partial<OrderFacts["customer"]>;
  event?: Partial<OrderFacts["event"]>;
  lines?: LineFacts[];
  today?: string;
}

function makeFacts(patch: FactsPatch = {}): OrderFacts {
  const today = patch.today ?? "2025-03-10";
  const requestedDate = patch.order?.requestedDate === undefined ? "2025-03-20" : patch.order.requestedDate;
  return {
    order: {
      orderNo: "SO-2025-0001",
      status: "confirmed",
      amount: 12_000,
      rush: false,
      tags: [],
      requestedDate,
      daysUntilDue: requestedDate ? daysBetween(today, requestedDate) : null,
      nonstandard: false,
      lineCount: 1,
      totalQty: 1,
      source: "ui",
      ...patch.order,
    },
    lines: patch.lines ?? [line()],
    customer: {
      code: "C001",
      grade: "B",
      gradeRank: 3,
      creditLimit: 100_000,
      openReceivables: 0,
      exposure: 0,
      overdue: 0,
      creditHeadroom: 88_000,
      creditExceeded: false,
      ...patch.customer,
    },
    event: { trigger: "order.created", changedFields: [], from: null, to: null, ...patch.event },
    today,
  };
}

const run = (logic: unknown, facts: OrderFacts) => compileCondition(logic)(facts);

/** The AppError validateCondition throws (failing the test if it throws nothing or something else). */
function refusal(logic: unknown, field?: string): AppError {
  try {
    validateCondition(logic, field);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected the condition to be refused");
}

// ---------------------------------------------------------------------------------------------------------------

describe("ALLOWED_OPERATORS", () => {
  it("is exactly the closed list", () => {
    expect([...ALLOWED_OPERATORS].sort()).toEqual(
      [
        "var",
        "missing",
        "missing_some",
        "==",
        "===",
        "!=",
        "!==",
        ">",
        ">=",
        "<",
        "<=",
        "!",
        "!!",
        "and",
        "or",
        "if",
        "in",
        "some",
        "all",
        "none",
        "+",
        "-",
        "*",
        "/",
        "%",
        "min",
        "max",
        "cat",
        "days_until",
        "days_between",
      ].sort(),
    );
  });
});

describe("seed example conditions", () => {
  it("big order from a grade A customer", () => {
    const logic = { and: [{ ">": [{ var: "order.amount" }, 50000] }, { "==": [{ var: "customer.grade" }, "A"] }] };
    expect(run(logic, makeFacts({ order: { amount: 60_000 }, customer: { grade: "A" } }))).toBe(true);
    expect(run(logic, makeFacts({ order: { amount: 50_000 }, customer: { grade: "A" } }))).toBe(false);
    expect(run(logic, makeFacts({ order: { amount: 60_000 }, customer: { grade: "B" } }))).toBe(false);
  });

  it("a non-standard line, per line and per order", () => {
    const perLine = { some: [{ var: "lines" }, { var: "nonstandard" }] };
    const perOrder = { "==": [{ var: "order.nonstandard" }, true] };
    const mixed = makeFacts({ lines: [line(), line({ nonstandard: true })], order: { nonstandard: true } });
    const standard = makeFacts({ lines: [line(), line()] });
    expect(run(perLine, mixed)).toBe(true);
    expect(run(perOrder, mixed)).toBe(true);
    expect(run(perLine, standard)).toBe(false);
    expect(run(perOrder, standard)).toBe(false);
    expect(run(perLine, makeFacts({ lines: [] }))).toBe(false);
  });

  it("due within 7 days, from the derived fact or with days_until", () => {
    const derived = { "<": [{ var: "order.daysUntilDue" }, 7] };
    const computed = { "<": [{ days_until: [{ var: "order.requestedDate" }, { var: "today" }] }, 7] };
    for (const [requested, expected] of [
      ["2025-03-16", true],
      ["2025-03-17", false],
      ["2025-03-10", true],
      ["2025-03-01", true],
      ["2025-04-30", false],
    ] as const) {
      const facts = makeFacts({ today: "2025-03-10", order: { requestedDate: requested } });
      expect(run(derived, facts)).toBe(expected);
      expect(run(computed, facts)).toBe(expected);
    }
  });

  it("documented engine semantics: without a requested date, null compares as 0, so '< 7 days' is true", () => {
    const facts = makeFacts({ order: { requestedDate: null } });
    expect(facts.order.daysUntilDue).toBeNull();
    expect(run({ "<": [{ var: "order.daysUntilDue" }, 7] }, facts)).toBe(true);
    expect(run({ "<": [{ days_until: [{ var: "order.requestedDate" }, { var: "today" }] }, 7] }, facts)).toBe(true);
    const guarded = { and: [{ "!!": { var: "order.requestedDate" } }, { "<": [{ var: "order.daysUntilDue" }, 7] }] };
    expect(run(guarded, facts)).toBe(false);
  });

  it("tagged T+3 for a grade A customer", () => {
    const logic = { and: [{ in: ["T+3", { var: "order.tags" }] }, { ">=": [{ var: "customer.gradeRank" }, 4] }] };
    expect(run(logic, makeFacts({ order: { tags: ["VIP", "T+3"] }, customer: { gradeRank: 4 } }))).toBe(true);
    expect(run(logic, makeFacts({ order: { tags: ["VIP"] }, customer: { gradeRank: 4 } }))).toBe(false);
    expect(run(logic, makeFacts({ order: { tags: ["T+3"] }, customer: { gradeRank: 3 } }))).toBe(false);
  });

  it("credit exceeded, as a bare variable", () => {
    const logic = { var: "customer.creditExceeded" };
    expect(run(logic, makeFacts({ customer: { creditExceeded: true } }))).toBe(true);
    expect(run(logic, makeFacts({ customer: { creditExceeded: false } }))).toBe(false);
  });

  it("a line parameter inside some over lines", () => {
    const logic = { some: [{ var: "lines" }, { ">=": [{ var: "params.pressureRating" }, 25] }] };
    expect(run(logic, makeFacts({ lines: [line({ params: { pressureRating: 16 } }), line({ params: { pressureRating: 40 } })] }))).toBe(true);
    expect(run(logic, makeFacts({ lines: [line({ params: { pressureRating: 16 } })] }))).toBe(false);
    expect(run(logic, makeFacts({ lines: [line({ params: {} })] }))).toBe(false);
    const hart = { some: [{ var: "lines" }, { "==": [{ var: "params.protocol" }, "HART"] }] };
    expect(run(hart, makeFacts({ lines: [line({ params: { protocol: "HART" } })] }))).toBe(true);
    expect(run(hart, makeFacts({ lines: [line({ params: { protocol: "Modbus" } })] }))).toBe(false);
  });
});

describe("evaluation", () => {
  const facts = makeFacts();

  it("true and false alone, and literal values, are conditions", () => {
    expect(run(true, facts)).toBe(true);
    expect(run(false, facts)).toBe(false);
    expect(run(1, facts)).toBe(true);
    expect(run(0, facts)).toBe(false);
    expect(run(null, facts)).toBe(false);
    expect(run("", facts)).toBe(false);
    expect(run([], facts)).toBe(false);
  });

  it("results are coerced to booleans with JSONLogic truthiness (an empty list is false, '0' is true)", () => {
    // json-logic-engine's missing only counts absent keys: a null requested date is present.
    expect(run({ missing: ["order.requestedDate"] }, makeFacts({ order: { requestedDate: null } }))).toBe(false);
    expect(run({ some: [{ var: "lines" }, { missing: ["params.pressureRating"] }] }, makeFacts({ lines: [line({ params: {} })] }))).toBe(true);
    expect(run({ cat: ["0"] }, facts)).toBe(true);
    expect(run({ if: [{ var: "order.rush" }, "rush", ""] }, makeFacts({ order: { rush: true } }))).toBe(true);
    expect(run({ if: [{ var: "order.rush" }, "rush", ""] }, makeFacts({ order: { rush: false } }))).toBe(false);
    expect(run({ var: "order.tags" }, makeFacts({ order: { tags: [] } }))).toBe(false);
  });

  it("all over no lines is false, none over no lines is true", () => {
    const empty = makeFacts({ lines: [] });
    expect(run({ all: [{ var: "lines" }, { ">": [{ var: "qty" }, 0] }] }, empty)).toBe(false);
    expect(run({ none: [{ var: "lines" }, { ">": [{ var: "qty" }, 0] }] }, empty)).toBe(true);
  });

  it("between-style < and <=", () => {
    const logic = { "<=": [10_000, { var: "order.amount" }, 20_000] };
    expect(run(logic, makeFacts({ order: { amount: 10_000 } }))).toBe(true);
    expect(run(logic, makeFacts({ order: { amount: 20_001 } }))).toBe(false);
    expect(run({ "<": [10_000, { var: "order.amount" }, 20_000] }, makeFacts({ order: { amount: 10_000 } }))).toBe(false);
  });

  it("an evaluation error counts as false and is reported to onError", () => {
    const errors: unknown[] = [];
    const test = compileCondition({ ">": [{ "/": [{ var: "order.amount" }, { var: "order.lineCount" }] }, 100] }, { onError: (e) => errors.push(e) });
    expect(test(makeFacts({ order: { amount: 1000, lineCount: 2 } }))).toBe(true);
    expect(errors).toEqual([]);
    expect(test(makeFacts({ order: { amount: 1000, lineCount: 0 } }))).toBe(false);
    expect(errors).toHaveLength(1);
  });

  it("the compiled function does not follow later changes to the logic object", () => {
    const logic = { ">": [{ var: "order.amount" }, 50_000] };
    const test = compileCondition(logic);
    logic[">"][1] = 0;
    expect(test(makeFacts({ order: { amount: 1000 } }))).toBe(false);
  });
});

describe("days_until and days_between", () => {
  const today = "2024-02-27";
  const facts = (requestedDate: string | null) => makeFacts({ today, order: { requestedDate } });
  const until = { days_until: [{ var: "order.requestedDate" }, { var: "today" }] };
  const eq = (logic: unknown, value: unknown) => ({ "===": [logic, value] });

  it("counts calendar days from the reference date, across a leap day and a year end", () => {
    expect(run(eq(until, 2), facts("2024-02-29"))).toBe(true);
    expect(run(eq(until, 3), facts("2024-03-01"))).toBe(true);
    expect(run(eq(until, 0), facts(today))).toBe(true);
    expect(run(eq(until, -58), facts("2023-12-31"))).toBe(true);
    expect(run(eq({ days_between: ["2024-12-31", "2025-01-01"] }, 1), facts(null))).toBe(true);
    expect(run(eq({ days_between: ["2025-03-01", "2025-02-01"] }, -28), facts(null))).toBe(true);
  });

  it("gives null when a date is missing or not a real YYYY-MM-DD date", () => {
    expect(run(eq(until, null), facts(null))).toBe(true);
    expect(run(eq(until, null), makeFacts({ today: "2023-02-29" }))).toBe(true);
    expect(run(eq({ days_between: [{ var: "today" }, { var: "order.requestedDate" }] }, null), facts("2024-3-1"))).toBe(true);
  });

  it("agrees with order.daysUntilDue as order-facts computes it", () => {
    const day = fc.integer({ min: 0, max: 3000 }).map((n) => addDays("2020-01-01", n));
    fc.assert(
      fc.property(day, day, (requested, now) => {
        const f = makeFacts({ today: now, order: { requestedDate: requested } });
        expect(run(eq(until, { var: "order.daysUntilDue" }), f)).toBe(true);
        expect(run(eq({ days_between: [{ var: "today" }, { var: "order.requestedDate" }] }, daysBetween(now, requested)), f)).toBe(true);
      }),
    );
  });
});

describe("conditionVariables", () => {
  it("lists the facts read, once each, in order of first use", () => {
    expect(
      conditionVariables({
        and: [{ ">": [{ var: "order.amount" }, 50000] }, { "==": [{ var: "customer.grade" }, "A"] }, { "<": [{ var: "order.amount" }, 90000] }],
      }),
    ).toEqual(["order.amount", "customer.grade"]);
  });

  it("names line fields under lines, and reads missing and var defaults", () => {
    expect(
      conditionVariables({
        or: [
          { some: [{ var: "lines" }, { and: [{ var: "nonstandard" }, { ">": [{ var: ["params.pressureRating", 0] }, 25] }] }] },
          { missing: ["order.requestedDate"] },
          { missing_some: [1, ["event.from", "event.to"]] },
          { "<": [{ days_until: [{ var: "order.requestedDate" }, { var: "today" }] }, 7] },
        ],
      }),
    ).toEqual(["lines", "lines.nonstandard", "lines.params.pressureRating", "order.requestedDate", "event.from", "event.to", "today"]);
  });

  it("is empty for a literal and refuses an invalid condition", () => {
    expect(conditionVariables(true)).toEqual([]);
    expect(() => conditionVariables({ var: "order.secret" })).toThrow(AppError);
  });
});

describe("refusals name the part at fault", () => {
  const nested = (depth: number) => {
    let logic: unknown = true;
    for (let i = 0; i < depth; i++) logic = { "!": logic };
    return logic;
  };
  const cyclic: { and: unknown[] } = { and: [] };
  cyclic.and.push(cyclic);

  const cases: [string, unknown, string, string | RegExp][] = [
    // shape
    ["undefined", undefined, "condition", "undefined is not a JSON value"],
    ["a function", () => true, "condition", "a function is not a JSON value"],
    ["NaN as a value", { ">": [{ var: "order.amount" }, Number.NaN] }, "condition.>[1]", "NaN is not a JSON number"],
    ["a Date object", { "==": [{ var: "today" }, new Date(0)] }, "condition.==[1]", "a Date object is not a JSON value"],
    ["an undefined in a list", { and: [true, undefined, true] }, "condition.and[1]", "undefined is not a JSON value"],
    ["an empty object", {}, "condition", /^\{\} is not a condition/],
    ["an empty object inside", { and: [true, {}] }, "condition.and[1]", /exactly one key/],
    ["two keys", { and: [true], or: [true] }, "condition", 'an operation is an object with exactly one key, its operator; this one has 2: "and", "or"'],
    ["a dotted object key", { "order.amount": 5 }, "condition", 'unknown operator "order.amount"'],
    ["__proto__ as operator", JSON.parse('{"__proto__":[1]}'), "condition", 'unknown operator "__proto__"'],
    // var
    ["unknown fact", { and: [{ ">": [{ var: "order.amountt" }, 1] }] }, "condition.and[0].>[0].var", '"order.amountt" is not a fact a condition can read'],
    ["prototype member as fact", { var: "constructor" }, "condition.var", '"constructor" is not a fact a condition can read'],
    ["line field at the top", { ">": [{ var: "qty" }, 1] }, "condition.>[0].var", /line field; read it inside some\/all\/none/],
    ["params at the top", { var: "params.pressureRating" }, "condition.var", /line field/],
    ["order fact inside some", { some: [{ var: "lines" }, { ">": [{ var: "order.amount" }, 1] }] }, "condition.some[1].>[0].var", /one line at a time/],
    [
      "unknown line field",
      { all: [{ var: "lines" }, { var: "colour" }] },
      "condition.all[1].var",
      /"colour" is not a line field.*sku, qty, family, kind, nonstandard and params.<name>/,
    ],
    ["bare params", { some: [{ var: "lines" }, { var: "params" }] }, "condition.some[1].var", /params\.<name>/],
    ["dotted parameter", { some: [{ var: "lines" }, { var: "params.a.b" }] }, "condition.some[1].var", /does not name a parameter/],
    ["__proto__ parameter", { some: [{ var: "lines" }, { var: "params.__proto__" }] }, "condition.some[1].var", /cannot be used as a parameter name/],
    ["scope traversal", { some: [{ var: "lines" }, { var: "../../order.amount" }] }, "condition.some[1].var", /not a line field/],
    ["empty path", { var: "" }, "condition.var", '"" is not a fact a condition can read'],
    ["numeric path", { var: 1 }, "condition.var", /literal fact path/],
    ["computed path", { var: { cat: ["order.", "amount"] } }, "condition.var", /literal fact path/],
    ["null path", { var: null }, "condition.var", /literal fact path/],
    ["var with no arguments", { var: [] }, "condition.var", "var takes a fact path, or [fact path, default], got 0 arguments"],
    ["var with 3 arguments", { var: ["order.amount", 0, 1] }, "condition.var", /got 3 arguments/],
    ["non-string path in a list", { var: [5] }, "condition.var[0]", /literal fact path/],
    ["computed default", { var: ["order.amount", { var: "order.totalQty" }] }, "condition.var[1]", /default of var must be a literal/],
    ["date default", { var: ["order.requestedDate", "soon"] }, "condition.var[1]", /YYYY-MM-DD/],
    ["enum default", { var: ["customer.grade", "Z"] }, "condition.var[1]", /allowed values: A, B, C, D/],
    ["list default", { var: ["order.tags", "x"] }, "condition.var[1]", "order.tags is a list and takes no default"],
    // iterators
    ["iterator over tags", { some: [{ var: "order.tags" }, true] }, "condition.some[0]", /can only go over \{"var":"lines"\}/],
    ["iterator over a literal", { all: [[1, 2], true] }, "condition.all[0]", /can only go over/],
    ["iterator over lines with a default", { none: [{ var: ["lines", []] }, true] }, "condition.none[0]", /can only go over/],
    ["iterator not given a list", { none: { var: "lines" } }, "condition.none", /takes \[\{"var":"lines"\}, condition on one line\]/],
    ["iterator with 3 arguments", { some: [{ var: "lines" }, true, false] }, "condition.some", /got 3 arguments/],
    ["nested iterator", { some: [{ var: "lines" }, { all: [{ var: "lines" }, true] }] }, "condition.some[1].all", /cannot be nested/],
    // comparisons
    ["> with 1 argument", { and: [true, { ">": [{ var: "order.amount" }] }] }, "condition.and[1].>", "> takes exactly 2 arguments, got 1 argument"],
    ["> with 3 arguments", { ">": [1, { var: "order.amount" }, 3] }, "condition.>", /> takes exactly 2 arguments, got 3/],
    ["== with a bare value", { "==": 5 }, "condition.==", /got 1 argument/],
    [
      "< with 4 arguments",
      { "<": [1, 2, { var: "order.amount" }, 4] },
      "condition.<",
      "< takes 2 arguments, or 3 for a between test (a < b < c), got 4 arguments",
    ],
    ["comparing a list fact", { "==": [{ var: "order.tags" }, "T+3"] }, "condition.==[0]", /order.tags is a list.*use in/],
    ["comparing with a list", { "==": [{ var: "order.status" }, ["draft"]] }, "condition.==[1]", /compares single values/],
    [
      "bad date literal",
      { and: [true, { ">": [{ var: "order.requestedDate" }, "2025-13-01"] }] },
      "condition.and[1].>[1]",
      /is a date; write dates as YYYY-MM-DD, not "2025-13-01"/,
    ],
    ["date against a number", { "<": [{ var: "order.requestedDate" }, 7] }, "condition.<[1]", /YYYY-MM-DD, not 7/],
    ["date between", { "<=": ["2025-01-01", { var: "today" }, "31/01/2025"] }, "condition.<=[2]", /"31\/01\/2025"/],
    [
      "enum value",
      { "==": [{ var: "order.status" }, "shipping"] },
      "condition.==[1]",
      '"shipping" is not a value of order.status; allowed values: draft, confirmed, scheduled, in_production, ready, shipped, delivered, closed, on_hold, cancelled',
    ],
    ["enum on the left", { "!=": ["Z", { var: "customer.grade" }] }, "condition.!=[0]", /allowed values: A, B, C, D/],
    ["enum number", { "==": [{ var: "customer.grade" }, 4] }, "condition.==[1]", /4 is not a value of customer.grade/],
    [
      "line enum",
      { some: [{ var: "lines" }, { "==": [{ var: "kind" }, "raw"] }] },
      "condition.some[1].==[1]",
      /lines.kind; allowed values: finished, subassembly, purchased/,
    ],
    ["event trigger enum", { "==": [{ var: "event.trigger" }, "order.deleted"] }, "condition.==[1]", new RegExp(`allowed values: ${TRIGGERS.join(", ")}`)],
    ["number against text", { ">": [{ var: "order.amount" }, "lots"] }, "condition.>[1]", 'order.amount is a number; "lots" is not a number'],
    ["boolean against text", { "==": [{ var: "order.rush" }, "yes"] }, "condition.==[1]", /true or false/],
    // logic
    ["! with nothing", { "!": [] }, "condition.!", "! takes exactly 1 argument, got 0 arguments"],
    ["!! with two", { "!!": [1, 2] }, "condition.!!", /got 2 arguments/],
    ["empty and", { and: [] }, "condition.and", /at least one condition, got 0/],
    ["or not given a list", { or: true }, "condition.or", /takes a list of at least one condition, not true/],
    ["if with one argument", { if: [true] }, "condition.if", /\[condition, then, else\]/],
    // in
    ["in with one argument", { in: ["x"] }, "condition.in", /exactly 2 arguments/],
    ["in a number", { in: ["x", 5] }, "condition.in[1]", "in looks for a value in a list or a text; 5 is neither"],
    ["in a number fact", { in: ["x", { var: "order.amount" }] }, "condition.in[1]", /order.amount is a number; in needs a list or a text/],
    ["list fact looked for", { in: [{ var: "order.tags" }, ["T+3"]] }, "condition.in[0]", /order.tags is a list; to test whether it contains a value write/],
    ["enum in a list", { in: [{ var: "customer.grade" }, ["A", "E"]] }, "condition.in[1][1]", /"E" is not a value of customer.grade/],
    // arithmetic and dates
    ["division by zero", { ">": [{ "/": [{ var: "order.amount" }, 0] }, 1] }, "condition.>[0]./[1]", "division by zero"],
    ["remainder by zero", { "%": [{ var: "order.amount" }, 0] }, "condition.%[1]", "remainder of a division by zero"],
    ["date arithmetic", { "+": [{ var: "order.requestedDate" }, 1] }, "condition.+[0]", /is a date, not a number; use days_until or days_between/],
    ["text arithmetic", { "*": ["2", 3] }, "condition.*[0]", /"2" is not a number/],
    ["minus with three", { "-": [1, 2, 3] }, "condition.-", /1 or 2 arguments/],
    ["max of booleans", { max: [{ var: "order.rush" }, 1] }, "condition.max[0]", /order.rush is true or false, not a number/],
    ["days_until without reference", { days_until: [{ var: "order.requestedDate" }] }, "condition.days_until", /\{"var":"today"\}/],
    ["days_between bad literal", { days_between: ["2025-02-30", { var: "today" }] }, "condition.days_between[0]", /YYYY-MM-DD; "2025-02-30" is not one/],
    ["days_until of a number", { days_until: [{ var: "order.amount" }, { var: "today" }] }, "condition.days_until[0]", /not a date/],
    ["folds to an error", { "/": [1, { "-": [1, 1] }] }, "condition", /cannot be evaluated/],
    // missing
    ["missing nothing", { missing: [] }, "condition.missing", /at least one fact path/],
    ["missing unknown", { missing: ["order.requestedDate", "order.nope"] }, "condition.missing[1]", /"order.nope" is not a fact/],
    ["missing computed", { missing: [{ var: "x" }] }, "condition.missing[0]", /literal fact paths/],
    ["missing_some count", { missing_some: [3, ["event.from", "event.to"]] }, "condition.missing_some[0]", /whole number from 1 to 2/],
    ["missing_some empty", { missing_some: [1, []] }, "condition.missing_some[1]", /non-empty list/],
    // limits
    [
      `deeper than ${MAX_CONDITION_DEPTH}`,
      nested(MAX_CONDITION_DEPTH + 1),
      `condition${".!".repeat(MAX_CONDITION_DEPTH)}`,
      `the condition is nested more than ${MAX_CONDITION_DEPTH} levels deep`,
    ],
    ["a cycle", cyclic, `condition${".and[0]".repeat(MAX_CONDITION_DEPTH)}`, /nested more than/],
    [`more than ${MAX_CONDITION_NODES} parts`, { or: Array(MAX_CONDITION_NODES).fill(true) }, "condition", /more than 500 parts/],
  ];

  it.each(cases)("%s", (_name, logic, field, detail) => {
    const error = refusal(logic);
    expect(error.code).toBe("invalid");
    expect(error.status).toBe(400);
    expect(error.messageKey).toBe("field.invalid");
    expect(error.field).toBe(field);
    expect(error.params.field).toBe(field);
    if (typeof detail === "string") expect(error.params.detail).toBe(detail);
    else expect(String(error.params.detail)).toMatch(detail);
    expect(() => compileCondition(logic)).toThrow(AppError);
  });

  it.each(["map", "reduce", "filter", "merge", "preserve", "try", "throw", "substr", "val", "get", "exists", "length", "??", "not", "every", "eval"])(
    "unknown operator %s is named, nothing else listed",
    (op) => {
      const error = refusal({ and: [true, { [op]: [[1], true] }] });
      expect(error.field).toBe("condition.and[1]");
      expect(error.params.detail).toBe(`unknown operator ${JSON.stringify(op)}`);
    },
  );

  it("uses the field name it is given", () => {
    expect(refusal({ var: "nope" }, "rules[2].condition").field).toBe("rules[2].condition.var");
    expect(() => compileCondition({ var: "nope" }, { field: "rule.condition" })).toThrow(expect.objectContaining({ field: "rule.condition.var" }));
  });

  it("accepts the limits themselves", () => {
    expect(() => validateCondition(nested(MAX_CONDITION_DEPTH))).not.toThrow();
    expect(() => validateCondition({ or: Array(MAX_CONDITION_NODES - 1).fill(true) })).not.toThrow();
  });

  it("refuses a huge condition quickly and without overflowing the stack", () => {
    let deep: unknown = true;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(refusal(deep).params.detail).toMatch(/nested more than/);
    expect(refusal({ and: Array(1_000_000).fill(true) }).field).toBe("condition");
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Properties

// The facts below are an order's: a visit's own facts are refused on order triggers (trigger-scope.ts).
const ORDER_FACTS = Object.keys(FACT_FIELDS).filter((p) => !isVisitFact(p) && !isQuoteFact(p));
const paths = (type: string) => ORDER_FACTS.filter((p) => FACT_FIELDS[p].type === type && !FACT_FIELDS[p].values);
const ENUM_FACTS = ORDER_FACTS.filter((p) => FACT_FIELDS[p].values);
const NUMBER_FACTS = paths("number");
const NON_NULL_NUMBERS = NUMBER_FACTS.filter((p) => p !== "order.daysUntilDue");
const KINDS = LINE_FIELDS.kind.values ?? [];
const cmpOp = fc.constantFrom("==", "===", "!=", "!==", ">", ">=", "<", "<=");
const dateArb = fc.integer({ min: 0, max: 2000 }).map((n) => addDays("2023-01-01", n));
const numberArb = fc.integer({ min: -10, max: 200_000 });
const enumCmp = fc.constantFrom(...ENUM_FACTS).chain((p) =>
  fc.oneof(
    fc.tuple(cmpOp, fc.constantFrom(...(FACT_FIELDS[p].values ?? []))).map(([op, v]) => ({ [op]: [{ var: p }, v] })),
    fc.subarray([...(FACT_FIELDS[p].values ?? [])], { minLength: 1 }).map((vs) => ({ in: [{ var: p }, vs] })),
  ),
);

const lineCondition: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  leaf: fc.oneof(
    fc.tuple(cmpOp, fc.integer({ min: 0, max: 100 })).map(([op, n]) => ({ [op]: [{ var: "qty" }, n] })),
    fc.constantFrom(...KINDS).map((k) => ({ "==": [{ var: "kind" }, k] })),
    fc.constant({ var: "nonstandard" }),
    fc.tuple(cmpOp, fc.constantFrom(10, 16, 25, 40)).map(([op, n]) => ({ [op]: [{ var: "params.pressureRating" }, n] })),
    fc.constant({ in: [{ var: "family" }, ["valve", "pump"]] }),
    fc.constant({ "==": [{ var: ["params.protocol", "none"] }, "HART"] }),
  ),
  node: fc.oneof(
    { maxDepth: 3, depthIdentifier: "line" },
    tie("leaf"),
    fc.array(tie("node"), { minLength: 1, maxLength: 3 }).map((xs) => ({ and: xs })),
    fc.array(tie("node"), { minLength: 1, maxLength: 3 }).map((xs) => ({ or: xs })),
    tie("node").map((x) => ({ "!": x })),
  ),
})).node;

const wellFormed: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  leaf: fc.oneof(
    fc.tuple(cmpOp, fc.constantFrom(...NUMBER_FACTS), numberArb).map(([op, p, n]) => ({ [op]: [{ var: p }, n] })),
    fc.tuple(fc.constantFrom("<", "<="), fc.constantFrom(...NUMBER_FACTS), numberArb, numberArb).map(([op, p, a, b]) => ({ [op]: [a, { var: p }, b] })),
    enumCmp,
    fc.tuple(cmpOp, fc.constantFrom(...paths("date")), dateArb).map(([op, p, d]) => ({ [op]: [{ var: p }, d] })),
    fc.tuple(cmpOp, numberArb).map(([op, n]) => ({ [op]: [{ days_until: [{ var: "order.requestedDate" }, { var: "today" }] }, n] })),
    fc.tuple(cmpOp, dateArb, numberArb).map(([op, d, n]) => ({ [op]: [{ days_between: [d, { var: "today" }] }, n] })),
    fc
      .constantFrom(...paths("boolean"))
      .chain((p) => fc.constantFrom({ var: p }, { "!": { var: p } }, { "==": [{ var: p }, true] }, { "!=": [{ var: p }, false] })),
    fc.tuple(fc.constantFrom("T+3", "VIP", "requestedDate"), fc.constantFrom(...paths("string[]"))).map(([v, p]) => ({ in: [v, { var: p }] })),
    fc.tuple(fc.constantFrom(...paths("string")), fc.string({ maxLength: 8 })).map(([p, s]) => ({ "==": [{ var: p }, s] })),
    fc.tuple(cmpOp, fc.constantFrom(...NON_NULL_NUMBERS), fc.constantFrom(...NON_NULL_NUMBERS), numberArb).map(([op, a, b, n]) => ({
      [op]: [{ "+": [{ var: a }, { var: b }] }, n],
    })),
    fc.tuple(fc.constantFrom("min", "max", "*", "-"), fc.constantFrom(...NON_NULL_NUMBERS), fc.integer({ min: 1, max: 100 })).map(([op, p, n]) => ({
      ">": [{ [op]: [{ var: p }, n] }, 1000],
    })),
    fc
      .tuple(fc.constantFrom(...NON_NULL_NUMBERS), fc.integer({ min: 1, max: 100 }))
      .map(([p, n]) => ({ "<": [{ "/": [{ var: p }, n] }, { "%": [{ var: p }, n] }] })),
    fc.constantFrom(...ORDER_FACTS).map((p) => ({ missing: [p] })),
    fc.tuple(fc.constantFrom("some", "all", "none"), lineCondition).map(([op, c]) => ({ [op]: [{ var: "lines" }, c] })),
    fc.boolean(),
  ),
  node: fc.oneof(
    { maxDepth: 4, depthIdentifier: "root" },
    tie("leaf"),
    fc.array(tie("node"), { minLength: 1, maxLength: 4 }).map((xs) => ({ and: xs })),
    fc.array(tie("node"), { minLength: 1, maxLength: 4 }).map((xs) => ({ or: xs })),
    tie("node").map((x) => ({ "!": x })),
    tie("node").map((x) => ({ "!!": [x] })),
    fc.tuple(tie("node"), tie("node"), tie("node")).map((xs) => ({ if: xs })),
  ),
})).node;

const lineArb: fc.Arbitrary<LineFacts> = fc.record({
  sku: fc.constantFrom("VLV-100", "PMP-200", "SNS-300"),
  qty: fc.integer({ min: 1, max: 100 }),
  family: fc.constantFrom("valve", "pump", "sensor"),
  kind: fc.constantFrom(...KINDS),
  nonstandard: fc.boolean(),
  params: fc.record({ pressureRating: fc.constantFrom(10, 16, 25, 40), protocol: fc.constantFrom("HART", "Modbus") }, { requiredKeys: [] }),
});

const factsArb: fc.Arbitrary<OrderFacts> = fc
  .record({
    today: dateArb,
    requested: fc.option(fc.integer({ min: -30, max: 60 })),
    amount: fc.integer({ min: 0, max: 300_000 }),
    grade: fc.constantFrom("A", "B", "C", "D"),
    tags: fc.subarray(["T+3", "VIP", "export"]),
    lines: fc.array(lineArb, { maxLength: 4 }),
    rush: fc.boolean(),
    creditExceeded: fc.boolean(),
    status: fc.constantFrom(...(FACT_FIELDS["order.status"].values ?? [])),
    trigger: fc.constantFrom(...TRIGGERS),
  })
  .map((r) =>
    makeFacts({
      today: r.today,
      order: {
        requestedDate: r.requested === null ? null : addDays(r.today, r.requested),
        amount: r.amount,
        tags: r.tags,
        rush: r.rush,
        status: r.status,
        lineCount: r.lines.length,
        totalQty: r.lines.reduce((s, l) => s + l.qty, 0),
        nonstandard: r.lines.some((l) => l.nonstandard),
      },
      customer: { grade: r.grade, gradeRank: { A: 4, B: 3, C: 2, D: 1 }[r.grade], creditExceeded: r.creditExceeded },
      event: { trigger: r.trigger },
      lines: r.lines,
    }),
  );

const isCataloguePath = (p: string) =>
  Object.hasOwn(FACT_FIELDS, p) || (p.startsWith("lines.") && (Object.hasOwn(LINE_FIELDS, p.slice(6)) || p.startsWith("lines.params.")));

describe("properties", () => {
  it("well-formed conditions from the catalogue validate, compile and evaluate to booleans without errors", () => {
    fc.assert(
      fc.property(wellFormed, fc.array(factsArb, { minLength: 1, maxLength: 5 }), (logic, factsList) => {
        validateCondition(logic);
        expect(conditionVariables(logic).every(isCataloguePath)).toBe(true);
        const errors: unknown[] = [];
        const test = compileCondition(logic, { onError: (e) => errors.push(e) });
        for (const facts of factsList) expect(typeof test(facts)).toBe("boolean");
        expect(errors).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  const junkLeaf = fc.oneof(
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom(...Object.keys(FACT_FIELDS), ...Object.keys(LINE_FIELDS), "params.pressureRating", "order", "", "../today", "2025-01-01", "lines"),
    fc.constantFrom(...Object.keys(FACT_FIELDS), "qty", "params.x", "nope", "lines").map((p) => ({ var: p })),
    fc.constantFrom(undefined, Number.NaN, Number.POSITIVE_INFINITY, -0, 10n, new Date(0), () => 1, Symbol("s"), new Map()),
  );
  const junk: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
    node: fc.oneof(
      { maxDepth: 5, depthIdentifier: "junk" },
      junkLeaf,
      fc
        .tuple(
          fc.constantFrom(...ALLOWED_OPERATORS, "map", "reduce", "merge", "val", "__proto__", "constructor", "toString"),
          fc.array(tie("node"), { maxLength: 4 }),
        )
        .map(([op, args]) => Object.fromEntries([[op, args]])),
      fc.tuple(fc.constantFrom(...ALLOWED_OPERATORS), tie("node")).map(([op, arg]) => Object.fromEntries([[op, arg]])),
      fc.tuple(fc.constantFrom("some", "all", "none"), tie("node")).map(([op, c]) => ({ [op]: [{ var: "lines" }, c] })),
      fc.array(tie("node"), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom(...ALLOWED_OPERATORS), tie("node"), { maxKeys: 2 }),
    ),
  })).node;

  it("junk is either refused with an AppError or is valid and evaluates to a boolean", () => {
    fc.assert(
      fc.property(fc.oneof(junk, fc.anything(), fc.jsonValue()), factsArb, (logic, facts) => {
        let test: ((facts: OrderFacts) => boolean) | undefined;
        try {
          test = compileCondition(logic);
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
          expect((error as AppError).code).toBe("invalid");
          expect((error as AppError).field?.startsWith("condition")).toBe(true);
          expect(() => validateCondition(logic)).toThrow(AppError);
          return;
        }
        expect(() => validateCondition(logic)).not.toThrow();
        expect(conditionVariables(logic).every(isCataloguePath)).toBe(true);
        expect(typeof test(facts)).toBe("boolean");
      }),
      { numRuns: 1000 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Many conditions over many orders: checks compiled results against plain TypeScript (no timing, nothing printed;
// benchmarks live in bench/).

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function syntheticFacts(count: number, seed: number): OrderFacts[] {
  const rand = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
  return Array.from({ length: count }, (_, i) => {
    const today = addDays("2025-01-01", int(0, 120));
    const requestedDate = rand() < 0.2 ? null : addDays(today, int(-5, 40));
    const lines = Array.from({ length: int(0, 6) }, () =>
      line({
        sku: `SKU-${int(1, 50)}`,
        qty: int(1, 60),
        family: pick(["valve", "pump", "sensor", "gauge"]),
        kind: pick(KINDS),
        nonstandard: rand() < 0.15,
        params: rand() < 0.5 ? { pressureRating: pick([10, 16, 25, 40]), protocol: pick(["HART", "Modbus"]) } : {},
      }),
    );
    const grade = pick(["A", "B", "C", "D"]);
    const amount = int(100, 200_000) + pick([0, 0.5, 0.25]);
    const creditLimit = pick([0, 50_000, 100_000, 500_000]);
    const openReceivables = int(0, 300_000);
    const creditHeadroom = creditLimit - openReceivables - amount;
    return makeFacts({
      today,
      order: {
        orderNo: `SO-${i}`,
        status: pick(FACT_FIELDS["order.status"].values ?? []),
        amount,
        rush: rand() < 0.2,
        tags: ["T+3", "VIP", "export"].filter(() => rand() < 0.3),
        requestedDate,
        nonstandard: lines.some((l) => l.nonstandard),
        lineCount: lines.length,
        totalQty: lines.reduce((s, l) => s + l.qty, 0),
        source: pick(FACT_FIELDS["order.source"].values ?? []),
      },
      lines,
      customer: { grade, gradeRank: { A: 4, B: 3, C: 2, D: 1 }[grade], creditLimit, openReceivables, creditHeadroom, creditExceeded: creditHeadroom < 0 },
      event: {
        trigger: pick(TRIGGERS),
        changedFields: ["requestedDate", "lines", "rush"].filter(() => rand() < 0.3),
        to: pick([null, "shipped", "on_hold", "ready"]),
      },
    });
  });
}

const daysTo = (f: OrderFacts) => (f.order.requestedDate === null ? null : daysBetween(f.today, f.order.requestedDate));
const pressure = (l: LineFacts) => l.params.pressureRating as number | undefined;

/** Representative conditions with what they mean in plain TypeScript (JSONLogic semantics: null compares as 0). */
const REPRESENTATIVE: [unknown, (f: OrderFacts) => boolean][] = [
  [{ and: [{ ">": [{ var: "order.amount" }, 50000] }, { "==": [{ var: "customer.grade" }, "A"] }] }, (f) => f.order.amount > 50000 && f.customer.grade === "A"],
  [{ some: [{ var: "lines" }, { var: "nonstandard" }] }, (f) => f.lines.some((l) => l.nonstandard)],
  [{ "==": [{ var: "order.nonstandard" }, true] }, (f) => f.order.nonstandard],
  [{ "<": [{ var: "order.daysUntilDue" }, 7] }, (f) => (f.order.daysUntilDue ?? 0) < 7],
  [{ "<": [{ days_until: [{ var: "order.requestedDate" }, { var: "today" }] }, 7] }, (f) => (daysTo(f) ?? 0) < 7],
  [
    { and: [{ in: ["T+3", { var: "order.tags" }] }, { ">=": [{ var: "customer.gradeRank" }, 4] }] },
    (f) => f.order.tags.includes("T+3") && f.customer.gradeRank >= 4,
  ],
  [{ var: "customer.creditExceeded" }, (f) => f.customer.creditExceeded],
  [{ some: [{ var: "lines" }, { ">=": [{ var: "params.pressureRating" }, 25] }] }, (f) => f.lines.some((l) => (pressure(l) ?? 0) >= 25)],
  [{ or: [{ var: "order.rush" }, { "==": [{ var: "order.status" }, "on_hold"] }] }, (f) => f.order.rush || f.order.status === "on_hold"],
  [{ in: [{ var: "order.status" }, ["confirmed", "scheduled"]] }, (f) => ["confirmed", "scheduled"].includes(f.order.status)],
  [{ "!": { in: [{ var: "order.status" }, ["draft", "cancelled"]] } }, (f) => !["draft", "cancelled"].includes(f.order.status)],
  [{ "<=": [10000, { var: "order.amount" }, 100000] }, (f) => f.order.amount >= 10000 && f.order.amount <= 100000],
  [{ all: [{ var: "lines" }, { ">=": [{ var: "qty" }, 2] }] }, (f) => f.lines.length > 0 && f.lines.every((l) => l.qty >= 2)],
  [{ none: [{ var: "lines" }, { "==": [{ var: "kind" }, "purchased"] }] }, (f) => !f.lines.some((l) => l.kind === "purchased")],
  [{ "<": [{ var: "customer.creditHeadroom" }, 0] }, (f) => f.customer.creditHeadroom < 0],
  [
    { ">": [{ "+": [{ var: "customer.openReceivables" }, { var: "order.amount" }] }, { var: "customer.creditLimit" }] },
    (f) => f.customer.openReceivables + f.order.amount > f.customer.creditLimit,
  ],
  [
    { and: [{ "==": [{ var: "event.trigger" }, "order.transition"] }, { "==": [{ var: "event.to" }, "shipped"] }] },
    (f) => f.event.trigger === "order.transition" && f.event.to === "shipped",
  ],
  [{ in: ["requestedDate", { var: "event.changedFields" }] }, (f) => f.event.changedFields.includes("requestedDate")],
  [
    { if: [{ var: "order.rush" }, { ">": [{ var: "order.totalQty" }, 50] }, { ">": [{ var: "order.totalQty" }, 150] }] },
    (f) => (f.order.rush ? f.order.totalQty > 50 : f.order.totalQty > 150),
  ],
  [{ ">=": [{ var: "order.lineCount" }, 5] }, (f) => f.order.lineCount >= 5],
  [{ "==": [{ var: "order.source" }, "api"] }, (f) => f.order.source === "api"],
  [
    { and: [{ "!!": { var: "order.requestedDate" } }, { "<=": [{ days_between: [{ var: "today" }, { var: "order.requestedDate" }] }, 3] }] },
    (f) => daysTo(f) !== null && (daysTo(f) ?? 0) <= 3,
  ],
  [
    { some: [{ var: "lines" }, { and: [{ "==": [{ var: "family" }, "valve"] }, { ">": [{ var: "qty" }, 10] }] }] },
    (f) => f.lines.some((l) => l.family === "valve" && l.qty > 10),
  ],
  [{ in: [{ var: "customer.grade" }, ["C", "D"]] }, (f) => ["C", "D"].includes(f.customer.grade)],
  [{ ">": [{ "*": [{ var: "order.amount" }, 0.1] }, { var: "customer.creditHeadroom" }] }, (f) => f.order.amount * 0.1 > f.customer.creditHeadroom],
  [{ "<": [{ var: "order.requestedDate" }, "2025-03-01"] }, (f) => f.order.requestedDate !== null && f.order.requestedDate < "2025-03-01"],
  [{ "==": [{ cat: [{ var: "customer.grade" }, "-", { var: "order.source" }] }, "A-api"] }, (f) => `${f.customer.grade}-${f.order.source}` === "A-api"],
];

describe("many conditions over many orders", () => {
  it("27 compiled conditions agree with plain TypeScript on 12,000 synthetic orders", () => {
    expect(REPRESENTATIVE).toHaveLength(27);
    const orders = syntheticFacts(12_000, 20250310);
    const compiled = REPRESENTATIVE.map(([logic]) => compileCondition(logic));
    const mismatches: string[] = [];
    const trueCounts = REPRESENTATIVE.map(() => 0);
    for (const facts of orders) {
      for (let i = 0; i < compiled.length; i++) {
        const got = compiled[i](facts);
        if (got) trueCounts[i]++;
        if (got !== REPRESENTATIVE[i][1](facts) && mismatches.length < 5) mismatches.push(`#${i} on ${facts.order.orderNo}: got ${got}`);
      }
    }
    expect(mismatches).toEqual([]);
    // Every condition is true for some orders and false for others, so the comparison means something.
    for (const count of trueCounts) {
      expect(count).toBeGreaterThan(0);
      expect(count).toBeLessThan(orders.length);
    }
  });
});
