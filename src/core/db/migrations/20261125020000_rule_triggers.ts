// Triggers beyond intake: tasks remember when their overdue rules fired, and scheduled rules run once a
// day per rule across every app instance.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table tasks add column overdue_at timestamptz;
    create index tasks_due on tasks(due_at) where status = 'open' and overdue_at is null;
    create table rule_schedule_runs (
      rule_id bigint not null references rules(id),
      day date not null,
      rule_version int not null,
      started_at timestamptz not null default now(),
      finished_at timestamptz,
      orders int not null default 0,
      matched int not null default 0,
      primary key (rule_id, day)
    );
  `.execute(db);
}
