import { describe, expect, it } from "vitest";
import { checkBatch, syncBody, toMilli } from "../../src/inventory/model/sync-lines.js";

const known = {
  skus: new Set(["A", "B"]),
  locations: new Set(["WH"]),
  reserved: new Map([["A|WH", "12.500"]]),
};

describe("WMS sync lines", () => {
  it("accepts balances at or above what is reserved", () => {
    const batch = syncBody.parse({
      batchId: "b",
      balances: [
        { sku: "A", location: "WH", onHand: "12.5" },
        { sku: "B", location: "WH", onHand: 0 },
      ],
    });
    expect(checkBatch(batch, known)).toEqual([]);
  });

  it("names each refused line: unknown item or location, below reserved, repeated", () => {
    const batch = syncBody.parse({
      batchId: "b",
      balances: [
        { sku: "A", location: "WH", onHand: "12.499" },
        { sku: "Z", location: "WH", onHand: "1" },
        { sku: "B", location: "XX", onHand: "1" },
        { sku: "B", location: "WH", onHand: "1" },
        { sku: "B", location: "WH", onHand: "2" },
      ],
      inTransit: [
        { kind: "purchase", ref: "PO1", sku: "B", location: "WH", qty: "5", expectedDate: "2026-12-01" },
        { kind: "purchase", ref: "PO1", sku: "B", location: "WH", qty: "6", expectedDate: "2026-12-02" },
      ],
    });
    expect(checkBatch(batch, known)).toEqual([
      { line: "balances[0]", field: "balances[0].onHand", reason: "stock.below_reserved", detail: "12.499 < 12.500" },
      { line: "balances[1]", field: "balances[1].sku", reason: "item.unknown", detail: "Z" },
      { line: "balances[2]", field: "balances[2].location", reason: "location.unknown", detail: "XX" },
      { line: "balances[4]", field: "balances[4]", reason: "line.duplicate", detail: "balances[3]" },
      { line: "inTransit[1]", field: "inTransit[1]", reason: "line.duplicate", detail: "inTransit[0]" },
    ]);
  });

  it("validates shapes: quantities, dates, an empty batch", () => {
    expect(syncBody.safeParse({ batchId: "b", balances: [{ sku: "A", location: "WH", onHand: "1.2345" }] }).success).toBe(false);
    expect(
      syncBody.safeParse({ batchId: "b", inTransit: [{ kind: "purchase", ref: "P", sku: "A", location: "WH", qty: "0", expectedDate: "2026-12-01" }] }).success,
    ).toBe(false);
    expect(
      syncBody.safeParse({ batchId: "b", inTransit: [{ kind: "purchase", ref: "P", sku: "A", location: "WH", qty: "1", expectedDate: "2026-02-30" }] }).success,
    ).toBe(false);
    expect(syncBody.safeParse({ batchId: "b" }).success).toBe(false);
    expect(toMilli("12.5")).toBe(12500n);
    expect(toMilli("7")).toBe(7000n);
  });
});
