// Chinese statutory holidays and adjusted working days (调休) from `chinese-days`, as plain data.
// The library covers the years whose arrangement the State Council has published (2004 to 2026 in
// 1.5.x) and silently answers "weekday = working" for any later year, so New Year's Day 2027 would
// look like a working day. For a year it does not cover we mark the statutory days fixed by law
// (《全国年节及纪念日放假办法》, 2025 revision) as provisional holidays, computed from the lunar and
// solar-term conversions the library does cover to 2100; the 调休 swaps of such a year are unknown
// until published, and planners add them as plant exceptions in the meantime.
import chineseDays from "chinese-days";
import data from "chinese-days/dist/chinese-days.json" with { type: "json" };
import { addDays, dayFromNumber, dayNumber } from "./dates.js";

export interface StatutoryDay {
  date: string;
  /** false: a statutory holiday; true: a weekend day made a working day (调休). */
  work: boolean;
  name: string;
  nameEn: string;
  /** Derived from the law because the library has no published arrangement for the year. */
  provisional: boolean;
}

const table = data as { holidays: Record<string, string>; workdays: Record<string, string> };

/** Years whose published arrangement the installed library carries. */
export const COVERED_YEARS: ReadonlySet<number> = new Set(Object.keys(table.holidays).map((d) => Number(d.slice(0, 4))));

function names(raw: string): { name: string; nameEn: string } {
  // The library stores "English,中文,days", e.g. "National Day,国庆节,3".
  const [en, zh] = raw.split(",");
  return { name: zh ?? en, nameEn: en };
}

/** Statutory days of one year fixed by law, for a year the library has no arrangement for. */
export function provisionalHolidays(year: number): StatutoryDay[] {
  const day = (date: string, name: string, nameEn: string): StatutoryDay => ({ date, work: false, name, nameEn, provisional: true });
  const lunar = (month: number, d: number) => chineseDays.getSolarDateFromLunar(`${year}-${String(month).padStart(2, "0")}-${String(d).padStart(2, "0")}`).date;
  const springFestival = lunar(1, 1);
  const qingming = chineseDays.getSolarTermDate(year, 4, "pure_brightness");
  return [
    day(`${year}-01-01`, "元旦", "New Year's Day"),
    ...[-1, 0, 1, 2].map((offset) => day(addDays(springFestival, offset), "春节", "Spring Festival")),
    day(qingming, "清明节", "Tomb-sweeping Day"),
    day(`${year}-05-01`, "劳动节", "Labour Day"),
    day(`${year}-05-02`, "劳动节", "Labour Day"),
    day(lunar(5, 5), "端午节", "Dragon Boat Festival"),
    day(lunar(8, 15), "中秋节", "Mid-autumn Festival"),
    ...["10-01", "10-02", "10-03"].map((md) => day(`${year}-${md}`, "国庆节", "National Day")),
  ];
}

/** Statutory holidays and adjusted working days from `from` to `to` (inclusive). */
export function statutoryDays(from: string, to: string): StatutoryDay[] {
  const out: StatutoryDay[] = [];
  const fromN = dayNumber(from);
  const toN = dayNumber(to);
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    if (COVERED_YEARS.has(year)) continue;
    for (const d of provisionalHolidays(year)) if (dayNumber(d.date) >= fromN && dayNumber(d.date) <= toN) out.push(d);
  }
  for (let n = fromN; n <= toN; n++) {
    const date = dayFromNumber(n);
    const holiday = table.holidays[date];
    const workday = table.workdays[date];
    if (holiday) out.push({ date, work: false, ...names(holiday), provisional: false });
    else if (workday) out.push({ date, work: true, ...names(workday), provisional: false });
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
