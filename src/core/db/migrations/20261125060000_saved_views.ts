// Saved views of lists: a person's named filters, optionally shared with everyone.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table saved_views (
      id bigserial primary key,
      owner text not null,
      list text not null,
      name text not null check (length(name) between 1 and 60),
      filter jsonb not null,
      shared boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (owner, list, name)
    );
    create index saved_views_list on saved_views (list, shared);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table saved_views`.execute(db);
}
