// Use case: goods received against an in-transit line (a purchase order line): on-hand rises at the
// line's location, in the caller's transaction, the inventory.changed rules run and the boards hear of it.
// The in-transit line itself is updated by whoever owns the order it belongs to (record-purchase-supply.ts).
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../core/db/schema.js";
import { AppError } from "../core/errors.js";
import { publishChange } from "../events/publish-change.js";
import { fromMilli, milli } from "./adjust-stock.js";
import type { InventoryHooks } from "./hooks.js";

export interface Receipt {
  sku: string;
  location: string;
  qty: number;
}

export async function receiveStock(tx: Transaction<DB>, db: Kysely<DB>, receipts: Receipt[], hooks: InventoryHooks) {
  // Fixed lock order (as reservations lock balances), so two receipts never wait for each other in a circle.
  const sorted = [...receipts].sort((a, b) => (a.sku + a.location < b.sku + b.location ? -1 : 1));
  const out: { sku: string; location: string; onHand: { from: string; to: string } }[] = [];
  for (const r of sorted) {
    if (!(r.qty > 0)) throw new AppError("invalid", "field.invalid", { detail: "qty must be greater than 0" }, "qty");
    const balance = await tx
      .selectFrom("inventory_balances")
      .select("on_hand")
      .where("sku", "=", r.sku)
      .where("location", "=", r.location)
      .forNoKeyUpdate()
      .executeTakeFirst();
    const before = milli(balance?.on_hand ?? 0);
    const after = before + milli(r.qty);
    await tx
      .insertInto("inventory_balances")
      .values({ sku: r.sku, location: r.location, on_hand: fromMilli(after), reserved: "0" })
      .onConflict((oc) => oc.columns(["sku", "location"]).doUpdateSet({ on_hand: fromMilli(after), updated_at: new Date() }))
      .execute();
    out.push({ sku: r.sku, location: r.location, onHand: { from: fromMilli(before), to: fromMilli(after) } });
  }
  await hooks.stockChanged(tx, db, [...new Set(receipts.map((r) => r.sku))]);
  for (const r of out) await publishChange(tx, { kind: "master", entity: "stock", key: `${r.sku}@${r.location}` });
  return out;
}
