// Calendar-date helpers for rule conditions: strict YYYY-MM-DD dates and whole-day differences (UTC arithmetic).
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for a real calendar date written YYYY-MM-DD (no time, no offset); null otherwise. */
export function dayNumber(value: unknown): number | null {
  if (typeof value !== "string") return null;
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map the years 0–99 to 1900–1999.
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return Math.round(date.getTime() / DAY_MS);
}

/** Is this a real calendar date written YYYY-MM-DD (2024-02-29 yes, 2023-02-29 no)? */
export const isIsoDate = (value: unknown): value is string => dayNumber(value) !== null;

/** Whole calendar days from `from` to `to` (negative when `to` is earlier); null if either is not a YYYY-MM-DD date. */
export function daysFromTo(from: unknown, to: unknown): number | null {
  const a = dayNumber(from);
  const b = dayNumber(to);
  return a === null || b === null ? null : b - a;
}
