// The page's period, pivot and bucket size as URL parameters, and the days a chart bucket covers. Pure.
const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface View {
  from: string;
  to: string;
  /** Before/after date (e.g. go-live), strictly inside the period; none for no comparison. */
  pivot?: string;
  by: "week" | "month";
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Today in plant time (UTC+8), the day the server's periods are counted in. */
export function plantToday(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

// A real calendar day: JavaScript reads 2026-02-30 as 2 March, so the day must survive the round trip.
const valid = (day: string | null): day is string => !!day && DATE.test(day) && !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && addDays(day, 0) === day;

/**
 * Reads the view from the query string; anything missing or malformed falls back to the last 12 months.
 * Without a pivot in the URL the plant's go-live date is the pivot; `pivot=none` asks for no comparison.
 */
export function viewOf(params: URLSearchParams, now: Date, goLiveOn?: string | null): View {
  const today = plantToday(now);
  const to = valid(params.get("to")) ? (params.get("to") as string) : today;
  const from = valid(params.get("from")) && (params.get("from") as string) <= to ? (params.get("from") as string) : addDays(to, -364);
  const pivot = params.has("pivot") ? params.get("pivot") : (goLiveOn ?? null);
  return {
    from,
    to,
    ...(valid(pivot) && pivot > from && pivot <= to ? { pivot } : {}),
    by: params.get("by") === "week" ? "week" : "month",
  };
}

export function paramsOf(view: View, goLiveOn?: string | null): Record<string, string> {
  const pivot = view.pivot ?? (goLiveOn ? "none" : undefined);
  return { from: view.from, to: view.to, by: view.by, ...(pivot ? { pivot } : {}) };
}

/** First and last day of an ISO week ("2026-W10") or a month ("2026-03"), cut to the period. */
export function bucketDays(bucket: string, period: { from: string; to: string }): { from: string; to: string } {
  let from: string;
  let to: string;
  const week = /^(\d{4})-W(\d{2})$/.exec(bucket);
  if (week) {
    // ISO week 1 is the week with 4 January in it; weeks start on Monday.
    const jan4 = `${week[1]}-01-04`;
    const weekday = (new Date(`${jan4}T00:00:00Z`).getUTCDay() + 6) % 7;
    from = addDays(jan4, (Number(week[2]) - 1) * 7 - weekday);
    to = addDays(from, 6);
  } else if (/^\d{4}-\d{2}$/.test(bucket)) {
    from = `${bucket}-01`;
    const [y, m] = bucket.split("-").map(Number);
    to = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  } else {
    throw new Error(`not a week or month: ${bucket}`);
  }
  return { from: from < period.from ? period.from : from, to: to > period.to ? period.to : to };
}

/** The bucket a day falls in, to place the pivot on a trend chart. */
export function bucketOf(day: string, by: "week" | "month"): string {
  if (by === "month") return day.slice(0, 7);
  const date = new Date(`${day}T00:00:00Z`);
  const thursday = new Date(date.getTime() + (3 - ((date.getUTCDay() + 6) % 7)) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}
