import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatOrderNo, parseOrderNo, plantDay } from "../../src/orders/model/numbering.js";

/** Calendar days between 0001-01-01 and 9999-12-31, as YYYY-MM-DD. */
const dayArb = fc
  .date({ min: new Date("0001-01-01T00:00:00Z"), max: new Date("9999-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe("formatOrderNo", () => {
  it("pads the daily sequence to three digits", () => {
    expect(formatOrderNo("2026-02-18", 1)).toBe("DH20260218001");
    expect(formatOrderNo("2026-02-18", 42)).toBe("DH20260218042");
    expect(formatOrderNo("2026-02-18", 999)).toBe("DH20260218999");
  });

  it("grows to four digits and beyond past 999", () => {
    expect(formatOrderNo("2026-02-18", 1000)).toBe("DH202602181000");
    expect(formatOrderNo("2026-02-18", 99999)).toBe("DH2026021899999");
  });

  it.each(["2026-2-18", "20260218", "2026/02/18", "26-02-18", "", "2026-02-18 ", "2026-02-18T00:00", "abcd-ef-gh"])("rejects day %j", (day) => {
    expect(() => formatOrderNo(day, 1)).toThrow(RangeError);
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])("rejects sequence %s", (seq) => {
    expect(() => formatOrderNo("2026-02-18", seq)).toThrow(RangeError);
  });

  it("the RangeError names what was wrong", () => {
    expect(() => formatOrderNo("2026/02/18", 1)).toThrow(/bad day 2026\/02\/18/);
    expect(() => formatOrderNo("2026-02-18", 0)).toThrow(/bad sequence 0/);
  });

  it("order numbers of one day sort in sequence order while the width is constant", () => {
    const nos = [1, 2, 10, 99, 100, 999].map((s) => formatOrderNo("2026-02-18", s));
    expect([...nos].sort()).toEqual(nos);
  });
});

describe("parseOrderNo", () => {
  it("parses well-formed numbers", () => {
    expect(parseOrderNo("DH20260218001")).toEqual({ day: "2026-02-18", seq: 1 });
    expect(parseOrderNo("DH202602181000")).toEqual({ day: "2026-02-18", seq: 1000 });
    expect(parseOrderNo("DH20261231999")).toEqual({ day: "2026-12-31", seq: 999 });
  });

  it.each(["", "DH2026021801", "dh20260218001", "XX20260218001", "DH2026-02-18001", " DH20260218001", "DH20260218001 ", "DH20260218abc", "DH"])(
    "returns undefined for %j",
    (text) => {
      expect(parseOrderNo(text)).toBeUndefined();
    },
  );
});

describe("round trip", () => {
  it("parseOrderNo(formatOrderNo(day, seq)) gives back day and seq (seq 1..99999)", () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 1, max: 99_999 }), (day, seq) => {
        const no = formatOrderNo(day, seq);
        expect(no).toMatch(/^DH\d{8}\d{3,5}$/);
        expect(parseOrderNo(no)).toEqual({ day, seq });
      }),
      { numRuns: 1000 },
    );
  });

  it("boundary sequences", () => {
    for (const seq of [1, 9, 10, 99, 100, 999, 1000, 9999, 10000, 99999]) {
      expect(parseOrderNo(formatOrderNo("2026-02-18", seq))).toEqual({ day: "2026-02-18", seq });
    }
  });

  it("formatting is injective over (day, seq)", () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 1, max: 99_999 }), dayArb, fc.integer({ min: 1, max: 99_999 }), (d1, s1, d2, s2) => {
        fc.pre(d1 !== d2 || s1 !== s2);
        expect(formatOrderNo(d1, s1)).not.toBe(formatOrderNo(d2, s2));
      }),
    );
  });
});

describe("plantDay (UTC+8, no daylight saving)", () => {
  it("16:00Z is already the next day in the plant", () => {
    expect(plantDay(new Date("2026-02-17T16:30:00Z"))).toBe("2026-02-18");
    expect(plantDay(new Date("2026-02-17T16:00:00Z"))).toBe("2026-02-18");
    expect(plantDay(new Date("2026-02-17T15:59:59.999Z"))).toBe("2026-02-17");
  });

  it("crosses month and year boundaries", () => {
    expect(plantDay(new Date("2025-12-31T16:00:00Z"))).toBe("2026-01-01");
    expect(plantDay(new Date("2024-02-28T16:00:00Z"))).toBe("2024-02-29");
    expect(plantDay(new Date("2026-02-28T16:00:00Z"))).toBe("2026-03-01");
  });

  it("is the same in summer and winter (no DST)", () => {
    expect(plantDay(new Date("2026-07-01T15:59:00Z"))).toBe("2026-07-01");
    expect(plantDay(new Date("2026-07-01T16:00:00Z"))).toBe("2026-07-02");
  });

  it("matches Intl's Asia/Shanghai calendar day", () => {
    const fmt = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" });
    fc.assert(
      fc.property(fc.date({ min: new Date("1995-01-01T00:00:00Z"), max: new Date("2090-01-01T00:00:00Z"), noInvalidDate: true }), (at) => {
        expect(plantDay(at)).toBe(fmt.format(at));
      }),
      { numRuns: 500 },
    );
  });

  it("feeds formatOrderNo", () => {
    expect(formatOrderNo(plantDay(new Date("2026-02-17T16:30:00Z")), 1)).toBe("DH20260218001");
  });
});
