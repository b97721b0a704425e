// Finite capacity per work centre in day buckets over the horizon: what each day may take (hours ×
// units less maintenance, × load threshold) and what the plan has loaded. Operations take hours from
// the first days with room; nothing is ever loaded beyond a day's limit.

import { type CalendarInputs, type CentreDay, centreDays, loadToTime, plantDays, type WorkCentreSpec } from "../../calendar/model/calendar.js";
import { addDays, dayNumber } from "../../calendar/model/dates.js";
import type { Segment } from "./types.js";

const EPS = 1e-6;

export interface CentreCalendar {
  spec: WorkCentreSpec;
  days: CentreDay[];
  limit: Float64Array;
}

/** The calendar of every centre from today over the horizon: built once, shared by plans and promises. */
export function buildCentreCalendars(inputs: CalendarInputs, today: string, horizonDays: number): Map<string, CentreCalendar> {
  const days = plantDays(today, addDays(today, horizonDays - 1), inputs);
  const out = new Map<string, CentreCalendar>();
  for (const spec of inputs.centres) {
    const cd = centreDays(spec, days, inputs.maintenance);
    out.set(spec.code, { spec, days: cd, limit: Float64Array.from(cd.map((d) => d.limitHours)) });
  }
  return out;
}

export type BlockWhy = "full" | "maintenance" | "closed";
export interface TakeResult {
  segments: Segment[];
  startN: number;
  endN: number;
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

export class CapacityBoard {
  readonly startN: number;
  private readonly owned = new Set<string>();
  private constructor(
    readonly calendars: Map<string, CentreCalendar>,
    readonly today: string,
    readonly horizonDays: number,
    private readonly loads: Map<string, Float64Array>,
    /** Per centre, the first day index that may still have room (loads only grow). */
    private readonly firstFree: Map<string, number>,
    private readonly isFork = false,
  ) {
    this.startN = dayNumber(today);
  }

  static empty(calendars: Map<string, CentreCalendar>, today: string, horizonDays: number): CapacityBoard {
    const loads = new Map<string, Float64Array>();
    const firstFree = new Map<string, number>();
    for (const code of calendars.keys()) {
      loads.set(code, new Float64Array(horizonDays));
      firstFree.set(code, 0);
    }
    const board = new CapacityBoard(calendars, today, horizonDays, loads, firstFree);
    for (const code of calendars.keys()) board.owned.add(code);
    return board;
  }

  /** A board starting from persisted loads (a plan's `plan_loads`). */
  static withLoads(calendars: Map<string, CentreCalendar>, today: string, horizonDays: number, rows: { workCentre: string; n: number; load: number }[]) {
    const board = CapacityBoard.empty(calendars, today, horizonDays);
    for (const r of rows) {
      const i = r.n - board.startN;
      const load = board.loads.get(r.workCentre);
      if (load && i >= 0 && i < horizonDays) load[i] += r.load;
    }
    return board;
  }

  /** A copy sharing untouched centres with this board (copy on write): for what-if promises. */
  fork(): CapacityBoard {
    return new CapacityBoard(this.calendars, this.today, this.horizonDays, new Map(this.loads), new Map(this.firstFree), true);
  }

  private writable(code: string): Float64Array | undefined {
    const load = this.loads.get(code);
    if (!load || this.owned.has(code) || !this.isFork) return load;
    const copy = Float64Array.from(load);
    this.loads.set(code, copy);
    this.owned.add(code);
    return copy;
  }

  /** What the centre may take on a normal worked day (shifts × hours × units × threshold). */
  nominalLimit(code: string): number {
    const spec = this.calendars.get(code)?.spec;
    return spec ? spec.shifts * spec.hoursPerShift * spec.parallelUnits * spec.loadThreshold : 0;
  }

  load(code: string, n: number): number {
    return this.loads.get(code)?.[n - this.startN] ?? 0;
  }

  limit(code: string, n: number): number {
    return this.calendars.get(code)?.limit[n - this.startN] ?? 0;
  }

  /**
   * Loads `hours` on `code` from day `releaseN` on, day by day up to each day's limit. Returns
   * undefined when the centre is unknown or the horizon runs out.
   */
  take(code: string, hours: number, releaseN: number): TakeResult | undefined {
    const cal = this.calendars.get(code);
    const load = this.writable(code);
    if (!cal || !load) return undefined;
    const release = Math.max(0, releaseN - this.startN);
    const first = this.firstFree.get(code) ?? 0;
    // Days before the first-free pointer are known full: skip them without a look.
    let i = Math.max(release, first);
    if (hours <= EPS) {
      // Nothing to load: the operation passes on the first worked day.
      i = release;
      while (i < this.horizonDays && !cal.days[i].working) i++;
      if (i >= this.horizonDays) return undefined;
      return { segments: [], startN: this.startN + i, endN: this.startN + i, lastBlocked: lastBlockedBefore(cal, this.startN, release, i) };
    }
    const segments: Segment[] = [];
    let left = hours;
    for (; i < this.horizonDays && left > EPS; i++) {
      const room = cal.limit[i] - load[i];
      if (room <= EPS) continue;
      const take = Math.min(room, left);
      const from = load[i];
      load[i] = from + take;
      left -= take;
      segments.push({ n: this.startN + i, hours: take, at: loadToTime(cal.days[i], cal.spec.parallelUnits, from, from + take) });
    }
    if (left > EPS) {
      // Beyond the horizon: give the hours back, the plan reports the order as not plannable.
      for (const seg of segments) load[seg.n - this.startN] -= seg.hours;
      return undefined;
    }
    let f = first;
    while (f < this.horizonDays && cal.limit[f] - load[f] <= EPS) f++;
    this.firstFree.set(code, f);
    const startIdx = segments[0].n - this.startN;
    return { segments, startN: segments[0].n, endN: segments[segments.length - 1].n, lastBlocked: lastBlockedBefore(cal, this.startN, release, startIdx) };
  }

  /** Load per centre and day, for days with any load. */
  loadRows(): { workCentre: string; n: number; load: number; capacity: number; limit: number }[] {
    const out: { workCentre: string; n: number; load: number; capacity: number; limit: number }[] = [];
    for (const [code, load] of this.loads) {
      const cal = this.calendars.get(code)!;
      load.forEach((l, i) => {
        if (l > EPS) out.push({ workCentre: code, n: this.startN + i, load: l, capacity: cal.days[i].capacityHours, limit: cal.limit[i] });
      });
    }
    return out;
  }
}
