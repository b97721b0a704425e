// Multi-row insert as INSERT … SELECT FROM unnest(typed arrays): one bind parameter per column instead
// of one per value, which PostgreSQL parses and plans far faster for thousands of rows. Several such
// inserts can travel as one statement (one round trip), each a data-modifying CTE.
import { type Kysely, type RawBuilder, sql, type Transaction } from "kysely";
import type { DB } from "./schema.js";

export type ColumnType = "text" | "int" | "bigint" | "numeric" | "jsonb" | "timestamptz" | "date" | "boolean" | "text[]";

export interface UnnestInsert<Row extends Record<string, unknown> = Record<string, unknown>> {
  table: keyof DB;
  /** The columns written; rows may hold more fields (they are left to the database's defaults). */
  columns: { [K in keyof Row]?: ColumnType };
  rows: Row[];
  returningId?: boolean;
  /** e.g. `on conflict (…) do update set …`; no two rows of one insert may hit the same conflict row. */
  onConflict?: RawBuilder<unknown>;
  /**
   * Columns that name a row of an earlier part of the same statement (which returns ids) by its index
   * there, or null: each is written as that row's new id. Lets a child row point at a parent written
   * in the same round trip.
   */
  refs?: Record<string, UnnestInsert>;
}

/** Declares one insert part with its row type checked against its columns. */
export const unnestPart = <Row extends Record<string, unknown>>(part: UnnestInsert<Row>) => part as unknown as UnnestInsert;

// Dates travel as ISO strings: the driver's own Date formatting (local time zone) is many times slower.
const plain = (value: unknown) => (value instanceof Date ? value.toISOString() : (value ?? null));

/**
 * `onlyIf`: the name of a CTE of the same statement; the rows are inserted only if it returned a row.
 * `idsOf`: the name of the CTE listing (id, at) of a referenced part's new rows.
 */
function insertSql(
  { table, columns, rows, returningId, onConflict, refs = {} }: UnnestInsert,
  onlyIf?: string,
  idsOf?: (part: UnnestInsert) => string | undefined,
): RawBuilder<unknown> {
  const names = Object.keys(columns);
  const typeOf = columns as Record<string, ColumnType>;
  // Arrays of arrays cannot be unnested (they must be rectangular): text[] travels as JSON.
  const arrays = names.map((name) =>
    typeOf[name] === "text[]"
      ? sql`${rows.map((r) => JSON.stringify(r[name] ?? []))}::jsonb[]`
      : sql`${rows.map((r) => plain(r[name]))}::${sql.raw(typeOf[name])}[]`,
  );
  const aliases = names.map((_, i) => `c${i}`);
  const parentIds = (name: string) => (refs[name] ? idsOf?.(refs[name]) : undefined);
  const joins = names.flatMap((name, i) => {
    const ids = parentIds(name);
    return ids ? [sql`left join ${sql.ref(ids)} as ${sql.ref(`r${i}`)} on ${sql.ref(`r${i}.at`)} = u.${sql.ref(aliases[i])}`] : [];
  });
  const selected = names.map((name, i) => {
    // A reference to a part with no rows here can only be null.
    if (refs[name]) return parentIds(name) ? sql.ref(`r${i}.id`) : sql`null::bigint`;
    return typeOf[name] === "text[]" ? sql`array(select jsonb_array_elements_text(${sql.ref(aliases[i])}))` : sql.ref(aliases[i]);
  });
  return sql`insert into ${sql.table(table)} (${sql.join(names.map((n) => sql.ref(n)))})
    select ${sql.join(selected)} from unnest(${sql.join(arrays)}) as u(${sql.join(aliases.map((a) => sql.ref(a)))}) ${sql.join(joins, sql` `)}
    ${onlyIf ? sql`where exists (select from ${sql.ref(onlyIf)})` : sql``}
    ${onConflict ?? sql``} ${returningId ? sql`returning id` : sql``}`;
}

/** Inserts `rows` into `table`; returns the ids in row order when `returningId` is set. */
export async function insertUnnest<Row extends Record<string, unknown>>(
  db: Kysely<DB> | Transaction<DB>,
  table: keyof DB,
  columns: { [K in keyof Row]: ColumnType },
  rows: Row[],
  returningId = false,
): Promise<number[]> {
  if (!rows.length) return [];
  const result = await sql<{ id: number }>`${insertSql({ table, columns, rows, returningId } as UnnestInsert)}`.execute(db);
  return result.rows.map((r) => Number(r.id));
}

