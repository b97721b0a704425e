// The demo morning's orders over the real demo plant's master data: each passes intake's checks, and
// together they give every rule-driven queue work (rush pins, credit holds, engineering review, grade D).
import { describe, expect, it } from "vitest";
import { toFen } from "../../src/core/money.js";
import { DEFAULT_SEED } from "../../src/demo/generate-demo-plant.js";
import { generateMasterData } from "../../src/demo/master-data.js";
import { morningRequests } from "../../src/demo/morning-orders.js";
import { buildOrder } from "../../src/orders/model/build-order.js";

const TODAY = "2026-11-20";
const data = generateMasterData(DEFAULT_SEED, TODAY);
const finished = data.master.items.filter((i) => i.kind === "finished");
const requests = morningRequests(data.customers, finished, TODAY);
const ctx = {
  today: TODAY,
  customers: new Map(data.customers.map((c) => [c.code, c])),
  items: new Map(data.master.items.map((i) => [i.sku, i])),
  bomVersionBySku: new Map<string, number>(),
  routingVersionBySku: new Map<string, number>(),
};
const grade = (code: string) => ctx.customers.get(code)!.grade;

describe("the demo morning's orders", () => {
  it("are about twenty, every one accepted by intake's checks", () => {
    expect(requests.length).toBe(17);
    for (const r of requests) expect(() => buildOrder(r, ctx), JSON.stringify(r)).not.toThrow();
  });

  it("give each queue work: T+3 rush of grade A, over the credit limit, non-standard, grade D, many lines", () => {
    const built = requests.map((r) => ({ r, o: buildOrder(r, ctx) }));
    const rush = built.filter(({ r }) => r.tags?.includes("T+3"));
    expect(rush.length).toBe(3);
    for (const { r, o } of rush) {
      expect(grade(r.customer)).toBe("A");
      expect(Number(o.total_amount)).toBeLessThanOrEqual(50_000);
    }
    const over = built.filter(({ r, o }) => {
      const c = ctx.customers.get(r.customer)!;
      return toFen(c.open_receivables) + toFen(o.total_amount) > toFen(c.credit_limit);
    });
    expect(over.length).toBe(3);
    expect(built.filter(({ o }) => o.nonstandard).length).toBe(5);
    expect(built.filter(({ r }) => grade(r.customer) === "D").length).toBe(2);
    expect(built.some(({ o }) => o.lines.length === 5)).toBe(true);
    expect(new Set(requests.map((r) => r.customer)).size).toBe(requests.length);
  });
});
