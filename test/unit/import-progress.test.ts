import { describe, expect, it } from "vitest";
import { ImportProgress, percentOf } from "../../src/imports/progress.js";

describe("import progress", () => {
  it("spreads a commit over reading, checking and writing, and a dry run over reading and checking", () => {
    expect(percentOf(false, "read", 0, 1)).toBe(0);
    expect(percentOf(false, "read", 1, 1)).toBe(20);
    expect(percentOf(false, "check", 100, 100)).toBe(35);
    expect(percentOf(false, "write", 4000, 8000)).toBe(67);
    expect(percentOf(false, "write", 8000, 8000)).toBe(99);
    expect(percentOf(true, "read", 1, 1)).toBe(50);
    expect(percentOf(true, "check", 10, 10)).toBe(95);
  });

  it("never goes back, ends at 100 or failed, and is forgotten five minutes after the end", () => {
    let now = 0;
    const progress = new ImportProgress(() => now);
    const run = progress.start("sales", "abc12345", false);
    run.report("write", 2, 4);
    run.report("read", 1, 1);
    expect(progress.get("sales", "abc12345")).toMatchObject({ phase: "read", percent: 67 });
    expect(progress.get("admin", "abc12345")).toBeUndefined();
    run.end(true);
    expect(progress.get("sales", "abc12345")).toMatchObject({ phase: "done", percent: 100 });
    const other = progress.start("sales", "def12345", true);
    other.end(false);
    expect(progress.get("sales", "def12345")?.phase).toBe("failed");
    now = 5 * 60_000 + 1;
    progress.start("sales", "ghi12345", true);
    expect(progress.get("sales", "abc12345")).toBeUndefined();
  });
});
