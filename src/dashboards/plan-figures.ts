// The planning figures the boards show, read from the current plan run through planning's own use cases.
import type { Kysely } from "kysely";
import { addDays } from "../calendar/dates.js";
import { getCalendar } from "../calendar/get-calendar.js";
import type { DB } from "../core/db/schema.js";
import { plantDay } from "../core/plant-day.js";
import { getPlanStatus } from "../planning/get-plan.js";
import { listBottlenecks } from "../planning/list-bottlenecks.js";
import { listShortages } from "../planning/list-shortages.js";
import { bottleneckAlerts, calendarHighlights, kittingImpact, loadChart } from "./model/planning-figures.js";

/** The boards look four weeks ahead, like `GET /api/planning/bottlenecks` by default. */
export const BOARD_HORIZON_DAYS = 28;

/** Which run the figures come from, and whether a change has made it stale since. */
export async function planRun(db: Kysely<DB>) {
  const status = await getPlanStatus(db);
  return { runId: status.run?.id ?? null, finishedAt: status.run?.finishedAt ?? null, stale: status.stale, reasons: status.reasons };
}

export async function plannerFigures(db: Kysely<DB>, now = new Date()) {
  const from = plantDay(now);
  const to = addDays(from, BOARD_HORIZON_DAYS - 1);
  const [plan, bottlenecks, shortages, calendar] = await Promise.all([
    planRun(db),
    listBottlenecks(db, { from, to }),
    listShortages(db, {}),
    getCalendar(db, { from, to }),
  ]);
  return {
    plan,
    horizon: { from, to },
    bottlenecks: bottleneckAlerts(bottlenecks.workCentres),
    kittingImpact: kittingImpact(shortages.shortages),
    load: loadChart(bottlenecks.workCentres),
    calendar: {
      days: calendarHighlights(calendar.days),
      provisionalYears: calendar.statutory.provisionalYears,
      workingDays: calendar.days.filter((d) => d.working).length,
    },
  };
}

export async function purchasingFigures(db: Kysely<DB>) {
  const [plan, shortages] = await Promise.all([planRun(db), listShortages(db, {})]);
  return { plan, shortages: shortages.shortages };
}
