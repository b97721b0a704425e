// Use case: "machine down" (and "machine up") per unit of a work centre, with a reason. The capacity it
// removes goes into the plan at once: the shop floor's mark moves, and the re-planner treats that as
// urgent (decision 0058). Lists the orders it delays: those with unfinished work planned at that centre
// from the downtime on, each of which gets the downtime on its timeline.
import type { Kysely } from "kysely";
import { loadWorkCentres } from "../calendar/store.js";
import type { Principal } from "../core/auth/principal.js";
import { now } from "../core/clock.js";
import type { DB } from "../core/db/schema.js";
import { AppError, notFound } from "../core/errors.js";
import { publishChange } from "../events/publish-change.js";
import { recordProductionEvents } from "../orders/record-production-event.js";
import { currentPlanOperations } from "../planning/plan-operations.js";

export interface DowntimeRequest {
  unit?: number;
  from: string;
  to?: string;
  reason: string;
}

export async function recordDowntime(db: Kysely<DB>, principal: Principal, code: string, request: DowntimeRequest) {
  const [centre] = await loadWorkCentres(db, code);
  if (!centre) throw notFound("production.work_centre_not_found", { code }, "code");
  if (request.unit && request.unit > centre.parallelUnits) {
    throw new AppError("invalid", "production.unit_out_of_range", { code, units: centre.parallelUnits, unit: request.unit }, "unit");
  }
  const from = new Date(request.from);
  const to = request.to ? new Date(request.to) : null;
  if (to && to <= from) throw new AppError("invalid", "production.downtime_end_before_start", {}, "to");
  const affected = await affectedOrders(db, code, from);
  const id = await db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto("downtime")
      .values({ work_centre: code, unit: request.unit ?? null, starts_at: from, ends_at: to, reason: request.reason, reported_by: principal.name })
      .returning("id")
      .executeTakeFirstOrThrow();
    const data = { workCentre: code, unit: request.unit ?? null, from: from.toISOString(), to: to?.toISOString() ?? null };
    if (affected.length) {
      await recordProductionEvents(
        tx,
        affected.map((orderNo) => ({ orderNo, actor: principal.name, what: "downtime", reason: request.reason, workCentre: code, data })),
      );
    } else await publishChange(tx, { kind: "production", action: "downtime", workCentre: code });
    return row.id;
  });
  return {
    id,
    workCentre: code,
    unit: request.unit ?? null,
    from: from.toISOString(),
    to: to?.toISOString() ?? null,
    reason: request.reason,
    affectedOrders: affected,
  };
}

/** Machine up: the downtime ends now (or at `at`). */
export async function endDowntime(db: Kysely<DB>, principal: Principal, code: string, id: number, at?: string) {
  const end = at ? new Date(at) : now();
  const row = await db
    .updateTable("downtime")
    .set({ ends_at: end, updated_at: new Date() })
    .where("id", "=", id)
    .where("work_centre", "=", code)
    .where("starts_at", "<", end)
    .returning(["id", "unit", "starts_at", "reason"])
    .executeTakeFirst();
  await publishChange(db, { kind: "production", action: "downtime", workCentre: code });
  if (!row) throw notFound("production.work_centre_not_found", { code }, "id");
  return {
    id: row.id,
    workCentre: code,
    unit: row.unit,
    from: row.starts_at.toISOString(),
    to: end.toISOString(),
    reason: row.reason,
    endedBy: principal.name,
  };
}

/** Orders with work at the centre the current plan has not finished by the downtime's start. */
async function affectedOrders(db: Kysely<DB>, code: string, from: Date): Promise<string[]> {
  const { operations } = await currentPlanOperations(db, { workCentre: code });
  return [...new Set(operations.filter((op) => op.planned_end && op.planned_end > from).map((op) => op.order_no))].sort();
}

/** Downtime at a centre that is still open or ends after `since`. */
export async function listDowntime(db: Kysely<DB>, since: Date, code?: string) {
  const rows = await db
    .selectFrom("downtime")
    .selectAll()
    .where((eb) => eb.or([eb("ends_at", "is", null), eb("ends_at", ">", since)]))
    .$if(code !== undefined, (q) => q.where("work_centre", "=", code ?? ""))
    .orderBy("starts_at", "desc")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    workCentre: r.work_centre,
    unit: r.unit,
    from: r.starts_at.toISOString(),
    to: r.ends_at?.toISOString() ?? null,
    reason: r.reason,
    reportedBy: r.reported_by,
  }));
}
