// Multi-row insert as INSERT … SELECT FROM unnest(typed arrays): one bind parameter per column instead
// of one per value, which PostgreSQL parses and plans far faster for thousands of rows. Several such
// inserts can travel as one statement (one round trip), each a data-modifying CTE.
import { CompiledQuery, type Kysely, type RawBuilder, type Transaction } from "kysely";
import { PREPARE } from "./connect.js";
import type { DB } from "./schema.js";

export type ColumnType = "text" | "smallint" | "int" | "bigint" | "numeric" | "jsonb" | "timestamptz" | "date" | "boolean" | "text[]";

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
  /**
   * Keys set in a JSON column to the new id of a row of an earlier part: `at` names the row field
   * holding that row's index there (or null: the key is left out).
   */
  jsonIds?: { column: string; key: string; at: string; part: UnnestInsert }[];
}

/** A data-modifying statement (an update, say) that runs in the same statement as the inserts. */
export type TogetherWrite = RawBuilder<unknown>;

/** What one statement runs, in this order: the writes, the inserts, then the `also` expressions. */
export interface Together {
  parts: UnnestInsert[];
  /** Expressions evaluated in the same statement (e.g. a pg_notify). */
  also?: RawBuilder<unknown>[];
  writes?: TogetherWrite[];
}

/** Declares one insert part with its row type checked against its columns. */
export const unnestPart = <Row extends Record<string, unknown>>(part: UnnestInsert<Row>) => part as unknown as UnnestInsert;

// Dates travel as ISO strings: the driver's own Date formatting (local time zone) is many times slower.
const plain = (value: unknown) => (value instanceof Date ? value.toISOString() : (value ?? null));

/**
 * The statement's text and parameters, written directly: an intake's statement is rebuilt for every
 * order, and composing it as a query-builder tree cost more than planning the prepared statement.
 */
class Statement {
  readonly values: unknown[] = [];
  constructor(private readonly db: Kysely<DB> | Transaction<DB>) {}

