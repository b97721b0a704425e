// Use case: add a supplier with its contacts, lead time, shutdowns, receipt tolerance and the items it
// sells (lead time and price per item; one preferred supplier per item).
import type { Kysely } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { isUniqueViolation } from "../core/db/unique-violation.js";
import { AppError } from "../core/errors.js";
import { recordMasterChange } from "../customers/store.js";
import { publishChange } from "../events/publish-change.js";
import type { CreateSupplier } from "./schemas.js";

export async function createSupplier(db: Kysely<DB>, principal: Principal, input: CreateSupplier) {
  try {
    await db.transaction().execute(async (tx) => {
      const skus = [...new Set(input.items.map((i) => i.sku))];
      if (skus.length !== input.items.length) throw new AppError("invalid", "field.invalid", { field: "items", detail: "each item once" }, "items");
      const known = skus.length ? await tx.selectFrom("items").select("sku").where("sku", "in", skus).execute() : [];
      const missing = input.items.findIndex((i) => !known.some((k) => k.sku === i.sku));
      if (missing >= 0) throw new AppError("invalid", "item.not_found", { sku: input.items[missing].sku }, `items[${missing}].sku`);
      await tx
        .insertInto("suppliers")
        .values({
          code: input.code,
          name: input.name,
          contacts: JSON.stringify(input.contacts),
          lead_time_days: input.leadTimeDays,
          closures: JSON.stringify(input.closures),
          receipt_tolerance_pct: input.receiptTolerancePct,
          created_by: principal.name,
        })
        .execute();
      if (input.items.length) {
        // A new preferred supplier takes the item over from the previous one.
        const preferred = input.items.filter((i) => i.preferred).map((i) => i.sku);
        if (preferred.length) await tx.updateTable("supplier_items").set({ preferred: false }).where("sku", "in", preferred).execute();
        await tx
          .insertInto("supplier_items")
          .values(
            input.items.map((i) => ({
              supplier_code: input.code,
              sku: i.sku,
              lead_time_days: i.leadTimeDays ?? input.leadTimeDays,
              price_fen: i.priceFen,
              preferred: i.preferred,
            })),
          )
          .execute();
      }
      await recordMasterChange(tx, { entity: "supplier", key: input.code, actor: principal.name, roles: principal.roles, data: { created: input } });
      await publishChange(tx, { kind: "master", entity: "supplier", key: input.code });
    });
  } catch (error) {
    if (isUniqueViolation(error, "suppliers_pkey")) throw new AppError("conflict", "supplier.exists", { code: input.code }, "code");
    throw error;
  }
  return input.code;
}
