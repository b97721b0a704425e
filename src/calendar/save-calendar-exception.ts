// Use cases: add, change and remove plant shutdowns and extra working days (planner, admin), each
// logged as a master-data change. A shutdown and an extra working day may not overlap.
import type { Kysely, Transaction } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { AppError, notFound } from "../core/errors.js";
import { recordMasterChange } from "../customers/store.js";
import { checkRange } from "./get-calendar.js";

export interface ExceptionInput {
  dayFrom: string;
  dayTo: string;
  kind: "shutdown" | "extra_working";
  reason: string;
}

const view = (r: { id: number; day_from: string; day_to: string; kind: string; reason: string; created_by: string }) => ({
  id: r.id,
  dayFrom: r.day_from,
  dayTo: r.day_to,
  kind: r.kind,
  reason: r.reason,
  createdBy: r.created_by,
});

async function assertNoClash(tx: Transaction<DB>, input: ExceptionInput, exceptId?: number) {
  let query = tx
    .selectFrom("calendar_exceptions")
    .selectAll()
    .where("day_to", ">=", input.dayFrom)
    .where("day_from", "<=", input.dayTo)
    .where("kind", "!=", input.kind);
  if (exceptId !== undefined) query = query.where("id", "!=", exceptId);
  const clash = await query.executeTakeFirst();
  if (clash)
    throw new AppError("conflict", "calendar.exception_overlap", { id: clash.id, from: clash.day_from, to: clash.day_to, reason: clash.reason }, "dayFrom");
}

export async function createCalendarException(db: Kysely<DB>, principal: Principal, input: ExceptionInput) {
  checkRange(input.dayFrom, input.dayTo);
  return db.transaction().execute(async (tx) => {
    await assertNoClash(tx, input);
    const row = await tx
      .insertInto("calendar_exceptions")
      .values({ day_from: input.dayFrom, day_to: input.dayTo, kind: input.kind, reason: input.reason, created_by: principal.name })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordMasterChange(tx, {
      entity: "calendar_exception",
      key: String(row.id),
      actor: principal.name,
      roles: principal.roles,
      data: { created: input },
    });
    return view(row);
  });
}

export async function updateCalendarException(db: Kysely<DB>, principal: Principal, id: number, input: ExceptionInput) {
  checkRange(input.dayFrom, input.dayTo);
  return db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom("calendar_exceptions").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
    if (!before) throw notFound("calendar.exception_not_found", { id }, "id");
    await assertNoClash(tx, input, id);
    const row = await tx
      .updateTable("calendar_exceptions")
      .set({ day_from: input.dayFrom, day_to: input.dayTo, kind: input.kind, reason: input.reason })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordMasterChange(tx, {
      entity: "calendar_exception",
      key: String(id),
      actor: principal.name,
      roles: principal.roles,
      data: { from: view(before), to: input },
    });
    return view(row);
  });
}

export async function deleteCalendarException(db: Kysely<DB>, principal: Principal, id: number) {
  await db.transaction().execute(async (tx) => {
    const before = await tx.deleteFrom("calendar_exceptions").where("id", "=", id).returningAll().executeTakeFirst();
    if (!before) throw notFound("calendar.exception_not_found", { id }, "id");
    await recordMasterChange(tx, {
      entity: "calendar_exception",
      key: String(id),
      actor: principal.name,
      roles: principal.roles,
      data: { deleted: view(before) },
    });
  });
}
