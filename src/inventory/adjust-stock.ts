// Use case: the warehouse corrects a stock balance by hand — an adjustment by a quantity, or a cycle
// count that sets what was counted — always with a reason. Logged as a master-data change (the data
// autonomy figure), rules listening to stock changes run, and every open board hears of it.
import type { Kysely } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { AppError, refused } from "../core/errors.js";
import { recordMasterChange } from "../customers/store.js";
import { publishChange } from "../events/publish-change.js";
import { fireInventoryChanged } from "../rules/fire-inventory-changed.js";

export interface StockAdjustment {
  sku: string;
  location: string;
  /** adjust: `qty` is added (negative takes away); count: `qty` is what was counted. */
  kind: "adjust" | "count";
  qty: number;
  reason: string;
}

/** Quantities are numeric(14,3): compared and stored in thousandths, never as binary fractions. */
export const milli = (q: string | number) => Math.round(Number(q) * 1000);
export const fromMilli = (m: number) => (m / 1000).toString();

export async function adjustStock(db: Kysely<DB>, principal: Principal, input: StockAdjustment) {
  return db.transaction().execute(async (tx) => {
    const [item, location] = await Promise.all([
      tx.selectFrom("items").select(["sku", "name", "uom"]).where("sku", "=", input.sku).executeTakeFirst(),
      tx.selectFrom("locations").select("code").where("code", "=", input.location).executeTakeFirst(),
    ]);
    if (!item) throw new AppError("invalid", "item.not_found", { sku: input.sku }, "sku");
    if (!location) throw new AppError("invalid", "location.not_found", { code: input.location }, "location");
    // Locked as reservations lock it, so a reservation in flight waits and then sees the new balance.
    const balance = await tx
      .selectFrom("inventory_balances")
      .select(["on_hand", "reserved"])
      .where("sku", "=", input.sku)
      .where("location", "=", input.location)
      .forNoKeyUpdate()
      .executeTakeFirst();
    const before = milli(balance?.on_hand ?? 0);
    const reserved = milli(balance?.reserved ?? 0);
    const after = input.kind === "count" ? milli(input.qty) : before + milli(input.qty);
    const params = { sku: input.sku, location: input.location, onHand: fromMilli(after), reserved: fromMilli(reserved) };
    if (after < 0) throw refused("stock.negative", params, "qty");
    if (after < reserved) throw refused("stock.below_reserved", params, "qty");
    if (after === before) throw refused("stock.no_change", { onHand: fromMilli(before) }, "qty");
    await tx
      .insertInto("inventory_balances")
      .values({ sku: input.sku, location: input.location, on_hand: fromMilli(after), reserved: "0" })
      .onConflict((oc) => oc.columns(["sku", "location"]).doUpdateSet({ on_hand: fromMilli(after), updated_at: new Date() }))
      .execute();
    const change = { kind: input.kind, onHand: { from: fromMilli(before), to: fromMilli(after) }, delta: fromMilli(after - before), reason: input.reason };
    await recordMasterChange(tx, { entity: "stock", key: `${input.sku}@${input.location}`, actor: principal.name, roles: principal.roles, data: change });
    await fireInventoryChanged(tx, db, [input.sku]);
    await publishChange(tx, { kind: "master", entity: "stock", key: `${input.sku}@${input.location}` });
    return {
      sku: item.sku,
      name: item.name,
      uom: item.uom,
      location: input.location,
      ...change,
      reserved: fromMilli(reserved),
      available: fromMilli(after - reserved),
    };
  });
}
