// What a shipment carries and how line quantities may change: pure, so the shipment, the line edit and
// the actions list read one answer.
import { describe, expect, it } from "vitest";
import { AppError } from "../../src/core/errors.js";
import { isPartlyShipped, planLineChange, planShipment, remainingByLine } from "../../src/orders/model/order-lines.js";

const lines = [
  { line_no: 1, qty: 5 },
  { line_no: 2, qty: 3 },
];
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? { key: e.messageKey, field: e.field, status: e.status } : e;
  }
  return null;
};

describe("shipping by line", () => {
  it("what remains is ordered minus shipped, never below zero; partly shipped only between first and last parcel", () => {
    const none = new Map<number, number>();
    expect(remainingByLine(lines, none)).toEqual([
      { line: 1, qty: 5 },
      { line: 2, qty: 3 },
    ]);
    expect(isPartlyShipped(remainingByLine(lines, none), none)).toBe(false);
    const some = new Map([[1, 2]]);
    expect(isPartlyShipped(remainingByLine(lines, some), some)).toBe(true);
    const all = new Map([
      [1, 7],
      [2, 3],
    ]);
    expect(remainingByLine(lines, all)).toEqual([
      { line: 1, qty: 0 },
      { line: 2, qty: 0 },
    ]);
    expect(isPartlyShipped(remainingByLine(lines, all), all)).toBe(false);
  });

  it("no lines named: everything still to ship; named: each at most what remains, once, and known", () => {
    const remaining = [
      { line: 1, qty: 3 },
      { line: 2, qty: 0 },
    ];
    expect(planShipment(remaining)).toEqual([{ line: 1, qty: 3 }]);
    expect(planShipment(remaining, [{ line: 1, qty: 2 }])).toEqual([{ line: 1, qty: 2 }]);
    expect(refusal(() => planShipment(remaining, [{ line: 1, qty: 4 }]))).toEqual({ key: "order.ship_over", field: "lines[0].qty", status: 422 });
    expect(refusal(() => planShipment(remaining, [{ line: 2, qty: 1 }]))).toEqual({ key: "order.ship_over", field: "lines[0].qty", status: 422 });
    expect(refusal(() => planShipment(remaining, [{ line: 3, qty: 1 }]))).toEqual({ key: "order.line_not_found", field: "lines[0].line", status: 400 });
    expect(
      refusal(() =>
        planShipment(remaining, [
          { line: 1, qty: 1 },
          { line: 1, qty: 1 },
        ]),
      ),
    ).toEqual({ key: "order.line_repeated", field: "lines[1].line", status: 400 });
  });
});

describe("changing line quantities", () => {
  it("answers only the lines that go down; refuses a larger quantity, an unknown or repeated line", () => {
    expect(
      planLineChange(lines, [
        { line: 1, qty: 5 },
        { line: 2, qty: 1 },
      ]),
    ).toEqual([{ line: 2, from: 3, to: 1 }]);
    expect(refusal(() => planLineChange(lines, [{ line: 2, qty: 4 }]))).toEqual({ key: "order.line_increase", field: "lines[0].qty", status: 422 });
    expect(refusal(() => planLineChange(lines, [{ line: 9, qty: 1 }]))).toEqual({ key: "order.line_not_found", field: "lines[0].line", status: 400 });
    expect(
      refusal(() =>
        planLineChange(lines, [
          { line: 1, qty: 1 },
          { line: 1, qty: 2 },
        ]),
      ),
    ).toEqual({ key: "order.line_repeated", field: "lines[1].line", status: 400 });
  });
});
