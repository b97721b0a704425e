// Use case: engineering adds an item (a product, a sub-assembly or a purchased part) with the parameter
// definitions its order lines may carry.
import type { Kysely } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { isUniqueViolation } from "../core/db/unique-violation.js";
import { AppError } from "../core/errors.js";
import { publishChange } from "../events/publish-change.js";
import type { CreateItem } from "./schemas.js";
import { getItem } from "./store.js";

export async function createItem(db: Kysely<DB>, _principal: Principal, input: CreateItem) {
  try {
    await db.transaction().execute(async (tx) => {
      await tx
        .insertInto("items")
        .values({
          sku: input.sku,
          name: input.name,
          kind: input.kind,
          family: input.family,
          uom: input.uom,
          unit_price: input.unitPrice,
          lead_time_days: input.leadTimeDays,
          serialised: input.serialised,
          warranty_months: input.warrantyMonths ?? null,
          param_schema: JSON.stringify(input.paramSchema),
        })
        .execute();
      await publishChange(tx, { kind: "master", entity: "item", key: input.sku });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", "item.exists", { sku: input.sku }, "sku");
    throw error;
  }
  return (await getItem(db, input.sku))!;
}
