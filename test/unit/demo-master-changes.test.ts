import { describe, expect, it } from "vitest";
import { addDays, plantInstant } from "../../src/demo/dates.js";
import { GO_LIVE_DAYS_AGO, generateMasterChanges } from "../../src/demo/master-changes.js";
import { createRng } from "../../src/demo/random.js";
import { classifyChange } from "../../src/metrics/model/autonomy.js";

const today = "2026-11-25";
const customers = [{ code: "C0001" }, { code: "C0002" }] as never[];
const items = [{ sku: "PS-100" }, { sku: "TT-200" }] as never[];

describe("demo master-data history", () => {
  const rows = generateMasterChanges(createRng(7), { today, customers, items });
  const goLive = plantInstant(addDays(today, -GO_LIVE_DAYS_AGO + 1), 0);
  const shareOf = (part: typeof rows) => part.filter((r) => classifyChange(r.actor, r.actor_roles) === "business").length / part.length;

  it("runs over the past year, in time order, by people only", () => {
    expect(rows.length).toBeGreaterThan(500);
    expect(rows[0].at >= plantInstant(addDays(today, -364), 0)).toBe(true);
    expect(rows[rows.length - 1].at < plantInstant(today, 0)).toBe(true);
    expect(rows.every((r, i) => i === 0 || rows[i - 1].at <= r.at)).toBe(true);
    expect(rows.some((r) => classifyChange(r.actor, r.actor_roles) === "automated")).toBe(false);
  });

  it("shows IT keeping most master data before the go-live and the business nearly all of it after", () => {
    const before = shareOf(rows.filter((r) => r.at < goLive));
    const after = shareOf(rows.filter((r) => r.at >= goLive));
    expect(before).toBeGreaterThan(0.28);
    expect(before).toBeLessThan(0.48);
    expect(after).toBeGreaterThan(0.9);
  });

  it("is the same for the same seed", () => {
    expect(generateMasterChanges(createRng(7), { today, customers, items })).toEqual(rows);
  });
});
