import { describe, expect, it } from "vitest";
import { AppError } from "../../src/core/errors.js";
import { buildOrder, type IntakeContext, type IntakeItem, type OrderRequest, RUSH_TAGS } from "../../src/orders/model/build-order.js";
import { STAGE_OWNER } from "../../src/orders/model/lifecycle.js";

function makeContext(): IntakeContext {
  return {
    today: "2026-02-18",
    customers: new Map([
      ["ACME", { code: "ACME", grade: "A", credit_limit: "100000.00", open_receivables: "0.00" }],
      ["DULL", { code: "DULL", grade: "D", credit_limit: "100000.00", open_receivables: "0.00" }],
    ]),
    items: new Map<string, IntakeItem>([
      [
        "DOOR-1",
        {
          sku: "DOOR-1",
          unit_price: "1250.50",
          family: "门",
          kind: "finished",
          param_schema: {
            color: { type: "enum", values: ["white", "oak"], default: "white" },
            width: { type: "number", min: 600, max: 1200, default: 900 },
          },
        },
      ],
      ["HINGE", { sku: "HINGE", unit_price: "0.10", param_schema: {}, family: "", kind: "purchased" }],
      ["BOLT", { sku: "BOLT", unit_price: "0.20", param_schema: {}, family: "", kind: "purchased" }],
    ]),
    bomVersionBySku: new Map([
      ["DOOR-1", 11],
      ["HINGE", 21],
    ]),
    routingVersionBySku: new Map([["DOOR-1", 31]]),
  };
}

const base: OrderRequest = { customer: "ACME", lines: [{ sku: "DOOR-1", qty: 3 }] };

