// One unit of a work centre as a line of usable hours: each worked day contributes the first
// `limit ÷ units` hours of its free stretches (shift window less maintenance, within the load
// threshold), nights, days off and maintenance collapse to nothing. A position on the line is a clock
// time, so an operation placed on it has a real start and end, and what follows it can wait for that end.

import { type CentreDay, loadToTime, SHIFT_START_HOUR } from "../../calendar/model/calendar.js";
import { dayFromNumber, HOUR_MS, plantMs } from "../../calendar/model/dates.js";

export interface Timeline {
  days: CentreDay[];
  /** Usable hours of one unit per day. */
  unitHours: Float64Array;
  /** `cum[i]`: where day i begins on the line; `cum[days.length]`: the horizon's end. */
  cum: Float64Array;
  /** Epoch ms of each day's shift start. */
  dayStart: Float64Array;
}

export function buildTimeline(days: CentreDay[], limit: Float64Array, units: number): Timeline {
  const unitHours = Float64Array.from(limit, (l) => l / Math.max(1, units));
  const cum = new Float64Array(days.length + 1);
  for (let i = 0; i < days.length; i++) cum[i + 1] = cum[i] + unitHours[i];
  const dayStart = Float64Array.from(days, (d) => plantMs(d.date, SHIFT_START_HOUR));
  return { days, unitHours, cum, dayStart };
}

/** Epoch ms of the shift start of plant day n: when what arrives that day can first be worked on. */
export function dayStartMs(n: number): number {
  return plantMs(dayFromNumber(n), SHIFT_START_HOUR);
}

/** The day whose shift window a clock time falls in or after (a night shift past midnight belongs to the day before). */
export function dayIndexOfMs(t: Timeline, ms: number): number {
  let lo = 0;
  let hi = t.dayStart.length - 1;
  if (hi < 0 || ms < t.dayStart[0]) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (t.dayStart[mid] <= ms) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The position of a clock time: nothing on the line before it is still ahead. */
export function positionAt(t: Timeline, ms: number): number {
  const i = dayIndexOfMs(t, ms);
  if (i < 0) return 0;
  let before = 0;
  for (const [a, b] of t.days[i].free) {
    if (ms <= a) break;
    before += (Math.min(ms, b) - a) / HOUR_MS;
  }
  return t.cum[i] + Math.min(before, t.unitHours[i]);
}

/** Index of the day a piece starting at `p` lies in (start) or one ending at `p` (end). */
export function dayIndexAt(t: Timeline, p: number, end: boolean): number {
  let lo = 0;
  let hi = t.days.length - 1;
  // First day whose end is beyond p (start) or at/beyond p (end), skipping days of zero length.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (end ? t.cum[mid + 1] >= p - EPS : t.cum[mid + 1] > p + EPS) hi = mid;
    else lo = mid + 1;
  }
  if (end) while (lo < t.days.length - 1 && t.unitHours[lo] <= 0) lo++;
  return lo;
}

/** Clock stretches of `fromH`..`toH` hours into a day's free time (split where maintenance cuts it). */
export function clockStretches(day: CentreDay, fromH: number, toH: number): [number, number][] {
  return loadToTime(day, 1, fromH, toH);
}

/** Clock time at which a piece ending at position `p` ends. */
export function clockAtEnd(t: Timeline, p: number): number {
  const i = dayIndexAt(t, p, true);
  const stretches = clockStretches(t.days[i], 0, Math.max(0, p - t.cum[i]));
  return stretches.length ? stretches[stretches.length - 1][1] : t.dayStart[i];
}

/** Clock time at which a piece starting at position `p` starts. */
export function clockAtStart(t: Timeline, p: number): number {
  const i = dayIndexAt(t, p, false);
  const off = p - t.cum[i];
  const stretches = clockStretches(t.days[i], off, off + 1e-6);
  return stretches.length ? stretches[0][0] : t.dayStart[i];
}

const EPS = 1e-6;

/**
 * Busy intervals of one unit on its line, as a flat sorted list [a0, b0, a1, b1, …]. Returns the
 * earliest start ≥ `from` of a free stretch at least `hours` long (an operation is not interrupted
 * by another one), or null when the line ends first.
 */
export function earliestFit(busy: number[], from: number, hours: number, end: number): number | null {
  // First interval ending after `from`.
  let lo = 0;
  let hi = busy.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (busy[2 * mid + 1] > from + EPS) hi = mid;
    else lo = mid + 1;
  }
  let start = from;
  for (let k = lo; k < busy.length / 2; k++) {
    if (busy[2 * k] - start >= hours - EPS) break;
    start = Math.max(start, busy[2 * k + 1]);
  }
  return start + hours <= end + EPS ? start : null;
}

/** Marks [a, b) busy, merging with touching intervals. */
export function occupy(busy: number[], a: number, b: number): void {
  let k = 0;
  let hi = busy.length / 2;
  while (k < hi) {
    const mid = (k + hi) >> 1;
    if (busy[2 * mid + 1] < a - EPS) k = mid + 1;
    else hi = mid;
  }
  let j = k;
  let na = a;
  let nb = b;
  while (j < busy.length / 2 && busy[2 * j] <= b + EPS) {
    na = Math.min(na, busy[2 * j]);
    nb = Math.max(nb, busy[2 * j + 1]);
    j++;
  }
  busy.splice(2 * k, 2 * (j - k), na, nb);
}
