// The plant's day: every capability counts days in China Standard Time.

/** The plant's calendar day (China Standard Time, no daylight saving) of an instant. */
export function plantDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
