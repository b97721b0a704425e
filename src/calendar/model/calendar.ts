// The working calendar as a pure model: which plant days are worked and why, and each work centre's
// hours per day (shifts × hours per shift × parallel units, less maintenance, capped by the load
// threshold for planning). Plain data in, plain data out: the scheduler and the API both read it.
import { addDays, dayNumber, HOUR_MS, plantMs, weekday } from "./dates.js";
import type { StatutoryDay } from "./statutory.js";

/** Shifts run back to back from this hour of the plant day (08:00; a third shift ends at 08:00 next day). */
export const SHIFT_START_HOUR = 8;

export interface WorkCentreSpec {
  code: string;
  name: string;
  shifts: number;
  hoursPerShift: number;
  parallelUnits: number;
  /** A centre counts as full at this share of its hours (e.g. 0.85). */
  loadThreshold: number;
}
export interface CalendarException {
  id: number;
  dayFrom: string;
  dayTo: string;
  kind: "shutdown" | "extra_working";
  reason: string;
}
export interface MaintenanceWindow {
  id: number;
  workCentre: string;
  /** Epoch milliseconds. */
  startsAt: number;
  endsAt: number;
  reason: string;
  /** How many of the centre's units it takes down (a machine down on the shop floor); absent: all of them. */
  units?: number;
}
export interface CalendarInputs {
  centres: WorkCentreSpec[];
  exceptions: CalendarException[];
  maintenance: MaintenanceWindow[];
  statutory: StatutoryDay[];
}

export type DayReason = "workday" | "weekend" | "holiday" | "adjusted_workday" | "shutdown" | "extra_working";
export interface PlantDay {
  date: string;
  working: boolean;
  reason: DayReason;
  /** The holiday's or the exception's name, when there is one. */
  note: string | null;
  /** True when the statutory status comes from the law, not from a published arrangement. */
  provisional: boolean;
}

/** Whether each day from `from` to `to` is worked, with why. Plant exceptions beat statutory days, which beat weekends. */
export function plantDays(from: string, to: string, inputs: Pick<CalendarInputs, "exceptions" | "statutory">): PlantDay[] {
  const statutory = new Map(inputs.statutory.map((s) => [s.date, s]));
  const out: PlantDay[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    // A shutdown wins over an extra working day that overlaps it: nobody works in a closed plant.
    const matching = inputs.exceptions.filter((e) => e.dayFrom <= day && day <= e.dayTo);
    const exception = matching.find((e) => e.kind === "shutdown") ?? matching[0];
    const s = statutory.get(day);
    if (exception) out.push({ date: day, working: exception.kind === "extra_working", reason: exception.kind, note: exception.reason, provisional: false });
    else if (s) out.push({ date: day, working: s.work, reason: s.work ? "adjusted_workday" : "holiday", note: s.name, provisional: s.provisional });
    else {
      const weekend = weekday(day) === 0 || weekday(day) === 6;
      out.push({ date: day, working: !weekend, reason: weekend ? "weekend" : "workday", note: null, provisional: false });
    }
  }
  return out;
}

export interface MaintenanceOverlap {
  id: number;
  from: number;
  to: number;
  hours: number;
  reason: string;
  units?: number;
}
export interface CentreDay {
  date: string;
  /** Day number (days since epoch): the key of the scheduler's buckets. */
  n: number;
  working: boolean;
  /** Shift hours of one unit (0 on a day not worked). */
  hours: number;
  /** All units' hours less maintenance. */
  capacityHours: number;
  /** What the planner may load: capacity × load threshold. */
  limitHours: number;
  /** Free stretches of the shift window (epoch ms), maintenance cut out: where work can happen. */
  free: [number, number][];
  maintenance: MaintenanceOverlap[];
}

function subtract(window: [number, number], cuts: [number, number][]): [number, number][] {
  let free: [number, number][] = [window];
  for (const [a, b] of cuts) {
    free = free.flatMap(([s, e]): [number, number][] => {
      if (b <= s || a >= e) return [[s, e]];
      const parts: [number, number][] = [];
      if (a > s) parts.push([s, a]);
      if (b < e) parts.push([b, e]);
      return parts;
    });
  }
  return free;
}

