import { describe, expect, it } from "vitest";
import { type CostMaster, lineCost, marginOf, priceForMargin } from "../../src/quotes/model/costing.js";
import { type DiffVersion, diffVersions } from "../../src/quotes/model/diff.js";
import { conversionReruns, formatQuoteNo, promiseValidUntil, versionStatus } from "../../src/quotes/model/quote.js";
import { fillQuoteTemplate, planQuoteEffects, quoteFacts } from "../../src/quotes/model/quote-rules.js";

// A finished item (BOM 1, routing 2) of a made core (BOM 3, no routing) and a purchased housing.
const master: CostMaster = {
  items: new Map([
    ["CHIP", { unitPrice: "88.00" }],
    ["HOUSING", { unitPrice: "45.00" }],
    ["CORE", { unitPrice: "300.00" }],
  ]),
  bomLines: new Map([
    [
      1,
      [
        { componentSku: "CORE", qtyPer: 1 },
        { componentSku: "HOUSING", qtyPer: 2 },
      ],
    ],
    [3, [{ componentSku: "CHIP", qtyPer: 1.5 }]],
  ]),
  operations: new Map([
    [
      2,
      [
        { setupHours: 0.5, runHoursPerUnit: 0.1, hourlyRate: "80.00" },
        { setupHours: 0, runHoursPerUnit: 0.25, hourlyRate: "160.00" },
      ],
    ],
  ]),
  effectiveBom: new Map([["CORE", 3]]),
  effectiveRouting: new Map(),
};

describe("quote costing", () => {
  it("rolls materials up through made components at their current prices, spreads set-up over the quantity", () => {
    // Material: core 1.5 × 88 = 132 (not its 300 list price) + 2 × 45 = 90; labour: (0.5 + 0.1·10) × 80 + 0.25·10 × 160 = 520 / 10.
    expect(lineCost({ qty: 10, bomVersionId: 1, routingVersionId: 2, outsourcingFen: 1250 }, master)).toEqual({
      material: 22_200,
      labour: 5_200,
      outsourcing: 1_250,
      unit: 28_650,
    });
    // One piece carries the whole set-up: (0.5 + 0.1) × 80 + 0.25 × 160 = 88 yuan (against 52 a piece for ten).
    expect(lineCost({ qty: 1, bomVersionId: 1, routingVersionId: 2, outsourcingFen: 0 }, master).labour).toBe(8_800);
  });

  it("prices for a margin of the price, rounded up to a yuan, and reads the margin back", () => {
    expect(priceForMargin(15_060, 22)).toBe(19_400);
    expect(priceForMargin(10_000, 0)).toBe(10_000);
    expect(priceForMargin(0, 30)).toBe(0);
    expect(marginOf(19_400, 15_060)).toBe(22.37);
    expect(marginOf(0, 100)).toBe(0);
    for (const cost of [1, 999, 15_060, 123_457]) for (const m of [0, 12.5, 40]) expect(marginOf(priceForMargin(cost, m), cost)).toBeGreaterThanOrEqual(m);
  });
});

describe("quote numbers, statuses and validity", () => {
  it("numbers BJ + day + sequence", () => {
    expect(formatQuoteNo("2026-12-02", 4)).toBe("BJ20261202004");
    expect(formatQuoteNo("2026-12-02", 1234)).toBe("BJ202612021234");
    expect(() => formatQuoteNo("2026-12-02", 0)).toThrow();
  });

  it("reads a sent version past its validity as expired, and says what a conversion re-runs", () => {
    expect(versionStatus("sent", "2026-12-01", "2026-12-02")).toBe("expired");
    expect(versionStatus("sent", "2026-12-02", "2026-12-02")).toBe("sent");
    expect(versionStatus("won", "2026-12-01", "2026-12-02")).toBe("won");
    expect(promiseValidUntil("2026-12-02", "2027-01-01")).toBe("2026-12-09");
    expect(promiseValidUntil("2026-12-02", "2026-12-05")).toBe("2026-12-05");
    const v = { valid_until: "2026-12-31", promise_valid_until: "2026-12-09" };
    expect(conversionReruns(v, "2026-12-09")).toEqual({ price: false, date: false });
    expect(conversionReruns(v, "2026-12-10")).toEqual({ price: false, date: true });
    expect(conversionReruns(v, "2027-01-01")).toEqual({ price: true, date: true });
  });
});