  param(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  /**
   * A fragment built with Kysely's `sql`, its parameters renumbered after the ones already here (so its
   * text must hold no `$n` of its own outside its placeholders: values go in as parameters).
   */
  embed(fragment: RawBuilder<unknown>): string {
    const { sql: text, parameters } = fragment.compile(this.db);
    const offset = this.values.length;
    this.values.push(...parameters);
    return offset ? text.replace(/\$(\d+)/g, (_, n) => `$${Number(n) + offset}`) : text;
  }
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * `idsOf`: the name of the CTE listing (id, at) of a referenced part's new rows.
 */
function insertSql(
  statement: Statement,
  { table, columns, rows, returningId, onConflict, refs = {}, jsonIds = [] }: UnnestInsert,
  idsOf?: (part: UnnestInsert) => string | undefined,
): string {
  const names = Object.keys(columns);
  const typeOf = columns as Record<string, ColumnType>;
  // Arrays of arrays cannot be unnested (they must be rectangular): text[] travels as JSON.
  const arrays = names.map((name) =>
    typeOf[name] === "text[]"
      ? `${statement.param(rows.map((r) => JSON.stringify(r[name] ?? [])))}::jsonb[]`
      : `${statement.param(rows.map((r) => plain(r[name])))}::${typeOf[name]}[]`,
  );
  // Each JSON id's row index travels as one more int array, after the columns'.
  for (const { at } of jsonIds) arrays.push(`${statement.param(rows.map((r) => r[at] ?? null))}::int[]`);
  const aliases = [...names.map((_, i) => `c${i}`), ...jsonIds.map((_, j) => `j${j}`)];
  const parentIds = (part: UnnestInsert | undefined) => (part ? idsOf?.(part) : undefined);
  const join = (alias: string, ids: string, at: string) => `left join ${ident(ids)} as ${alias} on ${alias}.at = u.${at}`;
  // A join may reorder rows: they are put back in their order (so new ids are drawn in it).
  const joins = [
    ...names.flatMap((name, i) => {
      const ids = parentIds(refs[name]);
      return ids ? [join(`r${i}`, ids, aliases[i])] : [];
    }),
    ...jsonIds.flatMap(({ part }, j) => {
      const ids = parentIds(part);
      return ids ? [join(`rj${j}`, ids, `j${j}`)] : [];
    }),
  ];
  const selected = names.map((name, i) => {
    // A reference to a part with no rows here can only be null.
    if (refs[name]) return parentIds(refs[name]) ? `r${i}.id` : "null::bigint";
    if (typeOf[name] === "text[]") return `array(select jsonb_array_elements_text(${aliases[i]}))`;
    return jsonIds.reduce((value, { column, key, part }, j) => {
      if (column !== name || !parentIds(part)) return value;
      return `case when rj${j}.id is null then ${value} else ${value} || jsonb_build_object(${statement.param(key)}::text, rj${j}.id) end`;
    }, aliases[i]);
  });
  const ordered = joins.length > 0;
  return [
    `insert into ${ident(table)} (${names.map(ident).join(", ")})`,
    `select ${selected.join(", ")} from unnest(${arrays.join(", ")})${ordered ? " with ordinality" : ""} as u(${[...aliases, ...(ordered ? ["ord"] : [])].join(", ")})`,
    ...joins,
    ordered ? "order by u.ord" : "",
    onConflict ? statement.embed(onConflict) : "",
    returningId ? "returning id" : "",
  ].join(" ");
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
  const statement = new Statement(db);
  const text = insertSql(statement, { table, columns, rows, returningId } as UnnestInsert);
  const result = await db.executeQuery<{ id: number }>(CompiledQuery.raw(text, statement.values));
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
  writes: TogetherWrite[] = [],
): Promise<number[][]> {
  return runTogether(db, { parts, also, writes });
}

/** Parts referenced by a later part (by `refs` or `jsonIds`). */
const parentsOf = (part: UnnestInsert) => [...Object.values(part.refs ?? {}), ...(part.jsonIds ?? []).map((j) => j.part)];

/** Runs `together` as one statement (one round trip); per part, the new ids in row order (empty unless asked for). */
export async function runTogether(db: Kysely<DB> | Transaction<DB>, { parts, also = [], writes = [] }: Together): Promise<number[][]> {
  const live = parts.map((part, i) => ({ part, name: `p${i}` })).filter(({ part }) => part.rows.length);
  if (!live.length && !also.length && !writes.length) return parts.map(() => []);
  const nameOf = new Map(live.map(({ part, name }) => [part, name]));
  const referenced = new Set(live.flatMap(({ part }) => parentsOf(part)));
  for (const parent of referenced) {
    const child = live.findIndex(({ part }) => parentsOf(part).includes(parent));
    if (parent.rows.length && !(live.findIndex(({ part }) => part === parent) < child && parent.returningId))
      throw new Error("a referenced part must come earlier in the same statement and return its ids");
  }
  const idsOf = (part: UnnestInsert) => (nameOf.has(part) ? `${nameOf.get(part)}_at` : undefined);
  const statement = new Statement(db);
  const ctes = [
    // PostgreSQL runs every data-modifying CTE to completion, whether the statement reads it or not.
    ...writes.map((write, i) => `w${i} as (${statement.embed(write)})`),
    ...live.flatMap(({ part, name }) => [
      `${name} as (${insertSql(statement, part, idsOf)})`,
      // ids are drawn in row order within one statement: the n-th smallest id is the n-th row's.
      ...(referenced.has(part) ? [`${name}_at as (select id, (row_number() over (order by id))::int - 1 as at from ${name})`] : []),
    ]),
  ];
  // ids are drawn from the sequence in row order within one statement, so ordering by id restores it.
  const columns = [
    ...live.map(({ part, name }) => (part.returningId ? `(select coalesce(array_agg(id order by id), '{}') from ${name}) as ${name}` : `null as ${name}`)),
    ...also.map((expression, i) => `${statement.embed(expression)} as also${i}`),
  ];
  const text = `${PREPARE}${ctes.length ? `with ${ctes.join(", ")}` : ""} select ${columns.join(", ")}`;
  const [row] = (await db.executeQuery<Record<string, (number | string)[] | boolean | null>>(CompiledQuery.raw(text, statement.values))).rows;
  const byName = new Map(live.map(({ part, name }) => [part, ((row[name] as (number | string)[] | null) ?? []).map(Number)]));
  return parts.map((part) => byName.get(part) ?? []);
}
