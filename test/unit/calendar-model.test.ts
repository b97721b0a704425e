import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { centreDays, loadToTime, plantDays, type WorkCentreSpec } from "../../src/calendar/model/calendar.js";
import { HOUR_MS, plantMs } from "../../src/calendar/model/dates.js";
import { COVERED_YEARS, provisionalHolidays, statutoryDays } from "../../src/calendar/model/statutory.js";

const bench: WorkCentreSpec = { code: "WC-CAL", name: "校准台", shifts: 1, hoursPerShift: 8, parallelUnits: 1, loadThreshold: 0.85 };
const line: WorkCentreSpec = { code: "WC-ASM", name: "装配线", shifts: 2, hoursPerShift: 8, parallelUnits: 3, loadThreshold: 0.85 };

describe("statutory days from chinese-days", () => {
  it("knows National Day 2026 and its 调休 Saturday", () => {
    const days = statutoryDays("2026-09-28", "2026-10-11");
    expect(days.find((d) => d.date === "2026-10-01")).toMatchObject({ work: false, name: "国庆节", provisional: false });
    expect(days.find((d) => d.date === "2026-10-10")).toMatchObject({ work: true, provisional: false });
  });

  it("marks the law's holidays of a year the library has not published as provisional", () => {
    expect(COVERED_YEARS.has(2026)).toBe(true);
    const year = Math.max(...COVERED_YEARS) + 1;
    const days = provisionalHolidays(year);
    expect(days.find((d) => d.date === `${year}-01-01`)).toMatchObject({ work: false, name: "元旦", provisional: true });
    expect(days.filter((d) => d.name === "春节")).toHaveLength(4);
    expect(days.filter((d) => d.name === "国庆节").map((d) => d.date)).toEqual([`${year}-10-01`, `${year}-10-02`, `${year}-10-03`]);
  });

  it("Spring Festival 2027 falls on 6 February (除夕 the 5th)", () => {
    const days = statutoryDays("2027-02-01", "2027-02-10").filter((d) => d.name === "春节");
    expect(days.map((d) => d.date)).toEqual(["2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08"]);
  });
});

describe("plant days", () => {
  const statutory = statutoryDays("2026-09-20", "2026-10-12");
  it("weekends are off, 调休 Saturdays worked, holidays off", () => {
    const days = plantDays("2026-09-26", "2026-10-12", { exceptions: [], statutory });
    const by = new Map(days.map((d) => [d.date, d]));
    expect(by.get("2026-09-28")).toMatchObject({ working: true, reason: "workday" });
    expect(by.get("2026-10-01")).toMatchObject({ working: false, reason: "holiday", note: "国庆节" });
    expect(by.get("2026-10-10")).toMatchObject({ working: true, reason: "adjusted_workday" });
    expect(by.get("2026-10-11")).toMatchObject({ working: false, reason: "weekend" });
  });

  it("a plant exception beats the statutory calendar, and a shutdown beats an extra working day", () => {
    const exceptions = [
      { id: 1, dayFrom: "2026-10-08", dayTo: "2026-10-09", kind: "shutdown" as const, reason: "检修" },
      { id: 2, dayFrom: "2026-10-11", dayTo: "2026-10-11", kind: "extra_working" as const, reason: "赶工" },
      { id: 3, dayFrom: "2026-10-09", dayTo: "2026-10-09", kind: "extra_working" as const, reason: "冲突" },
    ];
    const by = new Map(plantDays("2026-10-08", "2026-10-11", { exceptions, statutory }).map((d) => [d.date, d]));
    expect(by.get("2026-10-08")).toMatchObject({ working: false, reason: "shutdown", note: "检修" });
    expect(by.get("2026-10-09")).toMatchObject({ working: false, reason: "shutdown" });
    expect(by.get("2026-10-11")).toMatchObject({ working: true, reason: "extra_working" });
  });
});

describe("centre days", () => {
  const days = plantDays("2026-12-01", "2026-12-06", { exceptions: [], statutory: [] });
  it("capacity is shifts × hours × units, limited by the load threshold, none on a weekend", () => {
    const cd = centreDays(line, days, []);
    expect(cd[0]).toMatchObject({ date: "2026-12-01", working: true, hours: 16, capacityHours: 48, limitHours: 40.8 });
    expect(cd.find((d) => d.date === "2026-12-05")).toMatchObject({ working: false, hours: 0, capacityHours: 0, limitHours: 0, free: [] });
  });

  it("maintenance is cut out of every unit's time, and only its overlap with the shift counts", () => {
    const maintenance = [{ id: 9, workCentre: "WC-CAL", startsAt: plantMs("2026-12-02", 6), endsAt: plantMs("2026-12-02", 12), reason: "送检" }];
    const cd = centreDays(bench, days, maintenance);
    const day = cd.find((d) => d.date === "2026-12-02")!;
    expect(day.capacityHours).toBe(4);
    expect(day.maintenance).toEqual([{ id: 9, from: plantMs("2026-12-02", 8), to: plantMs("2026-12-02", 12), hours: 4, reason: "送检" }]);
    expect(day.free).toEqual([[plantMs("2026-12-02", 12), plantMs("2026-12-02", 16)]]);
    expect(cd.find((d) => d.date === "2026-12-01")!.capacityHours).toBe(8);
  });

  it("maps pooled load onto free time, skipping the maintenance gap", () => {
    const maintenance = [{ id: 1, workCentre: "WC-ASM", startsAt: plantMs("2026-12-01", 10), endsAt: plantMs("2026-12-01", 12), reason: "保养" }];
    const day = centreDays(line, days, maintenance)[0];
    // 3 units: 9 hours of load = 3 hours of time from 08:00, i.e. 08–10 then 12–13.
    expect(loadToTime(day, 3, 0, 9)).toEqual([
      [plantMs("2026-12-01", 8), plantMs("2026-12-01", 10)],
      [plantMs("2026-12-01", 12), plantMs("2026-12-01", 13)],
    ]);
    const [[from, to]] = loadToTime(day, 3, 9, 12);
    expect((to - from) / HOUR_MS).toBe(1);
  });
});

describe("load to clock time at the edges", () => {
  it("pieces laid end to end never overlap, and none has an empty stretch, wherever maintenance cuts the day", () => {
    const plantDay = plantDays("2026-12-01", "2026-12-01", { exceptions: [], statutory: [] });
    fc.assert(
      fc.property(
        fc.integer({ min: 9, max: 22 }),
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 40 }),
        (hour, hours, hundredths) => {
          const maintenance = [
            { id: 1, workCentre: "WC-ASM", startsAt: plantMs("2026-12-01", hour), endsAt: plantMs("2026-12-01", hour + hours), reason: "保养" },
          ];
          const day = centreDays(line, plantDay, maintenance)[0];
          // Piece lengths in hundredths of an hour, summed in floating point as the planner does.
          let at = 0;
          let lastEnd = Number.NEGATIVE_INFINITY;
          for (const h of hundredths) {
            const stretches = loadToTime(day, 1, at, at + h / 100);
            at += h / 100;
            for (const [a, b] of stretches) {
              expect(b).toBeGreaterThan(a);
              expect(a).toBeGreaterThanOrEqual(lastEnd);
              lastEnd = b;
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
