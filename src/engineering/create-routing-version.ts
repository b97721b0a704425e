// Use case: engineering drafts a new routing version of an item (operations, work centres, times).
import type { Kysely } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { refused } from "../core/errors.js";
import { plantDay } from "../core/plant-day.js";
import { checkOperations } from "./check-version-content.js";
import { lockSku } from "./lock-sku.js";
import type { RoutingVersionInput } from "./schemas.js";
import { insertOperations, insertVersion } from "./store.js";

export async function createRoutingVersion(db: Kysely<DB>, principal: Principal, sku: string, input: RoutingVersionInput) {
  return db.transaction().execute(async (tx) => {
    const item = await lockSku(tx, sku);
    if (item.kind === "purchased") throw refused("engineering.purchased_has_no_bom", { sku }, "sku");
    await checkOperations(tx, input.operations);
    const header = await insertVersion(tx, "routing_versions", {
      sku,
      effectiveFrom: input.effectiveFrom ?? plantDay(new Date()),
      note: input.note,
      createdBy: principal.name,
    });
    await insertOperations(tx, header.id, input.operations);
    return header;
  });
}
