// Use case: fill an empty database with the demo plant (master data, stock, calendar, ~5,000 orders
// with their histories, the rules in force since the go-live and what they decided for the orders taken
// in since then) in one transaction. Users and the other default rules are created elsewhere.
import { type Kysely, sql, type Transaction } from "kysely";
import { SYSTEM } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { plantDay } from "../core/plant-day.js";
import { compileRule } from "../rules/active-rules.js";
import { DEFAULT_RULES } from "../rules/default-rules.js";
import { parseRule } from "../rules/parse-rule.js";
import { insertRule, insertRuleVersion } from "../rules/save-rule.js";
import { writeRuleEffects } from "../rules/write-rule-effects.js";
import { addDays, plantInstant } from "./dates.js";
import { seedDemoFinance } from "./finance.js";
import { DEFAULT_SEED, type DemoPlant, generateDemoPlant } from "./generate-demo-plant.js";
import { GO_LIVE_RULES, goLiveVersion, judgeIntake } from "./intake-rules.js";
import { GO_LIVE_DAYS_AGO } from "./master-changes.js";
import { lastPoSeq } from "./purchasing.js";

export const DEMO_TABLES = [
  "locations",
  "work_centres",
  "items",
  "bom_versions",
  "bom_lines",
  "routing_versions",
  "routing_operations",
  "customers",
  "inventory_balances",
  "supply_lines",
  "suppliers",
  "supplier_items",
  "purchase_orders",
  "purchase_order_lines",
  "purchase_line_events",
  "calendar_exceptions",
  "maintenance_windows",
  "order_sequences",
  "orders",
  "order_lines",
  "order_events",
  "master_changes",
  "shipments",
  "shipment_lines",
  "equipment",
  "equipment_events",
  "service_visits",
  "visit_parts",
  "visit_photos",
  "warranty_cards",
  "replenishment_requests",
  "rules",
  "rule_versions",
  "rule_evaluations",
  "rule_actions",
] as const;
export type DemoTable = (typeof DEMO_TABLES)[number];

export interface DemoSummary {
  /** True when the database already had customers and nothing was written. */
  skipped: boolean;
  seed: number;
  today: string;
  /** Rows inserted per table. */
  counts: Record<DemoTable, number>;
}

export interface DemoOptions {
  seed?: number;
  /** The plant day the demo ends on ('YYYY-MM-DD'); defaults to the plant's today. */
  today?: string;
}

/**
 * The instant the demo history runs up to: now for the current day, 18:00 of a past or future day so
 * that a given day always yields the same data.
 */
export function demoClock(today: string | undefined, wallClock: Date): Date {
  if (!today) return wallClock;
  const evening = plantInstant(today, 18);
  return today === plantDay(wallClock) && evening > wallClock ? wallClock : evening;
}

// PostgreSQL takes at most 65,535 bind parameters per statement.
const MAX_PARAMS = 65_535;
const MAX_ROWS = 1000;

async function insertChunked<T extends object>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<number> {
  if (!rows.length) return 0;
  const size = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMS / Object.keys(rows[0]).length)));
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
  return rows.length;
}

const json = (value: unknown) => JSON.stringify(value);

