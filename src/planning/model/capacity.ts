// Finite capacity per work centre, unit by unit, in clock time over the horizon. Each unit is a line of
// usable hours (see timeline.ts); an operation's lot runs on one unit without interruption, from the
// earliest gap long enough after its release, unless the operation is splittable (then each unit takes
// a part). What a day may take (hours × units less maintenance, × load threshold) is never exceeded:
// each unit's line holds only its share of the day's limit.

import { type CalendarInputs, type CentreDay, centreDays, plantDays, type WorkCentreSpec } from "../../calendar/model/calendar.js";
import { addDays, dayNumber } from "../../calendar/model/dates.js";
import {
  buildTimeline,
  clockAtEnd,
  clockAtStart,
  clockStretches,
  dayIndexAt,
  dayIndexOfMs,
  earliestFit,
  occupy,
  positionAt,
  type Timeline,
} from "./timeline.js";
import type { Segment } from "./types.js";

const EPS = 1e-6;

export interface CentreCalendar {
  spec: WorkCentreSpec;
  days: CentreDay[];
  limit: Float64Array;
  line: Timeline;
}

/** The calendar of every centre from today over the horizon: built once, shared by plans and promises. */
export function buildCentreCalendars(inputs: CalendarInputs, today: string, horizonDays: number): Map<string, CentreCalendar> {
  const days = plantDays(today, addDays(today, horizonDays - 1), inputs);
  const out = new Map<string, CentreCalendar>();
  for (const spec of inputs.centres) {
    const cd = centreDays(spec, days, inputs.maintenance);
    const limit = Float64Array.from(cd.map((d) => d.limitHours));
    out.set(spec.code, { spec, days: cd, limit, line: buildTimeline(cd, limit, spec.parallelUnits) });
  }
  return out;
}

export type BlockWhy = "full" | "maintenance" | "closed";
export interface TakeResult {
  segments: Segment[];
  releaseN: number;
  startN: number;
  endN: number;
  /** Clock time (epoch ms) the first piece starts and the last one ends. */
  startAt: number;
  endAt: number;
  /** The last day before the start on which the centre could not take the work, and why. */
  lastBlocked: { n: number; why: BlockWhy; note: string | null } | null;
}

/**
 * Why the work could not start before `startIdx`: the last worked day that was blocked (full, or
 * maintenance) — a weekend after a full Friday still reads "full until Friday" — else "closed".
 */
function lastBlockedBefore(cal: CentreCalendar, startN: number, releaseIdx: number, startIdx: number): TakeResult["lastBlocked"] {
  if (startIdx <= releaseIdx) return null;
  for (let j = startIdx - 1; j >= releaseIdx; j--) {
    if (cal.days[j].working) return { n: startN + j, ...whyBlocked(cal.days[j]) };
  }
  return { n: startN + startIdx - 1, why: "closed", note: null };
}

function whyBlocked(day: CentreDay): { why: BlockWhy; note: string | null } {
  if (!day.working) return { why: "closed", note: null };
  if (day.maintenance.length && day.capacityHours < EPS) return { why: "maintenance", note: day.maintenance[0].reason };
  return { why: "full", note: null };
}

/** One centre's state: busy intervals per unit and the hours loaded per day. */
interface CentreState {
  units: number[][];
  load: Float64Array;
}

export class CapacityBoard {
  readonly startN: number;
  private readonly owned = new Set<string>();
  private constructor(
    readonly calendars: Map<string, CentreCalendar>,
    readonly today: string,
    readonly horizonDays: number,
    private readonly centres: Map<string, CentreState>,
    private readonly isFork = false,
  ) {
    this.startN = dayNumber(today);
  }

  static empty(calendars: Map<string, CentreCalendar>, today: string, horizonDays: number): CapacityBoard {
    const centres = new Map<string, CentreState>();
    for (const [code, cal] of calendars) {
      centres.set(code, { units: Array.from({ length: Math.max(1, cal.spec.parallelUnits) }, () => []), load: new Float64Array(horizonDays) });
    }
    const board = new CapacityBoard(calendars, today, horizonDays, centres);
    for (const code of calendars.keys()) board.owned.add(code);
    return board;
  }

  /** A board from persisted loads without unit times (an older run): each day's load fills every unit from the shift start. */
  static withLoads(calendars: Map<string, CentreCalendar>, today: string, horizonDays: number, rows: { workCentre: string; n: number; load: number }[]) {
    const board = CapacityBoard.empty(calendars, today, horizonDays);
    for (const r of rows) {
      const c = board.centres.get(r.workCentre);
      const cal = calendars.get(r.workCentre);
      const i = r.n - board.startN;
      if (!c || !cal || i < 0 || i >= horizonDays) continue;
      c.load[i] += r.load;
      const per = Math.min(cal.line.unitHours[i], r.load / c.units.length);
      for (const unit of c.units) if (per > EPS) occupy(unit, cal.line.cum[i], cal.line.cum[i] + per);
    }
    return board;
  }

  /** A board from persisted segments: each piece back on its unit at its clock time. */
  static withSegments(
    calendars: Map<string, CentreCalendar>,
    today: string,
    horizonDays: number,
    rows: { workCentre: string; unit: number; startsAt: number; hours: number }[],
  ) {
    const board = CapacityBoard.empty(calendars, today, horizonDays);
    for (const r of rows) {
      const cal = calendars.get(r.workCentre);
      if (!cal) continue;
      const a = positionAt(cal.line, r.startsAt);
      board.place(r.workCentre, Math.min(r.unit, cal.spec.parallelUnits - 1), a, a + r.hours);
    }
    return board;
  }

  /** A copy sharing untouched centres with this board (copy on write): for what-if promises. */
  fork(): CapacityBoard {
    return new CapacityBoard(this.calendars, this.today, this.horizonDays, new Map(this.centres), true);
  }

