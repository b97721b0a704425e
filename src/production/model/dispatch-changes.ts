// What changed on a dispatch list since the shift started (decision 0061): the list as it stood at the
// shift's start is kept as a baseline; an operation not on it was added, one whose place among the
// operations on both lists changed was resequenced, one whose planned start moved by a quarter of an
// hour or more was moved. Pure.

import { SHIFT_START_HOUR } from "../../calendar/model/calendar.js";
import { addDays, HOUR_MS, plantDayOf, plantMs } from "../../calendar/model/dates.js";

/** A planned start that moved less than this is not a change worth a highlight. */
export const MOVE_TOLERANCE_MS = 15 * 60_000;

export type DispatchChange = "added" | "resequenced" | "moved";

export interface BaselineEntry {
  operationId: number;
  plannedStart: string | null;
}

/**
 * The start of the shift `nowMs` falls in, or of the last one begun before it: shifts follow each other
 * from SHIFT_START_HOUR (a night shift runs into the next day).
 */
export function shiftStart(nowMs: number, centre: { shifts: number; hoursPerShift: number }): number {
  const today = plantDayOf(nowMs);
  let latest = Number.NEGATIVE_INFINITY;
  for (const day of [addDays(today, -1), today]) {
    for (let k = 0; k < Math.max(1, centre.shifts); k++) {
      const start = plantMs(day, SHIFT_START_HOUR) + k * centre.hoursPerShift * HOUR_MS;
      if (start <= nowMs && start > latest) latest = start;
    }
  }
  return latest;
}

/** Each current operation's change against the baseline (null: unchanged), in the current list's order. */
export function dispatchChanges(baseline: BaselineEntry[], current: BaselineEntry[]): (DispatchChange | null)[] {
  const before = new Map(baseline.map((b, i) => [b.operationId, { ...b, i }]));
  // Places among the operations on both lists: a new or finished one does not resequence the rest.
  const common = current.filter((c) => before.has(c.operationId));
  const placeBefore = new Map([...common].sort((a, b) => before.get(a.operationId)!.i - before.get(b.operationId)!.i).map((c, i) => [c.operationId, i]));
  const placeNow = new Map(common.map((c, i) => [c.operationId, i]));
  return current.map((c) => {
    const was = before.get(c.operationId);
    if (!was) return "added";
    if (placeBefore.get(c.operationId) !== placeNow.get(c.operationId)) return "resequenced";
    const a = was.plannedStart ? Date.parse(was.plannedStart) : null;
    const b = c.plannedStart ? Date.parse(c.plannedStart) : null;
    if ((a === null) !== (b === null) || (a !== null && b !== null && Math.abs(a - b) >= MOVE_TOLERANCE_MS)) return "moved";
    return null;
  });
}
