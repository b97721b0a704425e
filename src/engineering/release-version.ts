// Use case: a draft BOM or routing version goes live from its effective date; the version released
// before it is superseded (still in force until that date, and for the orders pinned to it). Called by
// the route and, in its own transaction, by an engineering change's release.
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../core/db/schema.js";
import { refused } from "../core/errors.js";
import { publishChange } from "../events/publish-change.js";
import { findVersion } from "./find-version.js";
import { lockSku } from "./lock-sku.js";
import { markReleased, type VersionTable } from "./store.js";

export async function releaseVersionIn(tx: Transaction<DB>, table: VersionTable, sku: string, version: number, by: string, effectiveFrom?: string) {
  await lockSku(tx, sku);
  const header = await findVersion(tx, table, sku, version, true);
  if (header.status !== "draft") throw refused("engineering.not_draft", { sku, version, what: table === "bom_versions" ? "BOM" : "routing" }, "version");
  const from = effectiveFrom ?? header.effective_from;
  await markReleased(tx, table, header.id, sku, from, by);
  await publishChange(tx, { kind: "master", entity: table === "bom_versions" ? "bom" : "routing", key: `${sku}/V${version}` });
  return { ...header, status: "released" as const, effective_from: from };
}

export async function releaseVersion(db: Kysely<DB>, table: VersionTable, sku: string, version: number, by: string, effectiveFrom?: string) {
  return db.transaction().execute((tx) => releaseVersionIn(tx, table, sku, version, by, effectiveFrom));
}
