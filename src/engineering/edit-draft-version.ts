// Use case: engineering replaces the content of a draft BOM or routing version. A released (or
// superseded) version is what orders were built to: it is refused here, and by the database's trigger.
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import { refused } from "../core/errors.js";
import { checkBomLines, checkOperations } from "./check-version-content.js";
import { findVersion } from "./find-version.js";
import { lockSku } from "./lock-sku.js";
import type { BomVersionInput, RoutingVersionInput } from "./schemas.js";
import { deleteDraftContent, insertBomLines, insertOperations } from "./store.js";

export async function editDraftVersion(
  db: Kysely<DB>,
  sku: string,
  version: number,
  input: { kind: "bom"; body: BomVersionInput } | { kind: "routing"; body: RoutingVersionInput },
) {
  return db.transaction().execute(async (tx) => {
    await lockSku(tx, sku);
    const table = input.kind === "bom" ? "bom_versions" : "routing_versions";
    const header = await findVersion(tx, table, sku, version);
    if (header.status !== "draft") {
      throw refused("engineering.version_released", { sku, version, what: input.kind === "bom" ? "BOM" : "routing" }, "version");
    }
    if (input.kind === "bom") await checkBomLines(tx, sku, input.body.lines);
    else await checkOperations(tx, input.body.operations);
    await deleteDraftContent(tx, table, header.id);
    if (input.kind === "bom") await insertBomLines(tx, header.id, input.body.lines);
    else await insertOperations(tx, header.id, input.body.operations);
    await tx
      .updateTable(table)
      .set({ note: input.body.note, ...(input.body.effectiveFrom ? { effective_from: input.body.effectiveFrom } : {}) })
      .where("id", "=", header.id)
      .execute();
    return { ...header, note: input.body.note, effective_from: input.body.effectiveFrom ?? header.effective_from };
  });
}
