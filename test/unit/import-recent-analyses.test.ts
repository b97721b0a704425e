import { describe, expect, it } from "vitest";
import { RecentAnalyses } from "../../src/imports/recent-analyses.js";

describe("RecentAnalyses", () => {
  it("keeps the newest entries for a while, then forgets them", () => {
    let now = 0;
    const recent = new RecentAnalyses<string>(2, 1000, () => now);
    recent.set("a", "A");
    recent.set("b", "B");
    expect(recent.get("a")).toBe("A");
    recent.set("c", "C");
    expect([recent.get("a"), recent.get("b"), recent.get("c")]).toEqual([undefined, "B", "C"]);
    now = 1001;
    expect(recent.get("b")).toBeUndefined();
    recent.set("d", "D");
    recent.delete("d");
    expect(recent.get("d")).toBeUndefined();
  });
});
