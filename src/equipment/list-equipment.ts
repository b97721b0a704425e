// Use case: the installed base filtered by model or customer (the look-up when only the model is known).
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";

export async function listEquipment(db: Kysely<DB>, filter: { model?: string; customer?: string; limit: number }) {
  let q = db
    .selectFrom("equipment")
    .innerJoin("items", "items.sku", "equipment.sku")
    .select([
      "equipment.serial",
      "equipment.sku",
      "items.name",
      "equipment.customer_code",
      "equipment.site",
      "equipment.installed_on",
      "equipment.warranty_until",
    ])
    .orderBy("equipment.serial")
    .limit(filter.limit);
  if (filter.model) q = q.where("equipment.sku", "=", filter.model);
  if (filter.customer) q = q.where("equipment.customer_code", "=", filter.customer);
  const rows = await q.execute();
  return rows.map((r) => ({
    serial: r.serial,
    model: { sku: r.sku, name: r.name },
    customer: r.customer_code,
    site: r.site,
    installedOn: r.installed_on,
    warrantyUntil: r.warranty_until,
  }));
}
