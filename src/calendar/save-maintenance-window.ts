// Use cases: add, move and remove maintenance windows of a work centre (planner, admin), logged as
// master-data changes. Two windows of one centre may not overlap.
import type { Kysely, Transaction } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { AppError, notFound } from "../core/errors.js";
import { recordMasterChange } from "../customers/store.js";
import { DAY_MS } from "./model/dates.js";

export const MAX_MAINTENANCE_DAYS = 31;

export interface MaintenanceInput {
  workCentre: string;
  startsAt: string;
  endsAt: string;
  reason: string;
}

const view = (r: { id: number; work_centre: string; starts_at: Date; ends_at: Date; reason: string; created_by: string }) => ({
  id: r.id,
  workCentre: r.work_centre,
  startsAt: r.starts_at.toISOString(),
  endsAt: r.ends_at.toISOString(),
  reason: r.reason,
  createdBy: r.created_by,
});

async function check(tx: Transaction<DB>, input: MaintenanceInput, exceptId?: number) {
  const starts = new Date(input.startsAt);
  const ends = new Date(input.endsAt);
  if (ends <= starts) throw new AppError("invalid", "calendar.day_order", { from: input.startsAt, to: input.endsAt }, "endsAt");
  if (ends.getTime() - starts.getTime() > MAX_MAINTENANCE_DAYS * DAY_MS)
    throw new AppError("invalid", "calendar.maintenance_too_long", { max: MAX_MAINTENANCE_DAYS }, "endsAt");
  const centre = await tx.selectFrom("work_centres").select("code").where("code", "=", input.workCentre).executeTakeFirst();
  if (!centre) throw new AppError("invalid", "calendar.work_centre_not_found", { code: input.workCentre }, "workCentre");
  let query = tx
    .selectFrom("maintenance_windows")
    .selectAll()
    .where("work_centre", "=", input.workCentre)
    .where("starts_at", "<", ends)
    .where("ends_at", ">", starts);
  if (exceptId !== undefined) query = query.where("id", "!=", exceptId);
  const clash = await query.executeTakeFirst();
  if (clash) throw new AppError("conflict", "calendar.maintenance_overlap", { id: clash.id, workCentre: clash.work_centre, reason: clash.reason }, "startsAt");
  return { starts, ends };
}

export async function createMaintenanceWindow(db: Kysely<DB>, principal: Principal, input: MaintenanceInput) {
  return db.transaction().execute(async (tx) => {
    const { starts, ends } = await check(tx, input);
    const row = await tx
      .insertInto("maintenance_windows")
      .values({ work_centre: input.workCentre, starts_at: starts, ends_at: ends, reason: input.reason, created_by: principal.name })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordMasterChange(tx, {
      entity: "maintenance_window",
      key: String(row.id),
      actor: principal.name,
      roles: principal.roles,
      data: { created: view(row) },
    });
    return view(row);
  });
}

export async function updateMaintenanceWindow(db: Kysely<DB>, principal: Principal, id: number, input: MaintenanceInput) {
  return db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom("maintenance_windows").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
    if (!before) throw notFound("calendar.maintenance_not_found", { id }, "id");
    const { starts, ends } = await check(tx, input, id);
    const row = await tx
      .updateTable("maintenance_windows")
      .set({ work_centre: input.workCentre, starts_at: starts, ends_at: ends, reason: input.reason })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordMasterChange(tx, {
      entity: "maintenance_window",
      key: String(id),
      actor: principal.name,
      roles: principal.roles,
      data: { from: view(before), to: view(row) },
    });
    return view(row);
  });
}

export async function deleteMaintenanceWindow(db: Kysely<DB>, principal: Principal, id: number) {
  await db.transaction().execute(async (tx) => {
    const before = await tx.deleteFrom("maintenance_windows").where("id", "=", id).returningAll().executeTakeFirst();
    if (!before) throw notFound("calendar.maintenance_not_found", { id }, "id");
    await recordMasterChange(tx, {
      entity: "maintenance_window",
      key: String(id),
      actor: principal.name,
      roles: principal.roles,
      data: { deleted: view(before) },
    });
  });
}
