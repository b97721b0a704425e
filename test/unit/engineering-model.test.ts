import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { effectiveVersion, type VersionHeader } from "../../src/engineering/model.js";

const v = (version: number, effective_from: string, id = version * 10): VersionHeader => ({ id, version, effective_from });

describe("effectiveVersion", () => {
  const versions = [v(1, "2025-01-01"), v(2, "2026-01-01"), v(3, "2026-03-01")];

  it("picks the newest version already effective on the day", () => {
    expect(effectiveVersion(versions, "2026-02-18")).toEqual(v(2, "2026-01-01"));
    expect(effectiveVersion(versions, "2025-06-30")).toEqual(v(1, "2025-01-01"));
    expect(effectiveVersion(versions, "2030-01-01")).toEqual(v(3, "2026-03-01"));
  });

  it("a version is effective on its own effective_from day", () => {
    expect(effectiveVersion(versions, "2026-03-01")?.version).toBe(3);
    expect(effectiveVersion(versions, "2026-02-28")?.version).toBe(2);
  });

  it("undefined before the first version, and for no versions", () => {
    expect(effectiveVersion(versions, "2024-12-31")).toBeUndefined();
    expect(effectiveVersion([], "2026-02-18")).toBeUndefined();
  });

  it("does not depend on input order and does not reorder the input", () => {
    const shuffled = [versions[2], versions[0], versions[1]];
    const copy = [...shuffled];
    expect(effectiveVersion(shuffled, "2026-02-18")?.version).toBe(2);
    expect(shuffled).toEqual(copy);
  });

  it("returns the same object it was given, extra fields included", () => {
    const rows = [
      { id: 7, version: 1, effective_from: "2026-01-01", note: "first" },
      { id: 8, version: 2, effective_from: "2026-02-01", note: "second" },
    ];
    const found = effectiveVersion(rows, "2026-02-18");
    expect(found).toBe(rows[1]);
    expect(found?.note).toBe("second");
  });

  it("several versions effective the same day: the highest version wins", () => {
    expect(effectiveVersion([v(4, "2026-02-01"), v(5, "2026-02-01")], "2026-02-01")?.version).toBe(5);
  });

  it("property: the result is effective, and no effective version is newer", () => {
    const day = fc.integer({ min: 0, max: 3650 }).map((n) => new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 500 }), { maxLength: 15 }),
        fc.array(day, { minLength: 15, maxLength: 15 }),
        day,
        (nums, days, today) => {
          const list = nums.map((n, i) => v(n, days[i]));
          const found = effectiveVersion(list, today);
          const effective = list.filter((x) => x.effective_from <= today);
          if (effective.length === 0) expect(found).toBeUndefined();
          else {
            expect(found).toBeDefined();
            expect(found!.effective_from <= today).toBe(true);
            expect(found!.version).toBe(Math.max(...effective.map((x) => x.version)));
          }
        },
      ),
    );
  });
});
