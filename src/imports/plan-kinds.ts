// For each kind of import: what committing the analysed rows would create or match (read from the
// database), and how to write it inside the import's transaction.
import { type Kysely, sql, type Transaction } from "kysely";
import type { DB } from "../core/db/schema.js";
import { fromFen, toFen } from "../core/money.js";
import { aliasKeys } from "../customers/customer-aliases.js";
import { customerKey } from "../customers/model/customer-key.js";
import { toMilli } from "../inventory/model/sync-lines.js";
import { type AfterGoLive, type GoLive, reconcile, splitAtGoLive } from "./model/after-go-live.js";
import type { Analysis } from "./model/analyse-sheet.js";
import { CustomerIndex, generatedCustomerCode } from "./model/customer-names.js";
import type { RowIssue } from "./model/issues.js";
import type { CustomerRow, ItemRow, StockRow } from "./model/master-rows.js";
import { type LegacyOrderRow, OrderGrouper } from "./model/order-rows.js";
import { type CustomerOutcome, OrderPlanner, totalAmount } from "./model/plan-orders.js";
import { existingHistoryOrders, existingKeys, knownCustomers, lvyueOrdersFor } from "./store.js";
import { writeCustomers, writeHistory, writeItems } from "./write-rows.js";

type Db = Kysely<DB> | Transaction<DB>;
export type Progress = (done: number, total: number) => void;

export interface KindPlan {
  issues: RowIssue[];
  /** What a commit creates, by thing: orders, lines, customers, items, balances. */
  create: Record<string, number>;
  /** What is already there and is left as it is. */
  existing: Record<string, number>;
  customers?: CustomerOutcome[];
  amount?: string;
  /** Ledger orders dated from go-live on: not history, looked for in Lvyue. */
  afterGoLive?: AfterGoLive;
  write(tx: Transaction<DB>, importId: number, actor: { name: string; roles: string[] }, progress: Progress): Promise<void>;
}

/**
 * A 50 MB ledger is 100,000 rows: planned on the server's thread in batches of this many, with a turn
 * for other requests between batches (a few ms each), so a dry run never holds /api/health for long.
 */
const BATCH = 1000;

function* batches<T>(rows: T[]): Generator<T[]> {
  for (let at = 0; at < rows.length; at += BATCH) yield rows.slice(at, at + BATCH);
}

const aTurnForOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function planKind(db: Db, analysis: Analysis, goLive?: GoLive): Promise<KindPlan> {
  switch (analysis.kind) {
    case "orders":
      return planHistory(db, analysis.valid as LegacyOrderRow[], goLive);
    case "customers":
      return planCustomers(db, analysis.valid as CustomerRow[]);
    case "items":
      return planItems(db, analysis.valid as ItemRow[]);
    case "inventory":
      return planStock(db, analysis.valid as StockRow[]);
  }
}

async function planHistory(db: Db, rows: LegacyOrderRow[], goLive: GoLive | undefined): Promise<KindPlan> {
  const grouper = new OrderGrouper();
  for (const batch of batches(rows)) {
    grouper.add(batch);
    await aTurnForOthers();
  }
  const grouped = { orders: grouper.orders(), issues: grouper.issues };
  const { history, after } = splitAtGoLive(grouped.orders, goLive?.goLiveOn);
  const existing = await existingHistoryOrders(
    db,
    history.map((o) => o.orderNo),
  );
  const index = new CustomerIndex(await knownCustomers(db), await aliasKeys(db));
  const planner = new OrderPlanner(index, existing);
  for (const batch of batches(history)) {
    planner.add(batch);
    await aTurnForOthers();
  }
  const plan = planner.result();
  let afterGoLive: AfterGoLive | undefined;
  if (goLive) {
    const codes = new Set<string>();
    for (const order of after) {
      const match = index.match(order.customerName, order.customerCode);
      if (match.kind === "matched") codes.add(match.customer.code);
    }
    const lvyue = await lvyueOrdersFor(
      db,
      after.map((o) => o.orderNo),
      [...codes],
      goLive.goLiveOn,
    );
    afterGoLive = reconcile(after, goLive, index, lvyue);
  }
  const newCustomers = plan.customers.filter((c) => c.action === "create");
  let fen = 0n;
  let lines = 0;
  for (const batch of batches(plan.create)) {
    fen += toFen(totalAmount(batch));
    for (const order of batch) lines += order.lines.length;
    await aTurnForOthers();
  }
  return {
    issues: [...grouped.issues, ...plan.issues],
    create: { orders: plan.create.length, lines, customers: newCustomers.length },
    existing: { orders: plan.existing.length, customersMatched: plan.customers.length - newCustomers.length },
    customers: plan.customers,
    amount: fromFen(fen),
    ...(afterGoLive ? { afterGoLive } : {}),
    write: (tx, importId, actor, progress) => writeHistory(tx, { importId, actor, orders: plan.create, customers: newCustomers }, progress),
  };
}