const round = (h: number) => Math.round(h * 1000) / 1000;

/** One centre's days: shift window from SHIFT_START_HOUR, maintenance cut out of it for every unit. */
export function centreDays(centre: WorkCentreSpec, days: PlantDay[], maintenance: MaintenanceWindow[]): CentreDay[] {
  const mine = maintenance.filter((m) => m.workCentre === centre.code);
  const own = mine.filter((m) => !m.units || m.units >= centre.parallelUnits);
  const someUnits = mine.filter((m) => m.units && m.units < centre.parallelUnits);
  const shiftHours = centre.shifts * centre.hoursPerShift;
  return days.map((d) => {
    const start = plantMs(d.date, SHIFT_START_HOUR);
    const window: [number, number] = [start, start + shiftHours * HOUR_MS];
    const overlapping = own.filter((m) => m.startsAt < window[1] && m.endsAt > window[0]);
    const cut = overlapping.map((m): MaintenanceOverlap => {
      const from = Math.max(m.startsAt, window[0]);
      const to = Math.min(m.endsAt, window[1]);
      return { id: m.id, from, to, hours: round((to - from) / HOUR_MS), reason: m.reason };
    });
    const free = d.working
      ? subtract(
          window,
          cut.map((c) => [c.from, c.to]),
        )
      : [];
    const unitHours = free.reduce((sum, [a, b]) => sum + (b - a) / HOUR_MS, 0);
    const down = unitsDown(someUnits, free);
    const capacityHours = round(Math.max(0, unitHours * centre.parallelUnits - down.reduce((h, d) => h + d.hours * (d.units ?? 1), 0)));
    return {
      date: d.date,
      n: dayNumber(d.date),
      working: d.working,
      hours: d.working ? shiftHours : 0,
      capacityHours,
      limitHours: round(capacityHours * centre.loadThreshold),
      free,
      maintenance: [...cut, ...down],
    };
  });
}

/** Windows that take some of the units down: the hours of the free time they overlap, per window. */
function unitsDown(windows: MaintenanceWindow[], free: [number, number][]): MaintenanceOverlap[] {
  const out: MaintenanceOverlap[] = [];
  for (const m of windows) {
    let ms = 0;
    let from = Number.POSITIVE_INFINITY;
    let to = 0;
    for (const [a, b] of free) {
      const s = Math.max(a, m.startsAt);
      const e = Math.min(b, m.endsAt);
      if (e <= s) continue;
      ms += e - s;
      from = Math.min(from, s);
      to = Math.max(to, e);
    }
    if (ms > 0) out.push({ id: m.id, from, to, hours: round(ms / HOUR_MS), reason: m.reason, units: m.units });
  }
  return out;
}

/**
 * Where in the day's free time a stretch of pooled load falls: the units share the load evenly, so
 * `fromLoad`..`toLoad` hours of load occupy `fromLoad / units`..`toLoad / units` hours of free time.
 * Returns the stretches (epoch ms), split wherever maintenance cuts the free time.
 */
export function loadToTime(day: CentreDay, units: number, fromLoad: number, toLoad: number): [number, number][] {
  const out: [number, number][] = [];
  let skip = (fromLoad / units) * HOUR_MS;
  let take = ((toLoad - fromLoad) / units) * HOUR_MS;
  for (const [a, b] of day.free) {
    // Stretches are whole milliseconds: a residue under half of one is float noise, not time. Without
    // this, a piece ending exactly at a maintenance window "ended" after it (an empty stretch there),
    // and one starting exactly there "started" before it.
    if (take <= HALF_MS) break;
    const length = b - a;
    if (skip >= length - HALF_MS) {
      skip = Math.max(0, skip - length);
      continue;
    }
    const start = a + skip;
    const end = Math.min(b, start + take);
    if (Math.round(end) > Math.round(start)) out.push([Math.round(start), Math.round(end)]);
    take -= end - start;
    skip = 0;
  }
  return out;
}
const HALF_MS = 0.5;
