// SQL for items and their BOM and routing versions.
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";

export async function getItem(db: Kysely<DB>, sku: string) {
  return db.selectFrom("items").selectAll().where("sku", "=", sku).executeTakeFirst();
}

export async function listItems(db: Kysely<DB>, filter: { q?: string; kind?: string; limit: number; offset: number }) {
  let query = db.selectFrom("items").selectAll();
  if (filter.kind) query = query.where("kind", "=", filter.kind as "finished");
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb("sku", "ilike", like), eb("name", "ilike", like), eb("family", "ilike", like)]));
  }
  return query.orderBy("sku").limit(filter.limit).offset(filter.offset).execute();
}

export async function listVersions(db: Kysely<DB>, table: "bom_versions" | "routing_versions", sku: string) {
  return db.selectFrom(table).selectAll().where("sku", "=", sku).orderBy("version").execute();
}

export async function bomLines(db: Kysely<DB>, bomVersionId: number) {
  return db
    .selectFrom("bom_lines")
    .innerJoin("items", "items.sku", "bom_lines.component_sku")
    .select(["bom_lines.component_sku", "bom_lines.qty_per", "items.name", "items.kind", "items.uom"])
    .where("bom_version_id", "=", bomVersionId)
    .orderBy("component_sku")
    .execute();
}

export async function routingOperations(db: Kysely<DB>, routingVersionId: number) {
  return db.selectFrom("routing_operations").selectAll().where("routing_version_id", "=", routingVersionId).orderBy("seq").execute();
}
