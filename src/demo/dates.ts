// Calendar arithmetic on plant days ('YYYY-MM-DD', China Standard Time) without time-zone surprises.
const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
const PLANT_OFFSET_MS = 8 * HOUR_MS;

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

/** The instant `hours` after midnight of a plant day. */
export function plantInstant(day: string, hours: number): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - PLANT_OFFSET_MS + Math.round(hours * HOUR_MS));
}

export function addHours(at: Date, hours: number): Date {
  return new Date(at.getTime() + Math.round(hours * HOUR_MS));
}
