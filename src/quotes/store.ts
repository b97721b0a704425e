// SQL of quotes: numbers, the quote and its versions and lines, the margin floors.

import type { Insertable, Updateable } from "kysely";
import { type Kysely, sql, type Transaction } from "kysely";
import type { DB, QuoteLinesTable, QuoteVersionsTable } from "../core/db/schema.js";
import { formatQuoteNo, type LostReason } from "./model/quote.js";

type Db = Kysely<DB> | Transaction<DB>;

export async function allocateQuoteNo(tx: Db, day: string): Promise<string> {
  const { last_seq } = await tx
    .insertInto("quote_sequences")
    .values({ day, last_seq: 1 })
    .onConflict((oc) => oc.column("day").doUpdateSet({ last_seq: sql`quote_sequences.last_seq + 1` }))
    .returning("last_seq")
    .executeTakeFirstOrThrow();
  return formatQuoteNo(day, last_seq);
}

export async function marginFloor(db: Db, grade: string): Promise<number> {
  const row = await db.selectFrom("quote_margin_floors").select("floor_pct").where("grade", "=", grade).executeTakeFirst();
  return row ? Number(row.floor_pct) : 0;
}

export async function getQuoteRow(db: Db, quoteNo: string, options: { lock?: boolean } = {}) {
  let query = db.selectFrom("quotes").selectAll().where("quote_no", "=", quoteNo);
  if (options.lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function getVersions(db: Db, quoteNo: string) {
  return db.selectFrom("quote_versions").selectAll().where("quote_no", "=", quoteNo).orderBy("version").execute();
}

export async function getLines(db: Db, quoteNo: string, version?: number) {
  let query = db.selectFrom("quote_lines").selectAll().where("quote_no", "=", quoteNo);
  if (version !== undefined) query = query.where("version", "=", version);
  return query.orderBy("version").orderBy("line_no").execute();
}

export type VersionRow = Awaited<ReturnType<typeof getVersions>>[number];
export type LineRow = Awaited<ReturnType<typeof getLines>>[number];
export type NewVersion = Insertable<QuoteVersionsTable>;
export type NewLine = Insertable<QuoteLinesTable>;

export async function insertVersion(tx: Db, version: NewVersion, lines: NewLine[]) {
  await tx.insertInto("quote_versions").values(version).execute();
  await tx.insertInto("quote_lines").values(lines).execute();
}

export async function nextVersionNo(tx: Db, quoteNo: string): Promise<number> {
  const row = await tx
    .selectFrom("quote_versions")
    .select((eb) => eb.fn.max("version").as("v"))
    .where("quote_no", "=", quoteNo)
    .executeTakeFirst();
  return Number(row?.v ?? 0) + 1;
}

export async function findByKey(db: Db, table: "quotes" | "quote_versions", key: string) {
  if (table === "quotes") return db.selectFrom("quotes").select(["quote_no", "request_hash"]).where("idempotency_key", "=", key).executeTakeFirst();
  return db.selectFrom("quote_versions").select(["quote_no", "version"]).where("idempotency_key", "=", key).executeTakeFirst();
}

export async function setVersion(tx: Db, quoteNo: string, version: number, values: Updateable<QuoteVersionsTable>) {
  await tx.updateTable("quote_versions").set(values).where("quote_no", "=", quoteNo).where("version", "=", version).execute();
}

export async function touchQuote(
  tx: Db,
  quoteNo: string,
  values: { status?: "open" | "won" | "lost"; lost_reason?: LostReason; lost_note?: string; won_version?: number; order_no?: string } = {},
) {
  await tx
    .updateTable("quotes")
    .set({ ...values, updated_at: new Date() })
    .where("quote_no", "=", quoteNo)
    .execute();
}

/** Versions still open to the customer (draft or sent) other than `except`: superseded or lost together. */
export async function closeLiveVersions(tx: Db, quoteNo: string, to: "superseded" | "lost", except?: number) {
  let query = tx.updateTable("quote_versions").set({ status: to }).where("quote_no", "=", quoteNo).where("status", "in", ["draft", "sent"]);
  if (except !== undefined) query = query.where("version", "!=", except);
  const rows = await query.returning("version").execute();
  return rows.map((r) => r.version);
}
