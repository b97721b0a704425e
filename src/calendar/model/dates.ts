// Plant-day arithmetic ('YYYY-MM-DD', China Standard Time, no daylight saving) without time-zone surprises.
export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
const PLANT_OFFSET_MS = 8 * HOUR_MS;

/** Days since 1970-01-01 of a plant day: a cheap integer key for day buckets. */
export function dayNumber(day: string): number {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
}

export function dayFromNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return dayFromNumber(dayNumber(day) + days);
}

export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

/** The instant (ms) `hours` after midnight of a plant day. */
export function plantMs(day: string, hours: number): number {
  return Date.parse(`${day}T00:00:00Z`) - PLANT_OFFSET_MS + Math.round(hours * HOUR_MS);
}

/** The plant day of an instant. */
export function plantDayOf(ms: number): string {
  return new Date(ms + PLANT_OFFSET_MS).toISOString().slice(0, 10);
}

const WEEKDAYS_ZH = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];
const WEEKDAYS_EN = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

export function weekdayName(day: string, lang: "zh" | "en"): string {
  return (lang === "zh" ? WEEKDAYS_ZH : WEEKDAYS_EN)[weekday(day)];
}

export function isPlantDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && dayFromNumber(dayNumber(value)) === value;
}
