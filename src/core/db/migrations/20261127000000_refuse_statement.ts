// A statement that finds, part-way, that what it was computed from has changed (stock another order took)
// must write nothing: it calls lvyue_refuse, which aborts it with SQLSTATE LV001 for the caller to catch.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function lvyue_refuse(reason text) returns boolean language plpgsql volatile as $$
    begin
      raise exception '%', reason using errcode = 'LV001';
    end $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop function lvyue_refuse(text)`.execute(db);
}
