// The promise buffers, a plant setting (decision 0064): the shipping buffer (days between the plan's
// finish and the date promised to the customer) and the material buffer (days purchased parts are
// wanted before the job that uses them starts). Admin and planner set them; every change is logged in
// master_changes. The defaults are what the promise simulator measured (docs/decisions/0060, 0064), and
// the simulator's "Lvyue CTP" policy reads these same defaults.
import type { Kysely } from "kysely";
import { z } from "zod";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { recordMasterChange } from "../customers/store.js";

export const promiseSettings = z.strictObject({
  shippingBufferDays: z.number().int().min(0).max(30),
  materialBufferDays: z.number().int().min(0).max(60),
});
export type PromiseSettings = z.infer<typeof promiseSettings>;

/** One day of shipping buffer, three days of material buffer: 98.5% of first commitments kept (seed 1). */
export const PROMISE_DEFAULTS: PromiseSettings = { shippingBufferDays: 1, materialBufferDays: 3 };

const NAME = "promise";

export async function getPromiseSettings(db: Kysely<DB>): Promise<PromiseSettings & { updatedBy: string | null; updatedAt: Date | null }> {
  const row = await db.selectFrom("plant_settings").selectAll().where("name", "=", NAME).executeTakeFirst();
  const stored = row ? promiseSettings.partial().safeParse(row.value) : null;
  return {
    ...PROMISE_DEFAULTS,
    ...(stored?.success ? stored.data : {}),
    updatedBy: row?.updated_by ?? null,
    updatedAt: (row?.updated_at as Date | undefined) ?? null,
  };
}

/** Changes the promise buffers; the next re-plan and every promise after it use them. */
export async function updatePromiseSettings(db: Kysely<DB>, principal: Principal, input: Partial<PromiseSettings>) {
  return db.transaction().execute(async (tx) => {
    const before = await getPromiseSettings(tx);
    const after: PromiseSettings = {
      shippingBufferDays: input.shippingBufferDays ?? before.shippingBufferDays,
      materialBufferDays: input.materialBufferDays ?? before.materialBufferDays,
    };
    const diff: Record<string, { from: number; to: number }> = {};
    for (const key of ["shippingBufferDays", "materialBufferDays"] as const) if (after[key] !== before[key]) diff[key] = { from: before[key], to: after[key] };
    if (!Object.keys(diff).length) return getPromiseSettings(tx);
    const value = JSON.stringify(after);
    await tx
      .insertInto("plant_settings")
      .values({ name: NAME, value, updated_by: principal.name })
      .onConflict((oc) => oc.column("name").doUpdateSet({ value, updated_by: principal.name, updated_at: new Date() }))
      .execute();
    // The log entry also marks the plan stale (a master change), so the background re-plan applies the buffers.
    await recordMasterChange(tx, { entity: "plant_settings", key: NAME, actor: principal.name, roles: principal.roles, data: diff });
    return getPromiseSettings(tx);
  });
}
