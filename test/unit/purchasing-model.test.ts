// Purchasing's pure rules: a line's state through confirmations and receipts (tolerance), a supplier's
// earliest delivery past its shutdown, reliability from history, proposals from shortages and requests,
// and the ledger telling unconfirmed from overdue supply; plus the demo plant's purchasing.
import { describe, expect, it } from "vitest";
import { dayNumber } from "../../src/calendar/model/dates.js";
import { generateDemoPlant } from "../../src/demo/generate-demo-plant.js";
import { AtpLedger } from "../../src/planning/model/atp.js";
import { receive, stateAfterConfirm } from "../../src/purchasing/model/lines.js";
import { proposePurchases } from "../../src/purchasing/model/proposals.js";
import { reliability } from "../../src/purchasing/model/reliability.js";
import { earliestDelivery } from "../../src/purchasing/model/supplier-calendar.js";

const line = { qty: 100, received: 0, requestedDate: "2027-05-01", confirmedDate: null, state: "unconfirmed" as const };

describe("a purchase line", () => {
  it("is confirmed by the first date and rescheduled by a different later one", () => {
    expect(stateAfterConfirm(line, "2027-05-10")).toBe("confirmed");
    expect(stateAfterConfirm({ ...line, confirmedDate: "2027-05-10", state: "confirmed" }, "2027-05-10")).toBe("confirmed");
    expect(stateAfterConfirm({ ...line, confirmedDate: "2027-05-10", state: "confirmed" }, "2027-05-12")).toBe("rescheduled");
    expect(stateAfterConfirm({ ...line, confirmedDate: "2027-05-10", state: "partly_received" }, "2027-05-12")).toBe("partly_received");
  });

  it("closes on receipts within the tolerance and refuses more than the tolerance above", () => {
    expect(receive(line, 60, 5)).toEqual({ ok: true, received: 60, state: "partly_received", closed: false });
    expect(receive({ ...line, received: 60, state: "partly_received" }, 40, 5)).toEqual({ ok: true, received: 100, state: "received", closed: true });
    expect(receive(line, 95, 5)).toMatchObject({ ok: true, closed: true });
    expect(receive(line, 94.999, 5)).toMatchObject({ ok: true, closed: false });
    expect(receive(line, 105, 5)).toMatchObject({ ok: true, closed: true });
    expect(receive(line, 105.001, 5)).toEqual({ ok: false, reason: "over_tolerance", max: 105, total: 105.001 });
    expect(receive(line, 100.001, 0)).toMatchObject({ ok: false });
  });
});

describe("suppliers", () => {
  it("deliver a lead time from today, the shutdown added when it falls on the way", () => {
    const festival = [{ from: "2027-02-01", to: "2027-02-14", reason: "春节" }];
    expect(earliestDelivery("2027-01-01", 20, festival)).toBe("2027-01-21");
    expect(earliestDelivery("2027-01-20", 20, festival)).toBe("2027-02-23");
    expect(earliestDelivery("2027-02-05", 3, festival)).toBe("2027-02-18");
  });

  it("are as reliable as their history: share on time and mean delay", () => {
    expect(reliability([])).toEqual({ lines: 0, onTime: 0, onTimeRate: null, meanDelayDays: null });
    expect(
      reliability([
        { promised: "2027-05-10", closedOn: "2027-05-09" },
        { promised: "2027-05-10", closedOn: "2027-05-10" },
        { promised: "2027-05-10", closedOn: "2027-05-16" },
        { promised: "2027-05-10", closedOn: "2027-05-12" },
      ]),
    ).toEqual({ lines: 4, onTime: 2, onTimeRate: 0.5, meanDelayDays: 2 });
  });
});

