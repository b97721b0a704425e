// What a cost roll-up reads from engineering: the BOM and routing versions named, and below them the
// versions of each made component in force on the day, with the item prices (a purchased part's price is
// what the plant pays for it) and the work centres' hourly rates. Reads only; the roll-up is quotes' own.
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";

export interface CostingMaster {
  items: Map<string, { name: string; kind: string; unitPrice: string; uom: string }>;
  bomLines: Map<number, { componentSku: string; qtyPer: number }[]>;
  operations: Map<number, { workCentre: string; setupHours: number; runHoursPerUnit: number; hourlyRate: string }[]>;
  /** Made components (those with a BOM): the versions in force on the day. */
  effectiveBom: Map<string, number>;
  effectiveRouting: Map<string, number>;
}

const MAX_LEVELS = 8;

/** Each sku's version whose effective date has come, newest first. */
async function inForce(db: Kysely<DB>, table: "bom_versions" | "routing_versions", skus: string[], day: string) {
  if (!skus.length) return new Map<string, number>();
  const rows = await db
    .selectFrom(table)
    .select(["sku", "id"])
    .distinctOn("sku")
    .where("sku", "in", skus)
    .where("effective_from", "<=", day)
    .orderBy("sku")
    .orderBy("version", "desc")
    .execute();
  return new Map(rows.map((r) => [r.sku, r.id]));
}

export async function readCostingMaster(
  db: Kysely<DB>,
  pins: { sku: string; bomVersionId: number | null; routingVersionId: number | null }[],
  day: string,
): Promise<CostingMaster> {
  const master: CostingMaster = { items: new Map(), bomLines: new Map(), operations: new Map(), effectiveBom: new Map(), effectiveRouting: new Map() };
  let boms = pins.map((p) => p.bomVersionId).filter((id): id is number => id !== null);
  let routings = pins.map((p) => p.routingVersionId).filter((id): id is number => id !== null);
  let skus = pins.map((p) => p.sku);
  // One level of the structure per round: a BOM's made components are costed on their own versions.
  for (let level = 0; level < MAX_LEVELS && (boms.length || routings.length || skus.length); level++) {
    if (skus.length) {
      const rows = await db.selectFrom("items").select(["sku", "name", "kind", "unit_price", "uom"]).where("sku", "in", skus).execute();
      for (const r of rows) master.items.set(r.sku, { name: r.name, kind: r.kind, unitPrice: r.unit_price, uom: r.uom });
    }
    if (routings.length) {
      const ops = await db
        .selectFrom("routing_operations")
        .innerJoin("work_centres", "work_centres.code", "routing_operations.work_centre")
        .select(["routing_version_id", "work_centre", "setup_hours", "run_hours_per_unit", "work_centres.hourly_rate"])
        .where("routing_version_id", "in", routings)
        .orderBy("seq")
        .execute();
      for (const id of routings) master.operations.set(id, []);
      for (const o of ops)
        master.operations.get(o.routing_version_id)?.push({
          workCentre: o.work_centre,
          setupHours: Number(o.setup_hours),
          runHoursPerUnit: Number(o.run_hours_per_unit),
          hourlyRate: o.hourly_rate,
        });
    }
    const components: string[] = [];
    if (boms.length) {
      const lines = await db
        .selectFrom("bom_lines")
        .select(["bom_version_id", "component_sku", "qty_per"])
        .where("bom_version_id", "in", boms)
        .orderBy("component_sku")
        .execute();
      for (const id of boms) master.bomLines.set(id, []);
      for (const l of lines) {
        master.bomLines.get(l.bom_version_id)?.push({ componentSku: l.component_sku, qtyPer: Number(l.qty_per) });
        if (!master.items.has(l.component_sku) && !components.includes(l.component_sku)) components.push(l.component_sku);
      }
    }
    const subBoms = await inForce(db, "bom_versions", components, day);
    const subRoutings = await inForce(db, "routing_versions", [...subBoms.keys()], day);
    for (const [sku, id] of subBoms) master.effectiveBom.set(sku, id);
    for (const [sku, id] of subRoutings) master.effectiveRouting.set(sku, id);
    boms = [...subBoms.values()].filter((id) => !master.bomLines.has(id));
    routings = [...subRoutings.values()].filter((id) => !master.operations.has(id));
    skus = components;
  }
  return master;
}

/** A sku's BOM or routing version by its number, or the one in force on the day. */
export async function findVersion(db: Kysely<DB>, table: "bom_versions" | "routing_versions", sku: string, day: string, version?: number) {
  const query = db.selectFrom(table).select(["id", "version", "effective_from"]).where("sku", "=", sku);
  if (version !== undefined) return query.where("version", "=", version).executeTakeFirst();
  return query.where("effective_from", "<=", day).orderBy("version", "desc").limit(1).executeTakeFirst();
}

/** The version numbers of BOM and routing version ids (for showing them). */
export async function versionNumbers(db: Kysely<DB>, table: "bom_versions" | "routing_versions", ids: number[]) {
  if (!ids.length) return new Map<number, number>();
  const rows = await db.selectFrom(table).select(["id", "version"]).where("id", "in", ids).execute();
  return new Map(rows.map((r) => [r.id, r.version]));
}
