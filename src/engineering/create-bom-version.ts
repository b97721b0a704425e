// Use case: engineering drafts a new BOM version of an item (the next number); it changes freely until
// it is released, by itself or by an engineering change.
import type { Kysely } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { refused } from "../core/errors.js";
import { plantDay } from "../core/plant-day.js";
import { checkBomLines } from "./check-version-content.js";
import { lockSku } from "./lock-sku.js";
import type { BomVersionInput } from "./schemas.js";
import { insertBomLines, insertVersion } from "./store.js";

export async function createBomVersion(db: Kysely<DB>, principal: Principal, sku: string, input: BomVersionInput) {
  return db.transaction().execute(async (tx) => {
    const item = await lockSku(tx, sku);
    if (item.kind === "purchased") throw refused("engineering.purchased_has_no_bom", { sku }, "sku");
    await checkBomLines(tx, sku, input.lines);
    const header = await insertVersion(tx, "bom_versions", {
      sku,
      effectiveFrom: input.effectiveFrom ?? plantDay(new Date()),
      note: input.note,
      createdBy: principal.name,
    });
    await insertBomLines(tx, header.id, input.lines);
    return header;
  });
}
