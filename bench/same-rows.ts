// The baseline "raw inserts of the same rows": every row the full intake path wrote for some orders
// (the order, its lines and events, the rule evaluation, each rule action, tasks, notifications, pins,
// blocks, reservations and outbox messages) read back, then inserted again with plain parameterised
// INSERT … VALUES under new order numbers and ids, straight through the driver. Nothing is decided,
// validated or locked: only the writing is measured.
import { CompiledQuery, sql } from "kysely";
import { type Database, PREPARE } from "../src/core/db/connect.js";
import { formatOrderNo } from "../src/orders/model/numbering.js";

interface TableSpec {
  table: string;
  /** Columns holding JSON (sent as text), and id columns pointing at another copied table. */
  json?: string[];
  refs?: Record<string, string>;
  hasId: boolean;
}
// Parents before children, so foreign keys hold row by row.
const TABLES: TableSpec[] = [
  { table: "orders", hasId: false },
  { table: "order_lines", hasId: false, json: ["params"] },
  { table: "order_events", hasId: true, json: ["data"] },
  { table: "rule_evaluations", hasId: true, json: ["facts", "matched"] },
  { table: "rule_actions", hasId: true, json: ["detail"], refs: { evaluation_id: "rule_evaluations" } },
  { table: "tasks", hasId: true },
  { table: "notifications", hasId: true },
  { table: "order_pins", hasId: false },
  { table: "order_blocks", hasId: true, refs: { task_id: "tasks" } },
  { table: "reservations", hasId: true },
  { table: "outbox", hasId: true, json: ["payload"], refs: { rule_action_id: "rule_actions" } },
];

type Row = Record<string, unknown>;
/** Per table, the copied rows of each order (in the order's position). */
export interface WrittenRows {
  orderNos: string[];
  tables: { spec: TableSpec; columns: string[]; byOrder: Row[][] }[];
  rowCount: number;
}

export async function readWrittenRows(database: Database, orderNos: string[]): Promise<WrittenRows> {
  const position = new Map(orderNos.map((no, i) => [no, i]));
  const tables: WrittenRows["tables"] = [];
  let rowCount = 0;
  for (const spec of TABLES) {
    const { rows } =
      await sql<Row>`select * from ${sql.table(spec.table)} where order_no = any(${orderNos}::text[]) ${spec.hasId ? sql`order by id` : sql``}`.execute(
        database.db,
      );
    const byOrder: Row[][] = orderNos.map(() => []);
    for (const row of rows) byOrder[position.get(row.order_no as string)!].push(row);
    rowCount += rows.length;
    tables.push({ spec, columns: rows.length ? Object.keys(rows[0]) : [], byOrder });
  }
  return { orderNos, tables, rowCount };
}

type Query = (text: string, params: unknown[]) => Promise<unknown>;
const MAX_PARAMS = 60_000;

/**
 * A driver-level client with transactions: PGlite's own, or one pg connection. `prepared`: each
 * statement text is prepared once and run again by name (on PGlite through the app's dialect, which
 * does so for marked statements: PGlite's own query() plans every time).
 */
async function rawClient(database: Database & { url?: string }, prepared: boolean) {
  if (database.pglite && prepared) {
    const { db } = database;
    return {
      transaction: (fn: (query: Query) => Promise<void>) =>
        db.transaction().execute((tx) => fn((t, p) => tx.executeQuery(CompiledQuery.raw(`${PREPARE}${t}`, p)))),
      end: async () => {},
    };
  }
  if (database.pglite) {
    const pg = database.pglite;
    return { transaction: (fn: (query: Query) => Promise<void>) => pg.transaction((tx) => fn((t, p) => tx.query(t, p))), end: async () => {} };
  }
  const { default: pgModule } = await import("pg");
  const client = new pgModule.Client({ connectionString: database.url });
  await client.connect();
  const names = new Map<string, string>();
  const nameOf = (text: string) => names.get(text) ?? names.set(text, `raw_${names.size}`).get(text);
  return {
    transaction: async (fn: (query: Query) => Promise<void>) => {
      await client.query("begin");
      await fn((t, p) => (prepared ? client.query({ name: nameOf(t), text: t, values: p }) : client.query(t, p)));
      await client.query("commit");
    },
    end: () => client.end(),
  };
}

