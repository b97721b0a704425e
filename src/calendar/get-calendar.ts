// Use case: the plant calendar over a date range, for the whole plant or one work centre.
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import { AppError, notFound } from "../core/errors.js";
import { centreDays, plantDays } from "./model/calendar.js";
import { daysBetween } from "./model/dates.js";
import { COVERED_YEARS } from "./model/statutory.js";
import { loadCalendarInputs } from "./store.js";

export const MAX_RANGE_DAYS = 400;

export function checkRange(from: string, to: string) {
  if (to < from) throw new AppError("invalid", "calendar.day_order", { from, to }, "to");
  if (daysBetween(from, to) >= MAX_RANGE_DAYS) throw new AppError("invalid", "calendar.range_too_long", { max: MAX_RANGE_DAYS }, "to");
}

export async function getCalendar(db: Kysely<DB>, query: { from: string; to: string; workCentre?: string }) {
  checkRange(query.from, query.to);
  const inputs = await loadCalendarInputs(db, query.from, query.to, query.workCentre);
  if (query.workCentre && !inputs.centres.length) throw notFound("calendar.work_centre_not_found", { code: query.workCentre }, "workCentre");
  const days = plantDays(query.from, query.to, inputs);
  const perCentre = inputs.centres.map((c) => centreDays(c, days, inputs.maintenance));
  const years = [...new Set(days.map((d) => Number(d.date.slice(0, 4))))];
  return {
    from: query.from,
    to: query.to,
    workCentre: query.workCentre ?? null,
    statutory: {
      source: "chinese-days",
      coveredYears: years.filter((y) => COVERED_YEARS.has(y)),
      // Statutory days of these years follow the law; their 调休 swaps are not published yet.
      provisionalYears: years.filter((y) => !COVERED_YEARS.has(y)),
    },
    workCentres: inputs.centres,
    days: days.map((d, i) => {
      const centres = perCentre.map((c) => c[i]);
      const sum = (pick: (c: (typeof centres)[number]) => number) => Math.round(centres.reduce((s, c) => s + pick(c), 0) * 1000) / 1000;
      return {
        date: d.date,
        working: d.working,
        reason: d.reason,
        note: d.note,
        provisional: d.provisional,
        hours: sum((c) => c.hours),
        capacityHours: sum((c) => c.capacityHours),
        loadLimitHours: sum((c) => c.limitHours),
        maintenance: centres.flatMap((c, ci) =>
          c.maintenance.map((m) => ({
            id: m.id,
            workCentre: inputs.centres[ci].code,
            from: new Date(m.from).toISOString(),
            to: new Date(m.to).toISOString(),
            hours: m.hours,
            reason: m.reason,
          })),
        ),
      };
    }),
    exceptions: inputs.exceptions,
  };
}
