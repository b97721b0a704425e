// The master data order intake reads (customers' credit, items, the BOM and routing versions in force),
// cached per app instance and per master revision: one tiny query per order instead of four, and a
// change made on any instance is seen by the very next order (the revision moves with it).
import { type Kysely, sql } from "kysely";
import type { DB } from "../core/db/schema.js";
import type { IntakeContext, IntakeCustomer, IntakeItem } from "./model/build-order.js";
import { masterRevision, readAllIntakeData, readIntakeData } from "./store.js";

interface Cache {
  revision: number;
  today: string;
  customers: Map<string, IntakeCustomer>;
  items: Map<string, IntakeItem>;
  bomVersionBySku: Map<string, number>;
  routingVersionBySku: Map<string, number>;
  /** SKUs whose versions were looked up (with or without a version in force). */
  versionsRead: Set<string>;
  /** The whole catalogue was read: what is not here does not exist (at this revision). */
  complete: boolean;
}
/** Up to this many customers and items are read whole when the cache is built. */
const WHOLE_CATALOGUE = 50_000;
const caches = new WeakMap<object, Cache>();

/** Both revisions an intake depends on, in one round trip: the master data's and the rules'. */
export async function readRevisions(db: Kysely<DB>): Promise<{ master: number; rules: number }> {
  const row = await sql<{ master: string; rules: string }>`select m.revision as master, r.revision as rules from master_revision m, rules_revision r`.execute(
    db,
  );
  return { master: Number(row.rows[0].master), rules: Number(row.rows[0].rules) };
}

/** `revision`: the master revision when the caller has just read it (see readRevisions). */
export async function loadIntakeContext(db: Kysely<DB>, customerCodes: string[], skus: string[], today: string, revision?: number): Promise<IntakeContext> {
  revision ??= await masterRevision(db);
  let cache = caches.get(db);
  if (!cache || cache.revision !== revision || cache.today !== today) {
    const all = await readAllIntakeData(db, today, WHOLE_CATALOGUE);
    cache = {
      revision,
      today,
      customers: new Map(all?.customers.map((c) => [c.code, c])),
      items: new Map(all?.items.map((i) => [i.sku, i])),
      bomVersionBySku: all?.bomVersionBySku ?? new Map(),
      routingVersionBySku: all?.routingVersionBySku ?? new Map(),
      versionsRead: new Set(),
      complete: all !== undefined,
    };
    caches.set(db, cache);
  }
  const c = cache;
  if (c.complete) return { today, customers: c.customers, items: c.items, bomVersionBySku: c.bomVersionBySku, routingVersionBySku: c.routingVersionBySku };
  const missingCustomers = customerCodes.filter((code) => !c.customers.has(code));
  const missingSkus = skus.filter((sku) => !c.items.has(sku) || !c.versionsRead.has(sku));
  if (missingCustomers.length || missingSkus.length) {
    const read = await readIntakeData(db, missingCustomers, missingSkus, today);
    for (const customer of read.customers) c.customers.set(customer.code, customer);
    for (const item of read.items) c.items.set(item.sku, item);
    for (const [sku, id] of read.bomVersionBySku) c.bomVersionBySku.set(sku, id);
    for (const [sku, id] of read.routingVersionBySku) c.routingVersionBySku.set(sku, id);
    for (const sku of missingSkus) c.versionsRead.add(sku);
  }
  return { today, customers: c.customers, items: c.items, bomVersionBySku: c.bomVersionBySku, routingVersionBySku: c.routingVersionBySku };
}
