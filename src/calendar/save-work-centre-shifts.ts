// Use case: change a work centre's shifts, hours per shift, parallel units and load threshold
// (planner, admin), logged as a master-data change.
import type { Kysely } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { AppError, notFound } from "../core/errors.js";
import { recordMasterChange } from "../customers/store.js";
import { loadWorkCentres } from "./store.js";

export interface ShiftsInput {
  shifts?: number;
  hoursPerShift?: number;
  parallelUnits?: number;
  loadThreshold?: number;
}

export async function updateWorkCentreShifts(db: Kysely<DB>, principal: Principal, code: string, input: ShiftsInput) {
  return db.transaction().execute(async (tx) => {
    const [before] = await loadWorkCentres(tx, code);
    if (!before) throw notFound("calendar.work_centre_not_found", { code }, "code");
    const after = { ...before, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) };
    if (after.shifts * after.hoursPerShift > 24) {
      throw new AppError("invalid", "calendar.shift_too_long", { hours: after.shifts * after.hoursPerShift }, input.hoursPerShift ? "hoursPerShift" : "shifts");
    }
    const diff: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of ["shifts", "hoursPerShift", "parallelUnits", "loadThreshold"] as const) {
      if (after[key] !== before[key]) diff[key] = { from: before[key], to: after[key] };
    }
    if (!Object.keys(diff).length) return after;
    await tx
      .updateTable("work_centres")
      .set({
        shifts: after.shifts,
        hours_per_shift: String(after.hoursPerShift),
        parallel_units: after.parallelUnits,
        load_threshold: String(after.loadThreshold),
      })
      .where("code", "=", code)
      .execute();
    await recordMasterChange(tx, { entity: "work_centre", key: code, actor: principal.name, roles: principal.roles, data: diff });
    return after;
  });
}
