// SQL of the importer: past runs, saved mappings, and what the database already knows.
import { createHash } from "node:crypto";
import { type Kysely, sql, type Transaction } from "kysely";
import type { DB } from "../core/db/schema.js";
import { plantDay } from "../core/plant-day.js";
import type { LvyueOrder } from "./model/after-go-live.js";
import type { ImportKind } from "./model/fields.js";
import type { ValueAnswers } from "./model/value-words.js";

type Db = Kysely<DB> | Transaction<DB>;

export async function findImport(db: Db, runKey: string) {
  return db.selectFrom("import_batches").selectAll().where("run_key", "=", runKey).executeTakeFirst();
}

/** The file with the options that decide how it is read: one committed run per key. */
export function runKey(
  fileHash: string,
  run: {
    kind: ImportKind;
    sheet: string;
    mapping: Record<string, string>;
    headerRow: number;
    year: number | null;
    values: ValueAnswers;
    questionMarkIsYen: boolean;
  },
) {
  const sorted = <T>(o: Record<string, T>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
  const values = Object.entries(run.values)
    .filter(([, words]) => Object.keys(words).length)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([field, words]) => [field, sorted(words)]);
  // Without answers the key is the one runs had before answers existed.
  const parts: unknown[] = [fileHash, run.kind, run.sheet, sorted(run.mapping), run.headerRow, run.year];
  if (values.length || run.questionMarkIsYen) parts.push(values);
  if (run.questionMarkIsYen) parts.push("?=¥");
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex");
}

export async function listImports(db: Db, limit: number) {
  const rows = await db
    .selectFrom("import_batches")
    .select(["id", "file_name", "kind", "sheet", "summary", "created_by", "created_at"])
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    fileName: r.file_name,
    kind: r.kind,
    sheet: r.sheet,
    summary: r.summary,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
  }));
}

export async function knownCustomers(db: Db) {
  return db.selectFrom("customers").select(["code", "name"]).execute();
}

/**
 * Asked 5,000 numbers at a time with a turn for other requests between: on PGlite a query runs on the
 * server's own thread (one of 100,000 numbers held it for half a second), and its awaits alone give nobody a turn.
 */
export async function existingHistoryOrders(db: Db, orderNos: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let at = 0; at < orderNos.length; at += 5000) {
    const some = orderNos.slice(at, at + 5000);
    const rows = await sql<{ order_no: string }>`select order_no from history_orders where order_no = any(${some}::text[])`.execute(db);
    for (const r of rows.rows) found.add(r.order_no);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return found;
}

/** Orders entered in Lvyue that a ledger order after go-live may be: the same number, or a customer's orders since go-live. */
export async function lvyueOrdersFor(db: Db, orderNos: string[], customerCodes: string[], goLiveOn: string): Promise<LvyueOrder[]> {
  if (!orderNos.length) return [];
  // A day before go-live in UTC covers the plant's (UTC+8) go-live morning.
  const since = new Date(Date.parse(`${goLiveOn}T00:00:00Z`) - 86_400_000);
  const rows = await db
    .selectFrom("orders")
    .select(["order_no", "customer_code", "created_at", "total_amount"])
    .where((eb) =>
      eb.or([eb("order_no", "in", orderNos), eb.and([eb("customer_code", "in", customerCodes.length ? customerCodes : [""]), eb("created_at", ">=", since)])]),
    )
    .execute();
  return rows.map((r) => ({ orderNo: r.order_no, customerCode: r.customer_code, enteredOn: plantDay(r.created_at as Date), amount: String(r.total_amount) }));
}

export async function existingKeys(db: Db, table: "items" | "locations", column: "sku" | "code", keys: string[]): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const rows = await sql<{ key: string }>`select ${sql.ref(column)} as key from ${sql.table(table)} where ${sql.ref(column)} = any(${keys}::text[])`.execute(
    db,
  );
  return new Set(rows.rows.map((r) => r.key));
}

export async function getTemplate(db: Db, name: string) {
  return db.selectFrom("import_templates").selectAll().where("name", "=", name).executeTakeFirst();
}

export async function listTemplates(db: Db) {
  const rows = await db.selectFrom("import_templates").selectAll().orderBy("name").execute();
  return rows.map(templateView);
}

export async function saveTemplate(
  db: Db,
  t: { name: string; kind: ImportKind; mapping: Record<string, string>; values?: ValueAnswers; headerRow?: number; by: string },
) {
  const values = {
    name: t.name,
    kind: t.kind,
    mapping: JSON.stringify(t.mapping),
    value_answers: JSON.stringify(t.values ?? {}),
    header_row: t.headerRow ?? null,
    updated_by: t.by,
    updated_at: new Date(),
  };
  const row = await db
    .insertInto("import_templates")
    .values(values)
    .onConflict((oc) =>
      oc.column("name").doUpdateSet({
        kind: values.kind,
        mapping: values.mapping,
        value_answers: values.value_answers,
        header_row: values.header_row,
        updated_by: t.by,
        updated_at: values.updated_at,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
  return templateView(row);
}

function templateView(row: {
  name: string;
  kind: string;
  mapping: Record<string, string>;
  value_answers: ValueAnswers;
  header_row: number | null;
  updated_by: string;
  updated_at: Date;
}) {
  return {
    name: row.name,
    kind: row.kind,
    mapping: row.mapping,
    values: row.value_answers,
    headerRow: row.header_row,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at.toISOString(),
  };
}