async function insertPlant(tx: Transaction<DB>, plant: DemoPlant): Promise<Record<DemoTable, number>> {
  const { master, engineering: eng, book } = plant;
  const counts = {} as Record<DemoTable, number>;
  counts.locations = await insertChunked(plant.locations, (c) => tx.insertInto("locations").values(c).execute());
  counts.work_centres = await insertChunked(plant.workCentres, (c) => tx.insertInto("work_centres").values(c).execute());
  counts.items = await insertChunked(master.items, (c) =>
    tx
      .insertInto("items")
      .values(c.map((i) => ({ ...i, param_schema: json(i.param_schema) })))
      .execute(),
  );
  counts.bom_versions = await insertChunked(eng.bomVersions, (c) => tx.insertInto("bom_versions").values(c).execute());
  counts.bom_lines = await insertChunked(eng.bomLines, (c) => tx.insertInto("bom_lines").values(c).execute());
  counts.routing_versions = await insertChunked(eng.routingVersions, (c) => tx.insertInto("routing_versions").values(c).execute());
  counts.routing_operations = await insertChunked(eng.routingOperations, (c) => tx.insertInto("routing_operations").values(c).execute());
  // Version ids were given explicitly (order lines pin them), so move the sequences past them.
  for (const table of ["bom_versions", "routing_versions"]) {
    await sql`select setval(pg_get_serial_sequence(${table}, 'id'), (select coalesce(max(id), 0) + 1 from ${sql.table(table)}), false)`.execute(tx);
  }
  counts.customers = await insertChunked(plant.customers, (c) => tx.insertInto("customers").values(c).execute());
  counts.inventory_balances = await insertChunked(plant.inventory, (c) => tx.insertInto("inventory_balances").values(c).execute());
  counts.supply_lines = await insertChunked(plant.supply, (c) => tx.insertInto("supply_lines").values(c).execute());
  Object.assign(counts, await insertPurchasing(tx, plant.purchasing));
  counts.calendar_exceptions = await insertChunked(plant.calendarExceptions, (c) => tx.insertInto("calendar_exceptions").values(c).execute());
  counts.maintenance_windows = await insertChunked(plant.maintenanceWindows, (c) => tx.insertInto("maintenance_windows").values(c).execute());
  counts.order_sequences = await insertChunked(book.sequences, (c) =>
    tx
      .insertInto("order_sequences")
      .values(c)
      .onConflict((oc) => oc.column("day").doUpdateSet({ last_seq: sql`greatest(order_sequences.last_seq, excluded.last_seq)` }))
      .execute(),
  );
  counts.orders = await insertChunked(book.orders, (c) => tx.insertInto("orders").values(c).execute());
  counts.order_lines = await insertChunked(book.lines, (c) =>
    tx
      .insertInto("order_lines")
      .values(c.map((l) => ({ ...l, params: json(l.params) })))
      .execute(),
  );
  // Events go in history order, so their ids follow time within each order.
  counts.order_events = await insertChunked(book.events, (c) =>
    tx
      .insertInto("order_events")
      .values(c.map((e) => ({ ...e, data: json(e.data) })))
      .execute(),
  );
  counts.master_changes = await insertChunked(plant.masterChanges, (c) => tx.insertInto("master_changes").values(c).execute());
  // Every order that went out left with a shipment, at the time it was shipped (status agreement checks it).
  const shipments = await sql`
    insert into shipments (order_no, carrier, tracking_no, shipped_at, created_by)
    select e.order_no, (array['顺丰速运', '德邦物流', '中通快递'])[1 + abs(hashtext(e.order_no)) % 3], 'LV' || substr(md5(e.order_no), 1, 12), min(e.at), 'system'
    from order_events e join orders o on o.order_no = e.order_no
    where e.to_status = 'shipped' and o.status in ('shipped', 'delivered', 'closed')
    group by e.order_no`.execute(tx);
  counts.shipments = Number(shipments.numAffectedRows ?? 0);
  // Each went out whole: its one shipment carried every line.
  const shipmentLines = await sql`
    insert into shipment_lines (shipment_id, order_no, line_no, qty)
    select s.id, l.order_no, l.line_no, l.qty from shipments s join order_lines l on l.order_no = s.order_no`.execute(tx);
  counts.shipment_lines = Number(shipmentLines.numAffectedRows ?? 0);
  Object.assign(counts, await insertInstalledBase(tx, plant.installedBase));
  return counts;
}

async function insertPurchasing(tx: Transaction<DB>, p: DemoPlant["purchasing"]) {
  const counts = {
    suppliers: await insertChunked(p.suppliers, (c) => tx.insertInto("suppliers").values(c).execute()),
    supplier_items: await insertChunked(p.supplierItems, (c) => tx.insertInto("supplier_items").values(c).execute()),
    purchase_orders: await insertChunked(p.orders, (c) => tx.insertInto("purchase_orders").values(c).execute()),
    purchase_order_lines: await insertChunked(p.lines, (c) => tx.insertInto("purchase_order_lines").values(c).execute()),
    purchase_line_events: await insertChunked(p.events, (c) => tx.insertInto("purchase_line_events").values(c).execute()),
  };
  // Purchase order numbers were given here; new ones continue after them.
  await sql`select setval('purchase_order_seq', ${lastPoSeq(p) + 1}, false)`.execute(tx);
  return counts;
}

