// Pure generators of the plant calendar: plant-specific shutdowns and extra working days (statutory
// holidays come from the holiday library, not from here) and maintenance windows per work centre.
import { addDays, addHours, plantInstant } from "./dates.js";
import { BOTTLENECK } from "./items.js";
import type { Rng } from "./random.js";
import type { CalendarExceptionRow, MaintenanceWindowRow, WorkCentreRow } from "./rows.js";

const EXCEPTIONS: [from: string, to: string, kind: CalendarExceptionRow["kind"], reason: string][] = [
  ["2026-02-12", "2026-02-14", "shutdown", "春节前提前放假（外地员工返乡）"],
  ["2026-02-24", "2026-02-27", "shutdown", "春节假期延长"],
  ["2026-08-03", "2026-08-07", "shutdown", "夏季设备年度检修停产"],
  ["2026-12-26", "2026-12-26", "extra_working", "年底赶工加班"],
  ["2027-01-16", "2027-01-16", "extra_working", "春节前赶货加班"],
  ["2027-02-01", "2027-02-04", "shutdown", "春节前提前放假（外地员工返乡）"],
  ["2027-02-15", "2027-02-19", "shutdown", "春节假期延长"],
  ["2027-08-02", "2027-08-06", "shutdown", "夏季设备年度检修停产"],
];

export function calendarExceptions(): CalendarExceptionRow[] {
  return EXCEPTIONS.map(([day_from, day_to, kind, reason]) => ({ day_from, day_to, kind, reason, created_by: "planner" }));
}

const REASONS = ["设备点检", "主轴保养", "更换刀具与夹具", "控制系统软件升级", "计量器具周期检定", "润滑系统保养", "安全联锁检查", "温控系统检修"];

export function maintenanceWindows(rng: Rng, centres: WorkCentreRow[], today: string, count = 40): MaintenanceWindowRow[] {
  // The calibration bench goes out of service in the coming week: the scenario the planner must absorb.
  const calDay = addDays(today, rng.int(2, 6));
  const rows: MaintenanceWindowRow[] = [
    { work_centre: BOTTLENECK, starts_at: plantInstant(calDay, 8), ends_at: plantInstant(calDay, 16), reason: "标准压力源年度送检", created_by: "planner" },
  ];
  while (rows.length < count) {
    const day = addDays(today, rng.int(-30, 60));
    const long = rng.chance(0.25);
    const starts = plantInstant(day, long ? 8 : rng.pick([8, 13, 20]));
    const ends = addHours(starts, long ? rng.pick([24, 32, 48]) : rng.int(2, 8));
    const work_centre = rng.pick(centres).code;
    const clashes = rows.some((w) => w.work_centre === work_centre && w.starts_at < ends && starts < w.ends_at);
    if (clashes) continue;
    rows.push({ work_centre, starts_at: starts, ends_at: ends, reason: rng.pick(REASONS), created_by: "planner" });
  }
  return rows.sort((a, b) => a.starts_at.getTime() - b.starts_at.getTime());
}