/**
 * Runs the inserts as one statement and returns, per part, the new ids in row order (empty unless the
 * part asked for them). `also` are expressions evaluated in the same statement (e.g. a pg_notify).
 * Foreign keys between the parts hold: PostgreSQL checks them at the end of the statement.
 */
export async function insertUnnestTogether(
  db: Kysely<DB> | Transaction<DB>,
  parts: UnnestInsert[],
  also: RawBuilder<unknown>[] = [],
  /** Other data-modifying statements (an update, say) to run in the same statement, before the inserts. */
  writes: RawBuilder<unknown>[] = [],
): Promise<number[][]> {
  return (await insertTogether(db, parts, also, undefined, writes)) as number[][];
}

/**
 * The same, as one statement that first runs `guard` (a data-modifying query, e.g. a conditional update)
 * and writes the parts and evaluates `also` only if the guard returned a row. Undefined when it did not:
 * then nothing was written. Used outside a transaction, the statement is its own all-or-nothing unit.
 */
export async function insertUnnestGuarded(
  db: Kysely<DB> | Transaction<DB>,
  guard: RawBuilder<unknown>,
  parts: UnnestInsert[],
  also: RawBuilder<unknown>[] = [],
): Promise<number[][] | undefined> {
  return insertTogether(db, parts, also, guard);
}

async function insertTogether(
  db: Kysely<DB> | Transaction<DB>,
  parts: UnnestInsert[],
  also: RawBuilder<unknown>[],
  guard?: RawBuilder<unknown>,
  writes: RawBuilder<unknown>[] = [],
) {
  const live = parts.map((part, i) => ({ part, name: `p${i}` })).filter(({ part }) => part.rows.length);
  if (!live.length && !also.length && !guard && !writes.length) return parts.map(() => []);
  const nameOf = new Map(live.map(({ part, name }) => [part, name]));
  const referenced = new Set(live.flatMap(({ part }) => Object.values(part.refs ?? {})));
  for (const parent of referenced) {
    const child = live.findIndex(({ part }) => Object.values(part.refs ?? {}).includes(parent));
    if (parent.rows.length && !(live.findIndex(({ part }) => part === parent) < child && parent.returningId))
      throw new Error("a referenced part must come earlier in the same statement and return its ids");
  }
  const idsOf = (part: UnnestInsert) => (nameOf.has(part) ? `${nameOf.get(part)}_at` : undefined);
  const ctes = [
    ...(guard ? [sql`guard as (${guard})`] : []),
    // PostgreSQL runs every data-modifying CTE to completion, whether the statement reads it or not.
    ...writes.map((write, i) => sql`${sql.ref(`w${i}`)} as (${write})`),
    ...live.flatMap(({ part, name }) => [
      sql`${sql.ref(name)} as (${insertSql(part, guard ? "guard" : undefined, idsOf)})`,
      // ids are drawn in row order within one statement: the n-th smallest id is the n-th row's.
      ...(referenced.has(part) ? [sql`${sql.ref(`${name}_at`)} as (select id, (row_number() over (order by id))::int - 1 as at from ${sql.ref(name)})`] : []),
    ]),
  ];
  // ids are drawn from the sequence in row order within one statement, so ordering by id restores it.
  const columns = [
    ...(guard ? [sql`exists (select from guard) as held`] : []),
    ...live.map(({ part, name }) =>
      part.returningId ? sql`(select coalesce(array_agg(id order by id), '{}') from ${sql.ref(name)}) as ${sql.ref(name)}` : sql`null as ${sql.ref(name)}`,
    ),
    ...also.map((expression, i) =>
      guard ? sql`case when exists (select from guard) then ${expression} end as ${sql.ref(`also${i}`)}` : sql`${expression} as ${sql.ref(`also${i}`)}`,
    ),
  ];
  const query = sql<Record<string, (number | string)[] | boolean | null>>`${ctes.length ? sql`with ${sql.join(ctes)}` : sql``} select ${sql.join(columns)}`;
  const [row] = (await query.execute(db)).rows;
  if (guard && !row.held) return undefined;
  const byName = new Map(live.map(({ part, name }) => [part, ((row[name] as (number | string)[] | null) ?? []).map(Number)]));
  return parts.map((part) => byName.get(part) ?? []);
}
