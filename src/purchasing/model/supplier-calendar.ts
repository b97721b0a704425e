// The earliest day a supplier can deliver: its lead time from today, moved past its own shutdowns
// (Spring Festival), which it does not ship in.
import { addDays } from "../../calendar/model/dates.js";

export interface Closure {
  from: string;
  to: string;
  reason: string;
}

/** The first day on or after `day` outside every closure. */
export function openDayFrom(day: string, closures: readonly Closure[]): string {
  let d = day;
  for (let guard = 0; guard < 20; guard++) {
    const c = closures.find((x) => x.from <= d && d <= x.to);
    if (!c) return d;
    d = addDays(c.to, 1);
  }
  return d;
}

/** Lead time counts calendar days; a shutdown on the way adds its length (nothing is made or shipped). */
export function earliestDelivery(today: string, leadTimeDays: number, closures: readonly Closure[]): string {
  let due = addDays(today, leadTimeDays);
  for (const c of [...closures].sort((a, b) => (a.from < b.from ? -1 : 1))) {
    if (c.to < today || c.from > due) continue;
    const start = c.from < today ? today : c.from;
    due = addDays(due, Math.round((Date.parse(c.to) - Date.parse(start)) / 86_400_000) + 1);
  }
  return openDayFrom(due, closures);
}
