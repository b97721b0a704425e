// The master data an intake builds orders from (customers' credit, the items, the BOM and routing
// versions in force today), read for the customers and items the orders name: one round trip per order
// or per batch, so a change made on any instance is seen by the very next order.
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import type { IntakeContext } from "./model/build-order.js";
import { readIntakeData } from "./store.js";

export async function readIntakeContext(db: Kysely<DB>, customerCodes: string[], skus: string[], today: string): Promise<IntakeContext> {
  const read = await readIntakeData(db, [...new Set(customerCodes)], [...new Set(skus)], today);
  return {
    today,
    customers: new Map(read.customers.map((c) => [c.code, c])),
    items: new Map(read.items.map((i) => [i.sku, i])),
    bomVersionBySku: read.bomVersionBySku,
    routingVersionBySku: read.routingVersionBySku,
  };
}