describe("proposals", () => {
  const offer = { supplierCode: "S1", supplierName: "一号", leadTimeDays: 10, priceFen: 250, closures: [] };
  it("propose requests and uncovered shortages per supplier, rush first, never what was already ordered or is coming", () => {
    const groups = proposePurchases({
      today: "2027-05-01",
      requests: [{ id: 7, sku: "A", qty: 20, needDate: "2027-05-20", orderNo: "DH1", rush: false }],
      shortages: [
        { sku: "B", orderNo: "DH2", qtyShort: 30, dateNeeded: "2027-05-08", rush: false },
        { sku: "B", orderNo: "DH3", qtyShort: 10, dateNeeded: "2027-05-15", rush: true },
        { sku: "C", orderNo: "DH4", qtyShort: 5, dateNeeded: "2027-05-09", rush: false },
      ],
      // 25 of B come late (after the first need): only 15 are left to buy, for the rush order first.
      openSupply: [
        { sku: "B", qty: 25, expectedDate: "2027-05-30" },
        { sku: "C", qty: 100, expectedDate: "2027-05-02" },
      ],
      offerOf: (sku) => (sku === "C" ? undefined : offer),
      taken: new Set(["short:C:DH4"]),
    });
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ supplierCode: "S1", rush: true, needDate: "2027-05-08" });
    expect(groups[0].lines.map((l) => [l.key, l.qty, l.requestedDate])).toEqual([
      ["short:B:DH3", 10, "2027-05-15"],
      ["short:B:DH2", 5, "2027-05-11"],
      ["pr:7", 20, "2027-05-20"],
    ]);
    expect(groups[0].amountFen).toBe(35 * 250);
  });
});

describe("the ledger's supply at risk", () => {
  it("tells an order that counts on an unconfirmed line from one that stock covers", () => {
    const today = dayNumber("2027-05-01");
    const ledger = AtpLedger.build(
      {
        stock: [{ sku: "A", location: "WH", free: 10 }],
        receipts: [
          { sku: "A", location: "WH", qty: 20, date: "2027-05-05", risk: "unconfirmed" },
          { sku: "A", location: "WH", qty: 5, date: "2027-05-03", risk: "overdue" },
        ],
        reservations: [],
      },
      today,
      dayNumber,
    );
    ledger.allocateBy("A", 8, today);
    expect(ledger.risksTaken("A", today)).toEqual({ overdue: false, unconfirmed: false });
    ledger.allocateBy("A", 12, today + 4);
    expect(ledger.risksTaken("A", today + 4)).toEqual({ overdue: false, unconfirmed: true });
    ledger.allocateBy("A", 1, today + 2);
    expect(ledger.risksTaken("A", today + 4)).toEqual({ overdue: true, unconfirmed: true });
  });
});

describe("the demo plant's purchasing", () => {
  it("has suppliers, open orders some unconfirmed and some late, and a reliability history", () => {
    const plant = generateDemoPlant(20260218, new Date("2026-12-02T02:00:00Z"));
    const p = plant.purchasing;
    const today = plant.today;
    expect(p.suppliers.length).toBeGreaterThanOrEqual(5);
    const open = p.lines.filter((l) => l.state !== "received" && l.state !== "cancelled");
    expect(open.filter((l) => l.state === "unconfirmed").length).toBeGreaterThan(20);
    expect(open.filter((l) => l.state === "rescheduled").length).toBeGreaterThan(5);
    expect(open.filter((l) => (l.confirmed_date ?? l.requested_date) < today).length).toBeGreaterThan(5);
    // Every open line is in transit exactly once, under its own reference.
    const refs = new Set(plant.supply.filter((s) => s.kind === "purchase" && s.status === "open").map((s) => s.ref));
    expect(open.every((l) => refs.has(`${l.po_no}/${l.line_no}`))).toBe(true);
    expect([...refs].every((r) => r.includes("/"))).toBe(true);
    // History: some suppliers keep their dates better than others.
    const rates = p.suppliers.map((s) => {
      const mine = p.lines.filter((l) => l.state === "received" && p.orders.find((o) => o.po_no === l.po_no)?.supplier_code === s.code);
      return reliability(mine.map((l) => ({ promised: l.confirmed_date!, closedOn: l.closed_on! }))).onTimeRate!;
    });
    expect(Math.min(...rates)).toBeLessThan(Math.max(...rates));
    expect(p.lines.filter((l) => l.state === "received").length).toBeGreaterThan(50);
  });
});
