import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromFen, isMoney, lineAmount, sumMoney, toFen } from "../../src/core/money.js";

const MAX_FEN = 10n ** 14n - 1n; // 999999999999.99, the largest amount with 12 whole digits

describe("isMoney", () => {
  it.each(["0", "0.5", "0.05", "1250.50", "-3", "-0.01", "999999999999.99", "000012.3"])("accepts %j", (text) => {
    expect(isMoney(text)).toBe(true);
  });

  it.each(["", "-", ".5", "5.", "1.234", "1,000.00", "+1", "1e3", " 1", "1 ", "1000000000000", "NaN", "0x10", "１２"])("rejects %j", (text) => {
    expect(isMoney(text)).toBe(false);
  });
});

describe("toFen", () => {
  it("converts decimal strings to integer fen", () => {
    expect(toFen("0")).toBe(0n);
    expect(toFen("1")).toBe(100n);
    expect(toFen("1.5")).toBe(150n);
    expect(toFen("1.05")).toBe(105n);
    expect(toFen("1.50")).toBe(150n);
    expect(toFen("0.01")).toBe(1n);
    expect(toFen("1250.50")).toBe(125050n);
    expect(toFen("999999999999.99")).toBe(MAX_FEN);
  });

  it("handles negatives, including below one yuan", () => {
    expect(toFen("-0.01")).toBe(-1n);
    expect(toFen("-0.5")).toBe(-50n);
    expect(toFen("-12.34")).toBe(-1234n);
    expect(toFen("-0")).toBe(0n);
  });

  it.each(["", "abc", "1.234", "1e2", "12.3.4", "1000000000000", "-", " 5"])("throws RangeError for %j", (text) => {
    expect(() => toFen(text)).toThrow(RangeError);
    expect(() => toFen(text)).toThrow(/not a money amount/);
  });
});

describe("fromFen", () => {
  it("always renders two decimals", () => {
    expect(fromFen(0n)).toBe("0.00");
    expect(fromFen(1n)).toBe("0.01");
    expect(fromFen(10n)).toBe("0.10");
    expect(fromFen(100n)).toBe("1.00");
    expect(fromFen(125050n)).toBe("1250.50");
    expect(fromFen(MAX_FEN)).toBe("999999999999.99");
  });

  it("renders negatives with the sign in front of the whole part", () => {
    expect(fromFen(-1n)).toBe("-0.01");
    expect(fromFen(-50n)).toBe("-0.50");
    expect(fromFen(-1234n)).toBe("-12.34");
  });
});

describe("exact arithmetic", () => {
  it("0.1 + 0.2 is 0.30, not 0.30000000000000004", () => {
    expect(sumMoney(["0.1", "0.2"])).toBe("0.30");
    expect(sumMoney(["0.10", "0.20", "0.30"])).toBe("0.60");
  });

  it("ten dimes make a yuan", () => {
    expect(sumMoney(Array(10).fill("0.1"))).toBe("1.00");
    expect(sumMoney(Array(100).fill("0.01"))).toBe("1.00");
  });

  it("lineAmount multiplies exactly", () => {
    expect(lineAmount("1250.50", 3)).toBe("3751.50");
    expect(lineAmount("0.1", 3)).toBe("0.30");
    expect(lineAmount("19.99", 7)).toBe("139.93");
    expect(lineAmount("1.15", 100)).toBe("115.00");
    expect(lineAmount("5", 0)).toBe("0.00");
  });

  it("large amounts up to 12 whole digits stay exact (beyond float precision)", () => {
    expect(lineAmount("999999999999.99", 1)).toBe("999999999999.99");
    expect(lineAmount("999999999999.99", 1000)).toBe("999999999999990.00");
    expect(sumMoney(["999999999999.99", "0.01"])).toBe("1000000000000.00");
    expect(sumMoney(["999999999999.99", "999999999999.99"])).toBe("1999999999999.98");
    expect(sumMoney(["123456789012.34", "-123456789012.33"])).toBe("0.01");
  });

  it("sumMoney of nothing is zero", () => {
    expect(sumMoney([])).toBe("0.00");
  });

  it("sumMoney mixes signs", () => {
    expect(sumMoney(["10", "-2.5", "0.05"])).toBe("7.55");
    expect(sumMoney(["-1", "-0.01"])).toBe("-1.01");
  });

  it("invalid inputs throw", () => {
    expect(() => sumMoney(["1.00", "oops"])).toThrow(RangeError);
    expect(() => lineAmount("1.001", 2)).toThrow(RangeError);
    // A fractional quantity cannot become a BigInt.
    expect(() => lineAmount("1.00", 1.5)).toThrow(RangeError);
  });
});

describe("properties", () => {
  const fen = fc.bigInt({ min: -MAX_FEN, max: MAX_FEN });

  it("toFen(fromFen(x)) === x for integer fen with up to 12 whole digits", () => {
    fc.assert(
      fc.property(fen, (x) => {
        const text = fromFen(x);
        expect(isMoney(text)).toBe(true);
        expect(text).toMatch(/^-?\d+\.\d{2}$/);
        expect(toFen(text)).toBe(x);
      }),
      { numRuns: 2000 },
    );
  });

  it("fromFen(toFen(s)) is a canonical form of s with the same value", () => {
    fc.assert(
      fc.property(fen, fc.constantFrom(0, 1, 2), (x, decimals) => {
        // Build a (possibly shorter) decimal representation of a value, then normalise it.
        const abs = x < 0n ? -x : x;
        const whole = abs / 100n;
        const frac = (abs % 100n).toString().padStart(2, "0");
        const shortFrac = decimals === 2 ? frac : decimals === 1 ? (frac[1] === "0" ? frac[0] : null) : frac === "00" ? "" : null;
        fc.pre(shortFrac !== null);
        const text = `${x < 0n ? "-" : ""}${whole}${shortFrac ? `.${shortFrac}` : ""}`;
        expect(fromFen(toFen(text))).toBe(fromFen(x));
      }),
    );
  });

  it("sumMoney agrees with BigInt addition", () => {
    fc.assert(
      fc.property(fc.array(fen, { maxLength: 20 }), (xs) => {
        // Compared as text: a sum may exceed the 12 whole digits that toFen accepts.
        expect(sumMoney(xs.map(fromFen))).toBe(fromFen(xs.reduce((a, b) => a + b, 0n)));
      }),
    );
  });

  it("lineAmount agrees with BigInt multiplication", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: MAX_FEN }), fc.integer({ min: 0, max: 1_000_000 }), (price, qty) => {
        expect(lineAmount(fromFen(price), qty)).toBe(fromFen(price * BigInt(qty)));
      }),
    );
  });
});
