// SQL for the plant calendar: work centres, plant exceptions and maintenance windows, as model inputs.
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../core/db/schema.js";
import type { CalendarException, CalendarInputs, MaintenanceWindow, WorkCentreSpec } from "./model/calendar.js";
import { addDays, plantMs } from "./model/dates.js";
import { statutoryDays } from "./model/statutory.js";

type Db = Kysely<DB> | Transaction<DB>;

export async function loadWorkCentres(db: Db, code?: string): Promise<WorkCentreSpec[]> {
  let query = db.selectFrom("work_centres").selectAll().orderBy("code");
  if (code) query = query.where("code", "=", code);
  const rows = await query.execute();
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    shifts: r.shifts,
    hoursPerShift: Number(r.hours_per_shift),
    parallelUnits: r.parallel_units,
    loadThreshold: Number(r.load_threshold),
  }));
}

export async function loadExceptions(db: Db, from: string, to: string): Promise<CalendarException[]> {
  const rows = await db.selectFrom("calendar_exceptions").selectAll().where("day_to", ">=", from).where("day_from", "<=", to).orderBy("day_from").execute();
  return rows.map((r) => ({ id: r.id, dayFrom: r.day_from, dayTo: r.day_to, kind: r.kind, reason: r.reason }));
}

export async function loadMaintenance(db: Db, from: string, to: string, workCentre?: string): Promise<MaintenanceWindow[]> {
  let query = db
    .selectFrom("maintenance_windows")
    .selectAll()
    .where("ends_at", ">", new Date(plantMs(from, 0)))
    .where("starts_at", "<", new Date(plantMs(addDays(to, 2), 0)))
    .orderBy("starts_at");
  if (workCentre) query = query.where("work_centre", "=", workCentre);
  const rows = await query.execute();
  return rows.map((r) => ({ id: r.id, workCentre: r.work_centre, startsAt: r.starts_at.getTime(), endsAt: r.ends_at.getTime(), reason: r.reason }));
}

/** Everything the calendar model needs for `from`..`to` (a day before, for night shifts running past midnight). */
export async function loadCalendarInputs(db: Db, from: string, to: string, workCentre?: string): Promise<CalendarInputs> {
  const [centres, exceptions, maintenance] = await Promise.all([
    loadWorkCentres(db, workCentre),
    loadExceptions(db, from, to),
    loadMaintenance(db, addDays(from, -1), to, workCentre),
  ]);
  return { centres, exceptions, maintenance, statutory: statutoryDays(from, to) };
}