async function insertInstalledBase(tx: Transaction<DB>, base: DemoPlant["installedBase"]) {
  const counts = {
    equipment: await insertChunked(base.equipment, (c) => tx.insertInto("equipment").values(c).execute()),
    equipment_events: await insertChunked(base.events, (c) =>
      tx
        .insertInto("equipment_events")
        .values(c.map((e) => ({ ...e, data: json(e.data) })))
        .execute(),
    ),
    service_visits: await insertChunked(base.visits, (c) => tx.insertInto("service_visits").values(c).execute()),
    visit_parts: await insertChunked(base.parts, (c) => tx.insertInto("visit_parts").values(c).execute()),
    visit_photos: await insertChunked(base.photos, (c) => tx.insertInto("visit_photos").values(c).execute()),
    warranty_cards: await insertChunked(base.cards, (c) => tx.insertInto("warranty_cards").values(c).execute()),
    replenishment_requests: await insertChunked(base.replenishment, (c) => tx.insertInto("replenishment_requests").values(c).execute()),
  };
  // Visit ids were given explicitly (parts, photos and cards point at them), so move the sequence past them.
  await sql`select setval(pg_get_serial_sequence('service_visits', 'id'), (select coalesce(max(id), 0) + 1 from service_visits), false)`.execute(tx);
  return counts;
}

/** The rules in force since the go-live, made then (first versions); the orders taken in since then judged
 *  by them at their creation and written with what they decided (evaluations, actions, tags); then each
 *  rule's current default definition as its next version, made now. */
async function insertPlantWithRules(tx: Transaction<DB>, plant: DemoPlant): Promise<Record<DemoTable, number>> {
  const goLive = plantInstant(addDays(plant.today, -GO_LIVE_DAYS_AGO), 0);
  const rules = [];
  for (const input of DEFAULT_RULES.filter((r) => GO_LIVE_RULES.some((g) => g.name === r.name))) {
    const first = parseRule(goLiveVersion(input));
    rules.push({ compiled: compileRule(await insertRule(tx, SYSTEM, first, goLive), 1, first), first, now: parseRule(input) });
  }
  const { revision } = await tx.selectFrom("rules_revision").select("revision").where("id", "=", 1).executeTakeFirstOrThrow();
  const { orders, judgements } = judgeIntake(
    plant,
    rules.map((r) => r.compiled),
    goLive,
  );
  const counts = await insertPlant(tx, { ...plant, book: { ...plant.book, orders } });
  // The plant went live with Lvyue then; its dual run with the old ledgers lasted 30 days (decision 0073).
  const goLiveSetting = JSON.stringify({ goLiveOn: addDays(plant.today, -GO_LIVE_DAYS_AGO), dualRunDays: 30 });
  await tx
    .insertInto("plant_settings")
    .values({ name: "go-live", value: goLiveSetting, updated_by: SYSTEM.name })
    .onConflict((oc) => oc.column("name").doNothing())
    .execute();
  for (let i = 0; i < judgements.length; i += MAX_ROWS) {
    const chunk = judgements.slice(i, i + MAX_ROWS).map((j) => ({ ...j, revision: Number(revision) }));
    await writeRuleEffects(tx, chunk, SYSTEM.name);
  }
  let versions = rules.length;
  for (const r of rules) {
    await insertRuleVersion(tx, SYSTEM, r.compiled.id, { version: 1, definition: r.first }, r.now);
    versions += JSON.stringify(r.first) === JSON.stringify(r.now) ? 0 : 1;
  }
  return {
    ...counts,
    rules: rules.length,
    rule_versions: versions,
    rule_evaluations: judgements.length,
    rule_actions: judgements.reduce((n, j) => n + j.plan.log.length, 0),
  };
}

async function hasCustomers(db: Kysely<DB> | Transaction<DB>): Promise<boolean> {
  return (await db.selectFrom("customers").select("code").limit(1).executeTakeFirst()) !== undefined;
}

export async function loadDemoPlant(db: Kysely<DB>, options: DemoOptions = {}): Promise<DemoSummary> {
  const seed = options.seed ?? DEFAULT_SEED;
  const now = demoClock(options.today, new Date());
  const today = plantDay(now);
  const zero = Object.fromEntries(DEMO_TABLES.map((t) => [t, 0])) as Record<DemoTable, number>;
  const skipped: DemoSummary = { skipped: true, seed, today, counts: zero };
  if (await hasCustomers(db)) return skipped;

  const plant = generateDemoPlant(seed, now);
  const counts = await db.transaction().execute(async (tx) => {
    // Two instances starting together: the second waits here, then finds the customers and skips.
    await sql`select pg_advisory_xact_lock(hashtext('lvyue.demo-plant'))`.execute(tx);
    if (await hasCustomers(tx)) return undefined;
    const counts = await insertPlantWithRules(tx, plant);
    await seedDemoFinance(tx, now);
    return counts;
  });
  return counts ? { skipped: false, seed, today, counts } : skipped;
}
