// SQL for items and their BOM and routing versions.
import { type Kysely, sql, type Transaction } from "kysely";
import type { DB } from "../core/db/schema.js";

type Db = Kysely<DB> | Transaction<DB>;
export type VersionTable = "bom_versions" | "routing_versions";

export async function getItem(db: Db, sku: string, lock = false) {
  return db
    .selectFrom("items")
    .selectAll()
    .where("sku", "=", sku)
    .$if(lock, (q) => q.forUpdate())
    .executeTakeFirst();
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

export async function listVersions(db: Db, table: VersionTable, sku: string) {
  return db.selectFrom(table).selectAll().where("sku", "=", sku).orderBy("version").execute();
}

export async function bomLines(db: Db, bomVersionId: number) {
  return db
    .selectFrom("bom_lines")
    .innerJoin("items", "items.sku", "bom_lines.component_sku")
    .select(["bom_lines.component_sku", "bom_lines.qty_per", "bom_lines.scrap_factor", "bom_lines.substitutes", "items.name", "items.kind", "items.uom"])
    .where("bom_version_id", "=", bomVersionId)
    .orderBy("component_sku")
    .execute();
}

export async function routingOperations(db: Db, routingVersionId: number) {
  return db.selectFrom("routing_operations").selectAll().where("routing_version_id", "=", routingVersionId).orderBy("seq").execute();
}

export async function getVersion(db: Db, table: VersionTable, sku: string, version: number, lock = false) {
  return db
    .selectFrom(table)
    .selectAll()
    .where("sku", "=", sku)
    .where("version", "=", version)
    .$if(lock, (q) => q.forUpdate())
    .executeTakeFirst();
}

export async function getVersionById(db: Db, table: VersionTable, id: number) {
  return db.selectFrom(table).selectAll().where("id", "=", id).executeTakeFirst();
}

export interface NewBomLine {
  sku: string;
  qtyPer: string;
  scrapFactor: string;
  substitutes: string[];
}
export interface NewOperation {
  seq: number;
  workCentre: string;
  setupHours: string;
  runHoursPerUnit: string;
  splittable: boolean;
}

/** The next version number of the item's BOM or routing (the item's row is locked by the caller). */
export async function insertVersion(tx: Transaction<DB>, table: VersionTable, header: { sku: string; effectiveFrom: string; note: string; createdBy: string }) {
  const { next } = await tx
    .selectFrom(table)
    .select(sql<number>`coalesce(max(version), 0) + 1`.as("next"))
    .where("sku", "=", header.sku)
    .executeTakeFirstOrThrow();
  return tx
    .insertInto(table)
    .values({ sku: header.sku, version: Number(next), effective_from: header.effectiveFrom, note: header.note, created_by: header.createdBy, status: "draft" })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertBomLines(tx: Transaction<DB>, versionId: number, lines: NewBomLine[]) {
  if (!lines.length) return;
  await tx
    .insertInto("bom_lines")
    .values(lines.map((l) => ({ bom_version_id: versionId, component_sku: l.sku, qty_per: l.qtyPer, scrap_factor: l.scrapFactor, substitutes: l.substitutes })))
    .execute();
}

export async function insertOperations(tx: Transaction<DB>, versionId: number, ops: NewOperation[]) {
  if (!ops.length) return;
  await tx
    .insertInto("routing_operations")
    .values(
      ops.map((o) => ({
        routing_version_id: versionId,
        seq: o.seq,
        work_centre: o.workCentre,
        setup_hours: o.setupHours,
        run_hours_per_unit: o.runHoursPerUnit,
        splittable: o.splittable,
      })),
    )
    .execute();
}

export async function deleteDraftContent(tx: Transaction<DB>, table: VersionTable, versionId: number) {
  if (table === "bom_versions") await tx.deleteFrom("bom_lines").where("bom_version_id", "=", versionId).execute();
  else await tx.deleteFrom("routing_operations").where("routing_version_id", "=", versionId).execute();
}

/** Releases a draft; the versions released before it are superseded (they stay in force until its date). */
export async function markReleased(tx: Transaction<DB>, table: VersionTable, id: number, sku: string, effectiveFrom: string, by: string) {
  await tx.updateTable(table).set({ status: "superseded" }).where("sku", "=", sku).where("status", "=", "released").where("id", "<>", id).execute();
  await tx
    .updateTable(table)
    .set({ status: "released", effective_from: effectiveFrom, released_at: new Date(), released_by: by })
    .where("id", "=", id)
    .execute();
}

/** Items whose released BOM uses `sku`, level by level up to `maxLevels` (1 = direct parents). */
export async function whereUsed(db: Db, sku: string, maxLevels: number) {
  const rows = await sql<{ parent: string; child: string; level: number; version: number; qty_per: string }>`
    with recursive used(parent, child, level, version, qty_per) as (
      select v.sku, l.component_sku, 1, v.version, l.qty_per
        from bom_lines l join bom_versions v on v.id = l.bom_version_id
       where l.component_sku = ${sku} and v.status = 'released'
      union
      select v.sku, l.component_sku, u.level + 1, v.version, l.qty_per
        from used u
        join bom_lines l on l.component_sku = u.parent
        join bom_versions v on v.id = l.bom_version_id
       where v.status = 'released' and u.level < ${maxLevels}
    )
    select parent, child, level, version, qty_per from used order by level, parent, version`.execute(db);
  return rows.rows;
}
