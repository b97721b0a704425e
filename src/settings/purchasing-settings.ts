// Purchasing's plant setting (decision 0067): how many days after today an overdue purchase line is
// counted as arriving (it never supplies in the past). Planner, purchasing lead and admin set it; every
// change is logged in master_changes, which also marks the plan stale so the next re-plan applies it.
import type { Kysely } from "kysely";
import { z } from "zod";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { recordMasterChange } from "../customers/store.js";

export const purchasingSettings = z.strictObject({
  overdueSupplyDelayDays: z.number().int().min(0).max(60),
});
export type PurchasingSettings = z.infer<typeof purchasingSettings>;

/** Two days: a line the supplier missed is chased and usually comes within the week's next delivery run. */
export const PURCHASING_DEFAULTS: PurchasingSettings = { overdueSupplyDelayDays: 2 };

const NAME = "purchasing";

export async function getPurchasingSettings(db: Kysely<DB>): Promise<PurchasingSettings & { updatedBy: string | null; updatedAt: Date | null }> {
  const row = await db.selectFrom("plant_settings").selectAll().where("name", "=", NAME).executeTakeFirst();
  const stored = row ? purchasingSettings.partial().safeParse(row.value) : null;
  return {
    ...PURCHASING_DEFAULTS,
    ...(stored?.success ? stored.data : {}),
    updatedBy: row?.updated_by ?? null,
    updatedAt: (row?.updated_at as Date | undefined) ?? null,
  };
}

export async function updatePurchasingSettings(db: Kysely<DB>, principal: Principal, input: Partial<PurchasingSettings>) {
  return db.transaction().execute(async (tx) => {
    const before = await getPurchasingSettings(tx);
    const after: PurchasingSettings = { overdueSupplyDelayDays: input.overdueSupplyDelayDays ?? before.overdueSupplyDelayDays };
    if (after.overdueSupplyDelayDays === before.overdueSupplyDelayDays) return before;
    const value = JSON.stringify(after);
    await tx
      .insertInto("plant_settings")
      .values({ name: NAME, value, updated_by: principal.name })
      .onConflict((oc) => oc.column("name").doUpdateSet({ value, updated_by: principal.name, updated_at: new Date() }))
      .execute();
    await recordMasterChange(tx, {
      entity: "plant_settings",
      key: NAME,
      actor: principal.name,
      roles: principal.roles,
      data: { overdueSupplyDelayDays: { from: before.overdueSupplyDelayDays, to: after.overdueSupplyDelayDays } },
    });
    return getPurchasingSettings(tx);
  });
}
