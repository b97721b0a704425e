// The go-live date and the dual-run window (双轨制, decision 0073), a plant setting the admin sets. From
// go-live on, new orders are entered in Lvyue: ledger rows dated on or after it are not imported as
// history but listed as orders that should have been entered in Lvyue. During the window the old
// ledger is still kept beside Lvyue; after it, a ledger row is late paperwork. Changes are logged.
import type { Kysely } from "kysely";
import { z } from "zod";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { isoDate } from "../core/http/schemas.js";
import { recordMasterChange } from "../customers/store.js";

export const goLiveSettings = z.strictObject({
  goLiveOn: isoDate.nullable().describe("the first day new orders are entered in Lvyue; null: not live yet, every ledger row is history"),
  dualRunDays: z.number().int().min(0).max(365).describe("days from go-live the old ledger is still kept beside Lvyue"),
});
export type GoLiveSettings = z.infer<typeof goLiveSettings>;

/** Not live yet; the seed's dual run lasts about 30 days. */
export const GO_LIVE_DEFAULTS: GoLiveSettings = { goLiveOn: null, dualRunDays: 30 };

const NAME = "go-live";

export async function getGoLiveSettings(
  db: Kysely<DB>,
): Promise<GoLiveSettings & { dualRunEndsOn: string | null; updatedBy: string | null; updatedAt: Date | null }> {
  const row = await db.selectFrom("plant_settings").selectAll().where("name", "=", NAME).executeTakeFirst();
  const stored = row ? goLiveSettings.partial().safeParse(row.value) : null;
  const settings = { ...GO_LIVE_DEFAULTS, ...(stored?.success ? stored.data : {}) };
  return {
    ...settings,
    dualRunEndsOn: settings.goLiveOn ? dualRunEnd(settings.goLiveOn, settings.dualRunDays) : null,
    updatedBy: row?.updated_by ?? null,
    updatedAt: (row?.updated_at as Date | undefined) ?? null,
  };
}

/** The last day of the dual run (go-live is its first day). */
export function dualRunEnd(goLiveOn: string, days: number): string {
  return new Date(Date.parse(`${goLiveOn}T00:00:00Z`) + Math.max(days - 1, 0) * 86_400_000).toISOString().slice(0, 10);
}

export async function updateGoLiveSettings(db: Kysely<DB>, principal: Principal, input: Partial<GoLiveSettings>) {
  return db.transaction().execute(async (tx) => {
    const before = await getGoLiveSettings(tx);
    const after: GoLiveSettings = {
      goLiveOn: input.goLiveOn !== undefined ? input.goLiveOn : before.goLiveOn,
      dualRunDays: input.dualRunDays ?? before.dualRunDays,
    };
    const diff: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of ["goLiveOn", "dualRunDays"] as const) if (after[key] !== before[key]) diff[key] = { from: before[key], to: after[key] };
    if (!Object.keys(diff).length) return getGoLiveSettings(tx);
    const value = JSON.stringify(after);
    await tx
      .insertInto("plant_settings")
      .values({ name: NAME, value, updated_by: principal.name })
      .onConflict((oc) => oc.column("name").doUpdateSet({ value, updated_by: principal.name, updated_at: new Date() }))
      .execute();
    await recordMasterChange(tx, { entity: "plant_settings", key: NAME, actor: principal.name, roles: principal.roles, data: diff });
    return getGoLiveSettings(tx);
  });
}