  private writable(code: string): CentreState | undefined {
    const c = this.centres.get(code);
    if (!c || this.owned.has(code) || !this.isFork) return c;
    const copy = { units: c.units.map((u) => [...u]), load: Float64Array.from(c.load) };
    this.centres.set(code, copy);
    this.owned.add(code);
    return copy;
  }

  /** What the centre may take on a normal worked day (shifts × hours × units × threshold). */
  nominalLimit(code: string): number {
    const spec = this.calendars.get(code)?.spec;
    return spec ? spec.shifts * spec.hoursPerShift * spec.parallelUnits * spec.loadThreshold : 0;
  }

  units(code: string): number {
    return this.calendars.get(code)?.spec.parallelUnits ?? 1;
  }

  load(code: string, n: number): number {
    return this.centres.get(code)?.load[n - this.startN] ?? 0;
  }

  limit(code: string, n: number): number {
    return this.calendars.get(code)?.limit[n - this.startN] ?? 0;
  }

  /** Takes a unit (or every unit) out of service from `fromMs` to `toMs`: a breakdown, or the time before now. */
  block(code: string, unit: number | null, fromMs: number, toMs: number): void {
    const cal = this.calendars.get(code);
    const c = this.writable(code);
    if (!cal || !c) return;
    const a = positionAt(cal.line, fromMs);
    const b = positionAt(cal.line, toMs);
    if (b - a <= EPS) return;
    for (let u = 0; u < c.units.length; u++) if (unit === null || unit === u) occupy(c.units[u], a, b);
  }

  /** Loads [a, b) of the line on one unit; returns the pieces per day with their clock time. */
  private place(code: string, unit: number, a: number, b: number): Segment[] {
    const cal = this.calendars.get(code)!;
    const c = this.writable(code)!;
    occupy(c.units[unit], a, b);
    const line = cal.line;
    const segments: Segment[] = [];
    for (let i = dayIndexAt(line, a, false); i < this.horizonDays && line.cum[i] < b - EPS; i++) {
      const from = Math.max(a, line.cum[i]) - line.cum[i];
      const to = Math.min(b, line.cum[i + 1]) - line.cum[i];
      if (to - from <= EPS) continue;
      c.load[i] += to - from;
      segments.push({ n: this.startN + i, unit, hours: to - from, at: clockStretches(cal.days[i], from, to) });
    }
    return segments;
  }

  /**
   * Loads an operation on `code`, not before clock time `releaseAt`: one piece of `pieces[0]` hours on
   * the unit that can start it first, or (split) each piece on its own unit. `unit` pins the first
   * piece (an operation already running there). Undefined when the centre is unknown or the horizon runs out.
   */
  take(code: string, pieces: number[], releaseAt: number, unit?: number): TakeResult | undefined {
    const cal = this.calendars.get(code);
    const c = this.centres.get(code);
    if (!cal || !c) return undefined;
    const line = cal.line;
    const from = positionAt(line, releaseAt);
    // The plant day the work could first have been done (for why it waited): the day of the release in clock time.
    const releaseIdx = Math.max(0, dayIndexOfMs(line, releaseAt));
    const end = line.cum[this.horizonDays];
    const plan: { unit: number; a: number; hours: number }[] = [];
    const taken = new Set<number>();
    for (const hours of pieces.slice(0, c.units.length)) {
      let best: { unit: number; a: number } | null = null;
      for (let u = 0; u < c.units.length; u++) {
        if (taken.has(u) || (unit !== undefined && plan.length === 0 && u !== unit)) continue;
        const a = earliestFit(c.units[u], from, Math.max(hours, 0), end);
        if (a !== null && (!best || a < best.a - EPS)) best = { unit: u, a };
      }
      if (!best) return undefined;
      taken.add(best.unit);
      plan.push({ ...best, hours });
    }
    if (!plan.length) return undefined;
    const segments: Segment[] = [];
    let startAt = Number.POSITIVE_INFINITY;
    let endAt = Number.NEGATIVE_INFINITY;
    let first = Number.POSITIVE_INFINITY;
    for (const p of plan) {
      first = Math.min(first, p.a);
      if (p.hours <= EPS) {
        startAt = Math.min(startAt, clockAtStart(line, p.a));
        endAt = Math.max(endAt, Math.max(releaseAt, clockAtStart(line, p.a)));
        continue;
      }
      segments.push(...this.place(code, p.unit, p.a, p.a + p.hours));
      startAt = Math.min(startAt, clockAtStart(line, p.a));
      endAt = Math.max(endAt, clockAtEnd(line, p.a + p.hours));
    }
    segments.sort((x, y) => x.n - y.n || x.unit - y.unit);
    const startIdx = dayIndexAt(line, first, false);
    const startN = this.startN + startIdx;
    const endN = segments.length ? segments[segments.length - 1].n : startN;
    return {
      segments,
      releaseN: this.startN + releaseIdx,
      startN,
      endN,
      startAt,
      endAt,
      lastBlocked: lastBlockedBefore(cal, this.startN, releaseIdx, startIdx),
    };
  }

  /** Load per centre and day, for days with any load. */
  loadRows(): { workCentre: string; n: number; load: number; capacity: number; limit: number }[] {
    const out: { workCentre: string; n: number; load: number; capacity: number; limit: number }[] = [];
    for (const [code, c] of this.centres) {
      const cal = this.calendars.get(code)!;
      c.load.forEach((l, i) => {
        if (l > EPS) out.push({ workCentre: code, n: this.startN + i, load: l, capacity: cal.days[i].capacityHours, limit: cal.limit[i] });
      });
    }
    return out;
  }
}
