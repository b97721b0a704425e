// Use case: what changes between two versions of an item's BOM (and routing): the typed change lines
// an engineering change lists.
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../core/db/schema.js";
import { findVersion } from "./find-version.js";
import { bomDiff, type ChangeLine, routingDiff } from "./model/version-diff.js";
import { bomLines, routingOperations } from "./store.js";

type Db = Kysely<DB> | Transaction<DB>;

export async function bomVersionDiff(db: Db, fromId: number | null, toId: number | null): Promise<ChangeLine[]> {
  if (toId === null) return [];
  const shape = (rows: Awaited<ReturnType<typeof bomLines>>) =>
    rows.map((l) => ({ sku: l.component_sku, qtyPer: l.qty_per, scrapFactor: l.scrap_factor, substitutes: l.substitutes }));
  const [from, to] = await Promise.all([fromId === null ? [] : bomLines(db, fromId), bomLines(db, toId)]);
  return bomDiff(shape(from), shape(to));
}

export async function routingVersionDiff(db: Db, fromId: number | null, toId: number | null): Promise<ChangeLine[]> {
  if (toId === null) return [];
  const shape = (rows: Awaited<ReturnType<typeof routingOperations>>) =>
    rows.map((o) => ({ seq: o.seq, workCentre: o.work_centre, setupHours: o.setup_hours, runHoursPerUnit: o.run_hours_per_unit, splittable: o.splittable }));
  const [from, to] = await Promise.all([fromId === null ? [] : routingOperations(db, fromId), routingOperations(db, toId)]);
  return routingDiff(shape(from), shape(to));
}

export async function diffVersions(db: Kysely<DB>, sku: string, kind: "bom" | "routing", from: number, to: number) {
  const table = kind === "bom" ? "bom_versions" : "routing_versions";
  const [a, b] = await Promise.all([findVersion(db, table, sku, from), findVersion(db, table, sku, to)]);
  const changes = kind === "bom" ? await bomVersionDiff(db, a.id, b.id) : await routingVersionDiff(db, a.id, b.id);
  return { sku, kind, from, to, changes };
}
