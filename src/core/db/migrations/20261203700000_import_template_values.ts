// A mapping template also keeps the user's answers to ledger words the importer did not know (a status
// such as 返修 → delivered), so a re-import applies them (decision 0066).
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table import_templates add column value_answers jsonb not null default '{}'::jsonb`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table import_templates drop column value_answers`.execute(db);
}
