// Use case: engineering edits an item's fields or its parameter definitions (If-Match: the item's version).
import type { Kysely } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { AppError, notFound } from "../core/errors.js";
import { publishChange } from "../events/publish-change.js";
import type { UpdateItem } from "./schemas.js";
import { getItem } from "./store.js";

export async function updateItem(db: Kysely<DB>, _principal: Principal, sku: string, input: UpdateItem, expectedVersion?: number) {
  await db.transaction().execute(async (tx) => {
    const item = await getItem(tx, sku, true);
    if (!item) throw notFound("item.not_found", { sku }, "sku");
    if (expectedVersion !== undefined && item.version !== expectedVersion) {
      throw new AppError("stale_version", "item.stale_version", { sku, current: item.version }, "If-Match", { currentVersion: item.version });
    }
    await tx
      .updateTable("items")
      .set((eb) => ({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.kind !== undefined ? { kind: input.kind } : {}),
        ...(input.family !== undefined ? { family: input.family } : {}),
        ...(input.uom !== undefined ? { uom: input.uom } : {}),
        ...(input.unitPrice !== undefined ? { unit_price: input.unitPrice } : {}),
        ...(input.leadTimeDays !== undefined ? { lead_time_days: input.leadTimeDays } : {}),
        ...(input.serialised !== undefined ? { serialised: input.serialised } : {}),
        ...(input.warrantyMonths !== undefined ? { warranty_months: input.warrantyMonths } : {}),
        ...(input.paramSchema !== undefined ? { param_schema: JSON.stringify(input.paramSchema) } : {}),
        version: eb("version", "+", 1),
      }))
      .where("sku", "=", sku)
      .execute();
    await publishChange(tx, { kind: "master", entity: "item", key: sku });
  });
  return (await getItem(db, sku))!;
}
