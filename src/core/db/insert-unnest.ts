// Multi-row insert as INSERT … SELECT FROM unnest(typed arrays): one bind parameter per column instead
// of one per value, which PostgreSQL parses and plans far faster for thousands of rows.
import { type Kysely, sql, type Transaction } from "kysely";
import type { DB } from "./schema.js";

export type ColumnType = "text" | "int" | "bigint" | "numeric" | "jsonb" | "timestamptz" | "date" | "boolean" | "text[]";

/** Inserts `rows` into `table`; returns the ids in row order when `returningId` is set. */
export async function insertUnnest<Row extends Record<string, unknown>>(
  db: Kysely<DB> | Transaction<DB>,
  table: keyof DB,
  columns: { [K in keyof Row]: ColumnType },
  rows: Row[],
  returningId = false,
): Promise<number[]> {
  if (!rows.length) return [];
  const names = Object.keys(columns) as (keyof Row & string)[];
  // Arrays of arrays cannot be unnested (they must be rectangular): text[] travels as JSON.
  const arrays = names.map((name) =>
    columns[name] === "text[]"
      ? sql`${rows.map((r) => JSON.stringify(r[name] ?? []))}::jsonb[]`
      : sql`${rows.map((r) => r[name] ?? null)}::${sql.raw(columns[name])}[]`,
  );
  const aliases = names.map((_, i) => `c${i}`);
  const selected = names.map((name, i) =>
    columns[name] === "text[]" ? sql`array(select jsonb_array_elements_text(${sql.ref(aliases[i])}))` : sql.ref(aliases[i]),
  );
  const query = sql<{ id: number }>`
    insert into ${sql.table(table)} (${sql.join(names.map((n) => sql.ref(n)))})
    select ${sql.join(selected)} from unnest(${sql.join(arrays)}) as u(${sql.join(aliases.map((a) => sql.ref(a)))})
    ${returningId ? sql`returning id` : sql``}`;
  const result = await query.execute(db);
  return result.rows.map((r) => Number(r.id));
}
