import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ bodyLimitBytes: 64 * 1024 });
});
afterAll(() => t?.close());

const good = { customer: "C-A1", lines: [{ sku: "PS-100", qty: 1 }] };

async function rowCounts() {
  const count = (table: "orders" | "order_lines" | "order_events" | "customers") =>
    t.database.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));
  return { orders: await count("orders"), lines: await count("order_lines"), events: await count("order_events"), customers: await count("customers") };
}

/** Sends a bad order and checks the status, the field named, and that nothing was written. */
async function expectRefused(body: unknown, status: number, field: string | undefined, init: { raw?: string; headers?: Record<string, string> } = {}) {
  const before = await rowCounts();
  const res = await t.api("POST", "/api/orders", { as: "sales", ...(init.raw !== undefined ? { raw: init.raw } : { body }), headers: init.headers });
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.error.message).toBeTruthy();
  if (field) expect(res.body.error.field).toBe(field);
  expect(await rowCounts()).toEqual(before);
  return res.body.error;
}

describe("bad input is refused with the field and the reason, and nothing is saved", () => {
  it("malformed JSON", async () => {
    const error = await expectRefused(undefined, 400, undefined, { raw: '{"customer": "C-A1", "lines": [' });
    expect(error.code).toBe("malformed");
  });

  it("a body that is not JSON", async () => {
    const error = await expectRefused(undefined, 400, undefined, { raw: "customer=C-A1", headers: { "content-type": "text/plain" } });
    expect(error.code).toBe("malformed");
  });

  it("wrong types", async () => {
    const e1 = await expectRefused({ ...good, lines: [{ sku: "PS-100", qty: "3" }] }, 400, "lines[0].qty");
    expect(e1.reason).toBe("field.type");
    await expectRefused({ ...good, lines: [{ sku: "PS-100", qty: 1.5 }] }, 400, "lines[0].qty");
    await expectRefused({ ...good, lines: "PS-100" }, 400, "lines");
    await expectRefused({ ...good, rush: "yes" }, 400, "rush");
  });

  it("missing required fields", async () => {
    const e = await expectRefused({ lines: good.lines }, 400, "customer");
    expect(e.reason).toBe("field.required");
    await expectRefused({ customer: "C-A1", lines: [] }, 400, "lines");
    await expectRefused({ customer: "C-A1", lines: [{ qty: 1 }] }, 400, "lines[0].sku");
  });

  it("out-of-range and impossible values", async () => {
    await expectRefused({ ...good, lines: [{ sku: "PS-100", qty: 0 }] }, 400, "lines[0].qty");
    await expectRefused({ ...good, lines: [{ sku: "PS-100", qty: 1_000_001 }] }, 400, "lines[0].qty");
    await expectRefused({ ...good, requestedDate: "2026-02-30" }, 400, "requestedDate");
    await expectRefused({ ...good, requestedDate: "18/02/2026" }, 400, "requestedDate");
    await expectRefused({ ...good, requestedDate: "2020-01-01" }, 400, "requestedDate");
    await expectRefused({ ...good, lines: [{ sku: "PS-100", qty: 1, unitPrice: "12.345" }] }, 400, "lines[0].unitPrice");
    await expectRefused({ ...good, lines: Array.from({ length: 201 }, () => ({ sku: "PS-100", qty: 1 })) }, 400, "lines");
  });

  it("unknown fields and unknown enum values", async () => {
    const e = await expectRefused({ ...good, priority: "high" }, 400, "priority");
    expect(e.reason).toBe("field.unknown");
    await expectRefused({ ...good, lines: [{ sku: "PS-100", qty: 1, colour: "red" }] }, 400, "lines[0].colour");
    const p = await expectRefused({ ...good, lines: [{ sku: "PS-100", qty: 1, params: { pressureRating: "99MPa" } }] }, 400, "lines[0].params.pressureRating");
    expect(p.message).toContain("1.6MPa");
    await expectRefused({ ...good, lines: [{ sku: "PS-100", qty: 1, params: { torque: 5 } }] }, 400, "lines[0].params.torque");
    await expectRefused({ ...good, lines: [{ sku: "PS-100", qty: 1, params: { cableLength: 80 } }] }, 400, "lines[0].params.cableLength");
    const transition = await t.api("POST", "/api/orders/DH20260101001/transitions", { as: "planner", body: { to: "teleported" } });
    expect(transition.status).toBe(400);
    expect(transition.body.error).toMatchObject({ field: "to", reason: "field.enum" });
  });

  it("unknown customer or SKU, even on a later line", async () => {
    await expectRefused({ ...good, customer: "NOPE" }, 400, "customer");
    const e = await expectRefused(
      {
        ...good,
        lines: [
          { sku: "PS-100", qty: 1 },
          { sku: "NO-SUCH-SKU", qty: 1 },
        ],
      },
      400,
      "lines[1].sku",
      {
        headers: { "accept-language": "en" },
      },
    );
    expect(e.message).toBe("Item NO-SUCH-SKU does not exist");
  });

  it("a body over the size limit gets 413", async () => {
    const huge = { ...good, note: "x".repeat(100 * 1024) };
    const error = await expectRefused(huge, 413, undefined);
    expect(error.code).toBe("too_large");
  });

  it("a refused order does not consume an order number", async () => {
    const a = await t.api("POST", "/api/orders", { as: "sales", body: good });
    await t.api("POST", "/api/orders", { as: "sales", body: { ...good, lines: [{ sku: "NOPE", qty: 1 }] } });
    const b = await t.api("POST", "/api/orders", { as: "sales", body: good });
    expect(Number(b.body.orderNo.slice(10))).toBe(Number(a.body.orderNo.slice(10)) + 1);
  });

  it("customer master: closed grade list, money format, code format", async () => {
    const base = { code: "C-NEW1", name: "新客户有限公司", grade: "B" };
    const bad = async (body: unknown, field: string) => {
      const before = await rowCounts();
      const res = await t.api("POST", "/api/customers", { as: "finance", body });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error.field).toBe(field);
      expect(await rowCounts()).toEqual(before);
    };
    await bad({ ...base, grade: "E" }, "grade");
    await bad({ ...base, creditLimit: "1.2万" }, "creditLimit");
    await bad({ ...base, creditLimit: -5 }, "creditLimit");
    await bad({ ...base, code: "lower case" }, "code");
    await bad({ ...base, name: "" }, "name");
  });

  it("query strings are validated too", async () => {
    const res = await t.api("GET", "/api/orders?status=lost", { as: "sales" });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe("status[0]");
    const limit = await t.api("GET", "/api/orders?limit=100000", { as: "sales" });
    expect(limit.body.error.field).toBe("limit");
    const cursor = await t.api("GET", "/api/orders?cursor=garbage", { as: "sales" });
    expect(cursor.body.error.field).toBe("cursor");
  });
});
