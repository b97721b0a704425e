// The pure rules of engineering changes: version diffs, the impact's suggestions, which work-order
// operations a switch may replace, the notice's life.
import { describe, expect, it } from "vitest";
import { type AffectedLine, computeImpact, undecided } from "../../src/ecn/model/impact.js";
import { mayDecide, mayMove } from "../../src/ecn/model/lifecycle.js";
import { bomDiff, routingDiff } from "../../src/engineering/model/version-diff.js";
import { planRoutingSwitch, type WorkOrderOp } from "../../src/production/model/switch-routing.js";

const line = (sku: string, qtyPer: string, extra: Partial<{ scrapFactor: string; substitutes: string[] }> = {}) => ({
  sku,
  qtyPer,
  scrapFactor: "0",
  substitutes: [],
  ...extra,
});

describe("version diff", () => {
  it("types each BOM change: added, removed, quantity, scrap, substitutes", () => {
    expect(
      bomDiff(
        [line("A", "1"), line("B", "2"), line("C", "1")],
        [line("A", "1.0000", { scrapFactor: "0.02" }), line("B", "3"), line("D", "1"), line("C", "1", { substitutes: ["E"] })],
      ),
    ).toEqual([
      { kind: "component_changed", ref: "A", from: "scrap 0", to: "scrap 0.02" },
      { kind: "quantity", ref: "B", from: "2", to: "3" },
      { kind: "substitute", ref: "C", from: null, to: "E" },
      { kind: "component_added", ref: "D", from: null, to: "1" },
    ]);
    expect(bomDiff([line("A", "1")], [line("A", "1.0")])).toEqual([]);
  });

  it("types routing changes: operation (work centre, added, removed) and time", () => {
    const op = (seq: number, workCentre: string, run: string) => ({ seq, workCentre, setupHours: "0", runHoursPerUnit: run, splittable: false });
    expect(routingDiff([op(10, "A", "1"), op(20, "B", "1")], [op(10, "A", "2"), op(30, "C", "1")])).toEqual([
      { kind: "time", ref: "op 10", from: "0h + 1h/pc", to: "0h + 2h/pc" },
      { kind: "operation", ref: "op 20", from: "B", to: null },
      { kind: "operation", ref: "op 30", from: null, to: "C" },
    ]);
  });
});

const affected = (orderNo: string, due: string | null, qty = 1, stage: AffectedLine["stage"] = "not_released"): AffectedLine => ({
  orderNo,
  lineNo: 1,
  sku: "P",
  qty,
  customer: "C",
  customerName: "客户",
  status: "confirmed",
  due,
  via: null,
  workOrder: null,
  stage,
  startedThrough: 0,
});

describe("impact suggestions", () => {
  const base = { stock: [], purchases: [], freedPerUnit: new Map<string, number>() };
  it("by date: orders due before the date keep the old version, later ones switch; a finished work order keeps", () => {
    const rows = computeImpact({
      ...base,
      effectivity: "date",
      effectiveDate: "2026-06-01",
      lines: [affected("B", "2026-06-01"), affected("A", "2026-05-31"), affected("D", "2026-07-01", 1, "done")],
    });
    expect(rows.map((r) => [r.ref, r.suggested])).toEqual([
      ["A/1", "keep"],
      ["B/1", "switch"],
      ["D/1", "keep"],
    ]);
    expect(rows[2].allowed).not.toContain("switch");
  });

  it("use up old stock first: the earliest orders keep while the freed stock covers them", () => {
    const rows = computeImpact({
      effectivity: "use_up",
      effectiveDate: "2026-01-01",
      lines: [affected("A", "2026-02-01", 6), affected("B", "2026-03-01", 5), affected("C", "2026-04-01", 3)],
      stock: [{ sku: "OLD", onHand: 10 }],
      purchases: [{ poRef: "PO1", sku: "OLD", qty: 50, expectedDate: "2026-05-01" }],
      freedPerUnit: new Map([["OLD", 1]]),
    });
    expect(rows.map((r) => [r.ref, r.suggested])).toEqual([
      ["A/1", "keep"],
      ["B/1", "switch"],
      ["C/1", "keep"],
      ["STOCK/OLD", "keep"],
      ["PO/PO1/OLD", "cancel_reorder"],
    ]);
    expect(undecided(rows, new Set(["A/1", "STOCK/OLD"]))).toEqual(["B/1", "C/1", "PO/PO1/OLD"]);
  });
});

describe("switching a work order's routing", () => {
  const op = (id: number, seq: number, status: WorkOrderOp["status"], good = 0): WorkOrderOp => ({
    id,
    seq,
    status,
    qtyGood: good,
    qtyScrap: 0,
    started: status !== "open",
  });
  const step = (seq: number) => ({ seq, workCentre: "X", setupHours: "0", runHoursPerUnit: "1" });
  it("keeps everything through the last started operation and replaces only the unstarted ones", () => {
    expect(planRoutingSwitch([op(1, 10, "done", 5), op(2, 20, "paused", 2), op(3, 30, "open"), op(4, 40, "open")], [10, 20, 30, 50].map(step))).toEqual({
      startedThrough: 20,
      keep: [1, 2],
      remove: [3, 4],
      add: [step(30), step(50)],
    });
  });
  it("with nothing started, the whole routing is replaced", () => {
    expect(planRoutingSwitch([op(1, 10, "open")], [step(10)])).toMatchObject({ startedThrough: 0, keep: [], remove: [1], add: [step(10)] });
  });
});

describe("the notice's life", () => {
  it("moves draft → review → approved; decisions until release", () => {
    expect(mayMove("draft", "review")).toBe(true);
    expect(mayMove("draft", "approved")).toBe(false);
    expect(mayMove("review", "approved")).toBe(true);
    expect(mayMove("released", "closed")).toBe(true);
    expect(mayMove("closed", "draft")).toBe(false);
    expect(mayDecide("approved")).toBe(true);
    expect(mayDecide("released")).toBe(false);
  });
});
