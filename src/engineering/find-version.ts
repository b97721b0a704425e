// A BOM or routing version by its item and number, or a 404 naming it.
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../core/db/schema.js";
import { notFound } from "../core/errors.js";
import { getVersion, type VersionTable } from "./store.js";

export async function findVersion(db: Kysely<DB> | Transaction<DB>, table: VersionTable, sku: string, version: number, lock = false) {
  const header = await getVersion(db, table, sku, version, lock);
  if (!header) throw notFound("engineering.version_not_found", { sku, version, what: table === "bom_versions" ? "BOM" : "routing" }, "version");
  return header;
}
