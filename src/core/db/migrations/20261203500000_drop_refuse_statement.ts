// Intake no longer writes an order in one statement planned on stock read before it (decision 0063):
// stock is locked in the intake's transaction, so no statement needs to refuse itself.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop function if exists lvyue_refuse(text)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function lvyue_refuse(reason text) returns boolean language plpgsql volatile as $$
    begin
      raise exception '%', reason using errcode = 'LV001';
    end $$`.execute(db);
}