/** The copies, ready to insert: new order numbers (taken on `day`), ids past the highest, values as the driver sends them. */
export async function prepareSameRows(database: Database, written: WrittenRows, day: string) {
  const offsets = new Map<string, number>();
  for (const { spec } of written.tables) {
    if (!spec.hasId) continue;
    const { rows } = await sql<{ max: number | null }>`select max(id)::bigint as max from ${sql.table(spec.table)}`.execute(database.db);
    offsets.set(spec.table, Number(rows[0].max ?? 0));
  }
  const newNo = written.orderNos.map((_, i) => formatOrderNo(day, i + 1));
  const copy = (spec: TableSpec, row: Row, i: number): Row => {
    const out: Row = { ...row, order_no: newNo[i] };
    if (spec.hasId) out.id = Number(row.id) + offsets.get(spec.table)!;
    for (const [column, table] of Object.entries(spec.refs ?? {})) if (row[column] != null) out[column] = Number(row[column]) + offsets.get(table)!;
    for (const column of spec.json ?? []) if (out[column] != null) out[column] = JSON.stringify(out[column]);
    for (const [column, value] of Object.entries(out)) if (value instanceof Date) out[column] = value.toISOString();
    if (spec.table === "orders" && out.idempotency_key) out.idempotency_key = `raw-${day}:${out.idempotency_key}`;
    return out;
  };
  const tables = written.tables.map(({ spec, columns, byOrder }) => ({
    table: spec.table,
    columns,
    byOrder: byOrder.map((rows, i) => rows.map((r) => copy(spec, r, i))),
  }));
  const rowsOf = (table: string) => written.tables.find((t) => t.spec.table === table)?.byOrder.reduce((n, rows) => n + rows.length, 0) ?? 0;
  return { orders: newNo.length, rows: written.rowCount, rowsOf, tables, sequences: [...offsets.keys()] };
}
export type SameRows = Awaited<ReturnType<typeof prepareSameRows>>;

/**
 * Inserts the copies, `ordersPerTx` orders per transaction (1: one per order), one INSERT per table per
 * transaction; `prepared`: as prepared statements.
 */
export async function insertSameRows(database: Database & { url?: string }, same: SameRows, ordersPerTx: number, prepared = false) {
  const client = await rawClient(database, prepared);
  try {
    for (let start = 0; start < same.orders; start += ordersPerTx) {
      const end = Math.min(same.orders, start + ordersPerTx);
      await client.transaction(async (query) => {
        for (const { table, columns, byOrder } of same.tables) {
          const rows = end - start === 1 ? byOrder[start] : byOrder.slice(start, end).flat();
          const perStatement = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
          for (let r = 0; r < rows.length; r += perStatement) await insertValues(query, table, columns, rows.slice(r, r + perStatement));
        }
      });
    }
  } finally {
    await client.end();
  }
}

/** The copies' ids were set by hand: moves the sequences past them, as any later writer expects. */
export async function resetSequences(database: Database, same: SameRows) {
  for (const table of same.sequences)
    await sql`select setval(pg_get_serial_sequence(${table}, 'id'), (select max(id) from ${sql.table(table)}))`.execute(database.db);
}

async function insertValues(query: Query, table: string, columns: string[], rows: Row[]) {
  const params: unknown[] = [];
  const tuples = rows.map((row) => `(${columns.map((c) => `$${params.push(row[c] ?? null)}`).join(",")})`);
  await query(`insert into ${table} (${columns.join(",")}) values ${tuples.join(",")}`, params);
}
