// Pure generator of a year of master-data changes (who kept customers, items, BOM and routing versions,
// the calendar, stock corrections and plans), so the data-autonomy figure has a history to show: before
// the go-live (120 days ago, when the order history gets busier) IT keeps most master data, as the seed
// found in the industry (38% by the business); after it, the business keeps nearly all of it.
import type { MasterChangesTable } from "../core/db/schema.js";
import { addDays, plantInstant } from "./dates.js";
import type { Rng } from "./random.js";
import type { CustomerRow, ItemRow } from "./rows.js";

export type MasterChangeRow = Omit<MasterChangesTable, "id" | "at" | "change"> & { at: Date; change: string };

export const GO_LIVE_DAYS_AGO = 120;
const BUSINESS_SHARE_BEFORE = 0.38;
const BUSINESS_SHARE_AFTER = 0.95;

/** entity → the business roles that keep it, and which fields change. */
const KEEPERS: Record<string, { roles: string[]; fields: string[] }> = {
  customer: { roles: ["sales", "service", "finance"], fields: ["contact_phone", "contact_name", "special_terms", "credit_limit"] },
  item: { roles: ["engineering"], fields: ["lead_time_days", "unit_price", "name"] },
  bom_version: { roles: ["engineering"], fields: ["new_version"] },
  routing_version: { roles: ["engineering"], fields: ["new_version"] },
  calendar: { roles: ["planner"], fields: ["shutdown", "maintenance_window", "shifts"] },
  inventory_correction: { roles: ["warehouse"], fields: ["on_hand"] },
  plan: { roles: ["planner"], fields: ["due_date"] },
};
const ENTITY_WEIGHTS = [5, 3, 1, 1, 1, 2, 2];

export function generateMasterChanges(rng: Rng, input: { today: string; customers: CustomerRow[]; items: ItemRow[] }): MasterChangeRow[] {
  const rows: MasterChangeRow[] = [];
  const entities = Object.keys(KEEPERS);
  for (let age = 364; age >= 1; age--) {
    const day = addDays(input.today, -age);
    const count = rng.int(0, age < GO_LIVE_DAYS_AGO ? 6 : 3);
    const businessShare = age < GO_LIVE_DAYS_AGO ? BUSINESS_SHARE_AFTER : BUSINESS_SHARE_BEFORE;
    for (let i = 0; i < count; i++) {
      const entity = rng.weighted(entities, ENTITY_WEIGHTS);
      const keeper = KEEPERS[entity];
      const role = rng.chance(businessShare) ? rng.pick(keeper.roles) : "admin";
      const key =
        entity === "customer"
          ? rng.pick(input.customers).code
          : entity === "calendar"
            ? addDays(day, rng.int(1, 30))
            : entity === "plan"
              ? `DH${day.replaceAll("-", "")}${String(rng.int(1, 40)).padStart(3, "0")}`
              : rng.pick(input.items).sku;
      rows.push({
        entity,
        entity_key: key,
        actor: role,
        actor_roles: [role],
        at: plantInstant(day, rng.float(8.5, 18)),
        change: JSON.stringify({ field: rng.pick(keeper.fields), demo: true }),
      });
    }
  }
  return rows.sort((a, b) => a.at.getTime() - b.at.getTime());
}
