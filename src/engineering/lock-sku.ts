// The item's row locked for the transaction: version numbers of one item are handed out one at a time.
import type { Transaction } from "kysely";
import type { DB } from "../core/db/schema.js";
import { notFound } from "../core/errors.js";
import { getItem } from "./store.js";

export async function lockSku(tx: Transaction<DB>, sku: string) {
  const item = await getItem(tx, sku, true);
  if (!item) throw notFound("item.not_found", { sku }, "sku");
  return item;
}