describe("the diff between versions", () => {
  const base: DiffVersion = {
    version: 1,
    validUntil: "2027-01-01",
    requestedDate: null,
    promiseDate: "2026-12-20",
    priceTotal: "1940.00",
    costTotal: "1506.00",
    marginPct: 22.37,
    note: "",
    lines: [
      { sku: "A", params: { p: "1", q: 2 }, qty: 10, unitPrice: "194.00", unitCost: "150.60", bomVersion: 1, routingVersion: 1 },
      { sku: "B", params: {}, qty: 1, unitPrice: "9.00", unitCost: "5.00", bomVersion: null, routingVersion: null },
    ],
  };
  it("pairs lines by item and parameters (in any order) and lists what changed", () => {
    const next: DiffVersion = {
      ...base,
      version: 2,
      promiseDate: "2026-12-22",
      lines: [
        { sku: "A", params: { q: 2, p: "1" }, qty: 20, unitPrice: "185.00", unitCost: "150.60", bomVersion: 2, routingVersion: 1 },
        { sku: "A", params: { p: "2", q: 2 }, qty: 1, unitPrice: "200.00", unitCost: "150.60", bomVersion: 1, routingVersion: 1 },
      ],
    };
    const diff = diffVersions(base, next);
    expect(diff.terms).toEqual([{ field: "promiseDate", from: "2026-12-20", to: "2026-12-22" }]);
    expect(diff.lines).toEqual([
      {
        change: "changed",
        sku: "A",
        params: { p: "1", q: 2 },
        fields: [
          { field: "qty", from: 10, to: 20 },
          { field: "unitPrice", from: "194.00", to: "185.00" },
          { field: "bomVersion", from: 1, to: 2 },
        ],
      },
      { change: "removed", line: base.lines[1] },
      { change: "added", line: next.lines[1] },
    ]);
    expect(diffVersions(base, { ...base, version: 3 })).toEqual({ from: 1, to: 3, terms: [], lines: [] });
  });
});

describe("rules on quote.below_margin", () => {
  const facts = quoteFacts(
    { quoteNo: "BJ20261202001", version: 2, priceTotal: "1600.00", marginPct: 5.88, floorPct: 15, author: "sales" },
    { code: "C-B1", grade: "B", credit_limit: "500000.00", open_receivables: "0.00" },
    "2026-12-02",
  );
  it("sees the quote, the customer and the event", () => {
    expect(facts.quote).toMatchObject({ amount: 1600, shortfallPct: 9.12 });
    expect(facts.customer).toMatchObject({ code: "C-B1", gradeRank: 3 });
    expect(facts.event.trigger).toBe("quote.below_margin");
    expect(fillQuoteTemplate("{quoteNo} {version} {marginPct}% < {floorPct}% ({customer}, {nope})", facts)).toBe(
      "BJ20261202001 V2 5.9% < 15.0% (C-B1, {nope})",
    );
  });
  it("plans tasks and notices; an order action stored before the check is logged as skipped", () => {
    const now = new Date("2026-12-02T02:00:00Z");
    const plan = planQuoteEffects(
      [
        {
          id: 7,
          version: 1,
          name: "r",
          actions: [
            { type: "create_task", title: "审批 {quoteNo}", assignUser: "chen", dueInHours: 24 },
            { type: "notify", channels: ["inapp"], toRole: "finance", level: "warning", message: "{quoteNo}" },
            { type: "add_tag", tag: "x" },
          ],
        },
      ] as never,
      facts,
      now,
    );
    expect(plan.tasks).toEqual([
      {
        title: "审批 BJ20261202001",
        assigneeRole: null,
        assigneeUser: "chen",
        mentions: [],
        dueAt: new Date("2026-12-03T02:00:00Z"),
        ruleId: 7,
        ruleVersion: 1,
      },
    ]);
    expect(plan.notifications).toEqual([{ toRole: "finance", level: "warning", message: "BJ20261202001", ruleId: 7 }]);
    expect(plan.log.map((l) => l.status)).toEqual(["done", "done", "skipped"]);
  });
});
