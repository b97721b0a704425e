// Use case: one change notice with its change lines and the versions it leaves and brings.
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import { getItem } from "../engineering/store.js";
import { findEcn } from "./find-ecn.js";
import { ecnLines, versionNumbers } from "./store.js";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function getEcn(db: Kysely<DB>, ecnNo: string) {
  const ecn = await findEcn(db, ecnNo);
  const ids = (a: number | null, b: number | null) => [a, b].filter((x): x is number => x !== null);
  const [item, lines, versions] = await Promise.all([
    getItem(db, ecn.sku),
    ecnLines(db, ecnNo),
    versionNumbers(db, ids(ecn.from_bom_version_id, ecn.to_bom_version_id), ids(ecn.from_routing_version_id, ecn.to_routing_version_id)),
  ]);
  const v = (map: Map<number, number>, id: number | null) => (id === null ? null : (map.get(id) ?? null));
  return {
    ecnNo: ecn.ecn_no,
    title: ecn.title,
    reason: ecn.reason,
    sku: ecn.sku,
    itemName: item?.name ?? ecn.sku,
    status: ecn.status,
    effectivity: ecn.effectivity,
    effectiveDate: ecn.effective_date,
    bom: { from: v(versions.bom, ecn.from_bom_version_id), to: v(versions.bom, ecn.to_bom_version_id) },
    routing: { from: v(versions.routing, ecn.from_routing_version_id), to: v(versions.routing, ecn.to_routing_version_id) },
    lines: lines.map((l) => ({ lineNo: l.line_no, kind: l.kind, ref: l.ref, from: l.from_value, to: l.to_value })),
    createdBy: ecn.created_by,
    createdAt: ecn.created_at.toISOString(),
    approvedBy: ecn.approved_by,
    approvedAt: iso(ecn.approved_at),
    releasedBy: ecn.released_by,
    releasedAt: iso(ecn.released_at),
  };
}
