// Customers' delivery and invoice addresses, kept by sales with the contacts (a short list per customer).
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table customers add column addresses jsonb not null default '[]' check (jsonb_typeof(addresses) = 'array')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table customers drop column addresses`.execute(db);
}