async function planCustomers(db: Db, rows: CustomerRow[]): Promise<KindPlan> {
  const index = new CustomerIndex(await knownCustomers(db), await aliasKeys(db));
  const issues: RowIssue[] = [];
  const create: (CustomerRow & { code: string })[] = [];
  let matched = 0;
  const seen = new Map<string, number>();
  for (const row of rows) {
    const match = index.match(row.name, row.code);
    if (match.kind === "matched") {
      matched++;
      continue;
    }
    if (match.kind === "ambiguous") {
      const detail = match.candidates.map((c) => c.code).join("、");
      issues.push({ row: row.row, field: "name", column: "", value: row.name, reason: "customer.ambiguous", detail });
      continue;
    }
    const code = row.code ?? generatedCustomerCode(customerKey(row.name));
    const first = seen.get(code) ?? seen.get(`name:${match.key}`);
    if (first !== undefined) {
      issues.push({
        row: row.row,
        field: row.code ? "code" : "name",
        column: "",
        value: row.code ?? row.name,
        reason: "order.conflict",
        detail: String(first),
      });
      continue;
    }
    seen.set(code, row.row);
    seen.set(`name:${match.key}`, row.row);
    create.push({ ...row, code });
  }
  return {
    issues,
    create: { customers: create.length },
    existing: { customers: matched },
    write: (tx, _id, actor) => writeCustomers(tx, create, actor),
  };
}

async function planItems(db: Db, rows: ItemRow[]): Promise<KindPlan> {
  const existing = await existingKeys(
    db,
    "items",
    "sku",
    rows.map((r) => r.sku),
  );
  const issues: RowIssue[] = [];
  const seen = new Map<string, number>();
  const create = rows.filter((row) => {
    if (existing.has(row.sku)) return false;
    const first = seen.get(row.sku);
    if (first !== undefined) issues.push({ row: row.row, field: "sku", column: "", value: row.sku, reason: "line.duplicate", detail: String(first) });
    else seen.set(row.sku, row.row);
    return first === undefined;
  });
  const matched = rows.filter((r) => existing.has(r.sku)).length;
  return { issues, create: { items: create.length }, existing: { items: matched }, write: (tx, _id, actor) => writeItems(tx, create, actor) };
}

async function planStock(db: Db, rows: StockRow[]): Promise<KindPlan> {
  const skus = await existingKeys(
    db,
    "items",
    "sku",
    rows.map((r) => r.sku),
  );
  const locations = await existingKeys(
    db,
    "locations",
    "code",
    rows.map((r) => r.location),
  );
  const reserved = new Map<string, string>();
  if (rows.length) {
    const found = await sql<{ key: string; reserved: string }>`
      select sku || '|' || location as key, reserved::text as reserved from inventory_balances
      where sku = any(${[...skus]}::text[])`.execute(db);
    for (const r of found.rows) reserved.set(r.key, r.reserved);
  }
  const issues: RowIssue[] = [];
  const seen = new Map<string, number>();
  const problem = (row: StockRow): [field: string, reason: string, detail: string] | undefined => {
    if (!skus.has(row.sku)) return ["sku", "item.unknown", row.sku];
    if (!locations.has(row.location)) return ["location", "location.unknown", row.location];
    const key = `${row.sku}|${row.location}`;
    const first = seen.get(key);
    if (first !== undefined) return ["sku", "line.duplicate", String(first)];
    seen.set(key, row.row);
    const held = reserved.get(key) ?? "0";
    if (toMilli(row.onHand) < toMilli(held)) return ["onHand", "stock.below_reserved", `${row.onHand} < ${held}`];
    return undefined;
  };
  const valid = rows.filter((row) => {
    const found = problem(row);
    if (found) issues.push({ row: row.row, field: found[0], column: "", value: found[2], reason: found[1], detail: found[2] });
    return !found;
  });
  return {
    issues,
    create: { balances: valid.length },
    existing: {},
    write: async (tx) => {
      if (!valid.length) return;
      await sql`
        insert into inventory_balances (sku, location, on_hand, updated_at)
        select sku, location, on_hand, now() from unnest(${valid.map((b) => b.sku)}::text[], ${valid.map((b) => b.location)}::text[],
          ${valid.map((b) => b.onHand)}::numeric[]) as u(sku, location, on_hand)
        on conflict (sku, location) do update set on_hand = excluded.on_hand, updated_at = now()`.execute(tx);
    },
  };
}