function refusal(request: OrderRequest, ctx = makeContext()): AppError {
  try {
    buildOrder(request, ctx);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error("expected buildOrder to throw");
}

describe("buildOrder: a confirmed order", () => {
  it("builds the rows with pinned versions, amounts and owner", () => {
    const order = buildOrder(
      {
        customer: "ACME",
        lines: [
          { sku: "DOOR-1", qty: 3 },
          { sku: "HINGE", qty: 12, unitPrice: "0.15" },
          { sku: "BOLT", qty: 1 },
        ],
        note: "n",
      },
      makeContext(),
    );
    expect(order).toEqual({
      customer_code: "ACME",
      customer_grade: "A",
      priority: 0,
      status: "confirmed",
      rush: false,
      tags: [],
      requested_date: null,
      total_amount: "3753.50",
      nonstandard: false,
      owner_role: "planner",
      note: "n",
      lines: [
        {
          line_no: 1,
          sku: "DOOR-1",
          qty: 3,
          unit_price: "1250.50",

          amount: "3751.50",
          params: {},
          nonstandard: false,
          bom_version_id: 11,
          routing_version_id: 31,
        },
        { line_no: 2, sku: "HINGE", qty: 12, unit_price: "0.15", amount: "1.80", params: {}, nonstandard: false, bom_version_id: 21, routing_version_id: null },
        { line_no: 3, sku: "BOLT", qty: 1, unit_price: "0.20", amount: "0.20", params: {}, nonstandard: false, bom_version_id: null, routing_version_id: null },
      ],
    });
  });

  it("confirm: true behaves like the default", () => {
    const order = buildOrder({ ...base, confirm: true }, makeContext());
    expect(order.status).toBe("confirmed");
    expect(order.lines[0].bom_version_id).toBe(11);
    expect(order.lines[0].routing_version_id).toBe(31);
  });

  it("owner_role follows STAGE_OWNER", () => {
    expect(buildOrder(base, makeContext()).owner_role).toBe(STAGE_OWNER.confirmed);
    expect(buildOrder({ ...base, confirm: false }, makeContext()).owner_role).toBe(STAGE_OWNER.draft);
  });

  it("total_amount is exact (0.10 + 0.20 = 0.30)", () => {
    const order = buildOrder(
      {
        customer: "ACME",
        lines: [
          { sku: "HINGE", qty: 1 },
          { sku: "BOLT", qty: 1 },
        ],
      },
      makeContext(),
    );
    expect(order.total_amount).toBe("0.30");
    const many = buildOrder({ customer: "ACME", lines: [{ sku: "HINGE", qty: 3 }] }, makeContext());
    expect(many.lines[0].amount).toBe("0.30");
    expect(many.total_amount).toBe("0.30");
  });

  it("a requested date of today or later is kept", () => {
    expect(buildOrder({ ...base, requestedDate: "2026-02-18" }, makeContext()).requested_date).toBe("2026-02-18");
    expect(buildOrder({ ...base, requestedDate: "2026-03-01" }, makeContext()).requested_date).toBe("2026-03-01");
  });

  it("nonstandard params mark the line and the order", () => {
    const order = buildOrder(
      {
        customer: "ACME",
        lines: [
          { sku: "DOOR-1", qty: 1, params: { color: "white" } },
          { sku: "DOOR-1", qty: 1, params: { color: "oak", width: 700 } },
        ],
      },
      makeContext(),
    );
    expect(order.lines.map((l) => l.nonstandard)).toEqual([false, true]);
    expect(order.lines[1].params).toEqual({ color: "oak", width: 700 });
    expect(order.nonstandard).toBe(true);
  });

  it("the same sku with different params is not a duplicate", () => {
    const order = buildOrder(
      {
        customer: "ACME",
        lines: [
          { sku: "DOOR-1", qty: 1, params: { width: 700 } },
          { sku: "DOOR-1", qty: 1, params: { width: 800 } },
        ],
      },
      makeContext(),
    );
    expect(order.lines).toHaveLength(2);
  });
});

describe("buildOrder: drafts", () => {
  it("confirm false keeps a draft with no pinned versions", () => {
    const order = buildOrder({ ...base, lines: [...base.lines, { sku: "HINGE", qty: 1 }], confirm: false }, makeContext());
    expect(order.status).toBe("draft");
    expect(order.owner_role).toBe("sales");
    for (const line of order.lines) {
      expect(line.bom_version_id).toBeNull();
      expect(line.routing_version_id).toBeNull();
    }
    expect(order.total_amount).toBe("3751.60");
  });
});

describe("buildOrder: rush and tags", () => {
  it("rush may come from the flag or from a rush tag", () => {
    expect(buildOrder({ ...base, rush: true }, makeContext()).rush).toBe(true);
    for (const tag of RUSH_TAGS) expect(buildOrder({ ...base, tags: [tag] }, makeContext()).rush).toBe(true);
    expect(buildOrder({ ...base, tags: ["vip"] }, makeContext()).rush).toBe(false);
    expect(buildOrder({ ...base, rush: false }, makeContext()).rush).toBe(false);
  });

  it("tags are de-duplicated, first occurrence order kept", () => {
    expect(buildOrder({ ...base, tags: ["b", "a", "b", "a", "c"] }, makeContext()).tags).toEqual(["b", "a", "c"]);
  });

  it("grade D + rush flag → business_rule on field rush", () => {
    const e = refusal({ ...base, customer: "DULL", rush: true });
    expect(e).toMatchObject({ code: "business_rule", messageKey: "order.rush_grade_d", field: "rush" });
    expect(e.params).toEqual({ customer: "DULL" });
    expect(e.status).toBe(422);
  });

  it("grade D + rush tag → business_rule on the tag's index in the request", () => {
    expect(refusal({ ...base, customer: "DULL", tags: ["vip", "T+3"] })).toMatchObject({ code: "business_rule", field: "tags[1]" });
    expect(refusal({ ...base, customer: "DULL", tags: ["加急"] })).toMatchObject({ code: "business_rule", field: "tags[0]" });
    // The index is the one in the request, not in the de-duplicated list.
    expect(refusal({ ...base, customer: "DULL", tags: ["vip", "vip", "T+3"] }).field).toBe("tags[2]");
  });

  it("grade D + both flag and tag names the flag", () => {
    expect(refusal({ ...base, customer: "DULL", rush: true, tags: ["T+3"] }).field).toBe("rush");
  });

  it("grade D without rush is fine", () => {
    const order = buildOrder({ ...base, customer: "DULL", rush: false, tags: ["vip"] }, makeContext());
    expect(order.rush).toBe(false);
    expect(order.customer_code).toBe("DULL");
  });
});

describe("buildOrder: refusals", () => {
  it("unknown customer → invalid on customer", () => {
    const e = refusal({ ...base, customer: "NOPE" });
    expect(e).toMatchObject({ code: "invalid", messageKey: "customer.not_found", field: "customer" });
    expect(e.params).toEqual({ code: "NOPE" });
  });

  it("unknown sku → invalid on lines[i].sku", () => {
    const e = refusal({
      customer: "ACME",
      lines: [
        { sku: "DOOR-1", qty: 1 },
        { sku: "GHOST", qty: 1 },
      ],
    });
    expect(e).toMatchObject({ code: "invalid", messageKey: "item.not_found", field: "lines[1].sku" });
    expect(e.params).toEqual({ sku: "GHOST" });
  });

  it("requested date before today → invalid on requestedDate", () => {
    const e = refusal({ ...base, requestedDate: "2026-02-17" });
    expect(e).toMatchObject({ code: "invalid", messageKey: "order.requested_in_past", field: "requestedDate" });
    expect(e.params).toEqual({ date: "2026-02-17" });
  });

  it("duplicate line (same sku, same params) → invalid on the later line", () => {
    const e = refusal({
      customer: "ACME",
      lines: [
        { sku: "HINGE", qty: 1 },
        { sku: "HINGE", qty: 5 },
      ],
    });
    expect(e).toMatchObject({ code: "invalid", messageKey: "order.duplicate_line", field: "lines[1]" });
    expect(e.params).toEqual({ line: 2 });
  });

  it("duplicate detection ignores the key order of params", () => {
    const e = refusal({
      customer: "ACME",
      lines: [
        { sku: "BOLT", qty: 1 },
        { sku: "DOOR-1", qty: 1, params: { color: "oak", width: 700 } },
        { sku: "DOOR-1", qty: 2, params: { width: 700, color: "oak" } },
      ],
    });
    expect(e.field).toBe("lines[2]");
    expect(e.params).toEqual({ line: 3 });
  });

  it("no params and empty params are the same line", () => {
    expect(
      refusal({
        customer: "ACME",
        lines: [
          { sku: "BOLT", qty: 1 },
          { sku: "BOLT", qty: 1, params: {} },
        ],
      }).field,
    ).toBe("lines[1]");
  });

  it("bad params are reported with the line's params path", () => {
    const e = refusal({
      customer: "ACME",
      lines: [
        { sku: "HINGE", qty: 1 },
        { sku: "DOOR-1", qty: 1, params: { width: 50 } },
      ],
    });
    expect(e).toMatchObject({ code: "invalid", messageKey: "param.range", field: "lines[1].params.width" });
    expect(refusal({ ...base, lines: [{ sku: "DOOR-1", qty: 1, params: { depth: 1 } }] }).field).toBe("lines[0].params.depth");
  });

  it("checks run in order: customer before rush before date before lines", () => {
    expect(refusal({ customer: "NOPE", rush: true, requestedDate: "2000-01-01", lines: [{ sku: "GHOST", qty: 1 }] }).field).toBe("customer");
    expect(refusal({ customer: "DULL", rush: true, requestedDate: "2000-01-01", lines: [{ sku: "GHOST", qty: 1 }] }).field).toBe("rush");
    expect(refusal({ customer: "ACME", requestedDate: "2000-01-01", lines: [{ sku: "GHOST", qty: 1 }] }).field).toBe("requestedDate");
  });

  it("does not modify the context or the request", () => {
    const ctx = makeContext();
    const request: OrderRequest = { customer: "ACME", tags: ["a", "a"], lines: [{ sku: "DOOR-1", qty: 2, params: { color: "oak" } }] };
    const snapshot = structuredClone(request);
    buildOrder(request, ctx);
    expect(request).toEqual(snapshot);
    expect(ctx).toEqual(makeContext());
  });
});

describe("buildOrder: limits and equivalent lines", () => {
  it("refuses a line whose amount does not fit numeric(14,2), naming the line", () => {
    const e = refusal({ ...base, lines: [{ sku: "DOOR-1", qty: 1_000_000, unitPrice: "999999999.00" }] });
    expect(e).toMatchObject({ code: "invalid", messageKey: "order.amount_too_large", field: "lines[0].qty" });
  });

  it("refuses an order whose total does not fit, even when each line does", () => {
    const line = { sku: "HINGE", qty: 1_000_000, unitPrice: "600000.00" };
    const e = refusal({ ...base, lines: [line, { ...line, sku: "BOLT" }] });
    expect(e).toMatchObject({ messageKey: "order.amount_too_large", field: "lines" });
  });

  it("treats a line spelling out the default params as a repeat of one that omits them", () => {
    const e = refusal({
      ...base,
      lines: [
        { sku: "DOOR-1", qty: 1 },
        { sku: "DOOR-1", qty: 2, params: { color: "white", width: 900 } },
      ],
    });
    expect(e).toMatchObject({ messageKey: "order.duplicate_line", field: "lines[1]" });
  });
});

describe("buildOrder: versions pinned by the caller (a quote's line)", () => {
  it("keeps the caller's BOM and routing versions instead of those in force, also on a draft", () => {
    const pinned = { bomVersionId: 7, routingVersionId: 8 };
    const confirmed = buildOrder(
      {
        customer: "ACME",
        lines: [
          { sku: "DOOR-1", qty: 1, pinned },
          { sku: "HINGE", qty: 2 },
        ],
      },
      makeContext(),
    );
    expect(confirmed.lines.map((l) => [l.bom_version_id, l.routing_version_id])).toEqual([
      [7, 8],
      [21, null],
    ]);
    const draft = buildOrder({ customer: "ACME", confirm: false, lines: [{ sku: "DOOR-1", qty: 1, pinned }] }, makeContext());
    expect(draft.lines[0]).toMatchObject({ bom_version_id: 7, routing_version_id: 8 });
  });
});
