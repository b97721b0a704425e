// Query: stock balances by item and location with the item's name and unit, for the warehouse's stock page.
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import { fromMilli, milli } from "./adjust-stock.js";

/** Balances by item and location with the item's name and unit, for the warehouse's stock page. */
export async function listStock(db: Kysely<DB>, filter: { q?: string; location?: string; limit: number; offset: number }) {
  let query = db
    .selectFrom("inventory_balances as b")
    .innerJoin("items as i", "i.sku", "b.sku")
    .select(["b.sku", "i.name", "i.uom", "i.kind", "b.location", "b.on_hand", "b.reserved", "b.updated_at"]);
  if (filter.location) query = query.where("b.location", "=", filter.location);
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb("b.sku", "ilike", like), eb("i.name", "ilike", like)]));
  }
  const rows = await query.orderBy("b.sku").orderBy("b.location").limit(filter.limit).offset(filter.offset).execute();
  const locations = await db.selectFrom("locations").select(["code", "name"]).orderBy("code").execute();
  return {
    locations,
    balances: rows.map((r) => ({
      sku: r.sku,
      name: r.name,
      uom: r.uom,
      kind: r.kind,
      location: r.location,
      onHand: fromMilli(milli(r.on_hand)),
      reserved: fromMilli(milli(r.reserved)),
      available: fromMilli(milli(r.on_hand) - milli(r.reserved)),
      updatedAt: new Date(r.updated_at).toISOString(),
    })),
  };
}
