// Use case: where an item is used: the items whose released BOM holds it, level by level upwards.
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import { notFound } from "../core/errors.js";
import { getItem, whereUsed } from "./store.js";

export async function getWhereUsed(db: Kysely<DB>, sku: string, levels = 10) {
  const item = await getItem(db, sku);
  if (!item) throw notFound("item.not_found", { sku }, "sku");
  const rows = await whereUsed(db, sku, levels);
  const names = new Map(
    rows.length
      ? (
          await db
            .selectFrom("items")
            .select(["sku", "name", "kind"])
            .where(
              "sku",
              "in",
              rows.map((r) => r.parent),
            )
            .execute()
        ).map((i) => [i.sku, i])
      : [],
  );
  return {
    sku,
    name: item.name,
    parents: rows.map((r) => ({
      level: Number(r.level),
      sku: r.parent,
      name: names.get(r.parent)?.name ?? r.parent,
      kind: names.get(r.parent)?.kind ?? "finished",
      bomVersion: Number(r.version),
      component: r.child,
      qtyPer: r.qty_per,
    })),
  };
}
