// Reporting periods: plant days (UTC+8) in, half-open instants out, and the split around a pivot
// date (e.g. go-live) for before/after comparisons. Pure.
import { AppError } from "../../core/errors.js";

const DAY_MS = 86_400_000;
/** A year and a bit: longer periods belong to the trends, not one figure. */
export const MAX_PERIOD_DAYS = 400;

export interface Period {
  from: string;
  to: string;
  /** First instant of `from` (plant time). */
  start: Date;
  /** First instant after `to` (plant time): `to` is inclusive. */
  end: Date;
}

export function plantMidnight(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Validates and converts `from`..`to` (both inclusive, already well-formed dates). */
export function periodOf(from: string, to: string, maxDays = MAX_PERIOD_DAYS): Period {
  if (to < from) throw new AppError("invalid", "metrics.period_order", { field: "to", from, to }, "to");
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
  if (days > maxDays) throw new AppError("invalid", "metrics.period_too_long", { field: "to", days, max: maxDays }, "to");
  return { from, to, start: plantMidnight(from), end: plantMidnight(addDays(to, 1)) };
}

/** Before = from .. pivot−1, after = pivot .. to. The pivot must fall strictly inside the period. */
export function splitAtPivot(period: Period, pivot: string): { before: Period; after: Period } {
  if (pivot <= period.from || pivot > period.to) {
    throw new AppError("invalid", "metrics.pivot_outside", { field: "pivot", pivot, from: period.from, to: period.to }, "pivot");
  }
  return { before: periodOf(period.from, addDays(pivot, -1), Number.POSITIVE_INFINITY), after: periodOf(pivot, period.to, Number.POSITIVE_INFINITY) };
}

/** The whole ISO weeks (Monday to Sunday) inside the period, by their Mondays; null when there is none. */
export function fullWeeks(period: { from: string; to: string }): { first: string; last: string } | null {
  const weekday = (day: string) => (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
  const first = addDays(period.from, (7 - weekday(period.from)) % 7);
  const last = addDays(period.to, -6 - weekday(addDays(period.to, -6)));
  return first <= last ? { first, last } : null;
}
