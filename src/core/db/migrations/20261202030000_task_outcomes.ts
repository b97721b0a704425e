// How a task was closed: a note, an outcome for reviews (approve / reject / needs customer input), and
// the task it follows (a customer question whose answer sends the order back to review).
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table tasks
      add column kind text not null default 'task' check (kind in ('task','customer_input')),
      add column done_note text,
      add column outcome text check (outcome in ('approve','reject','needs_input')),
      add column follows_task_id bigint references tasks(id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table tasks drop column follows_task_id, drop column outcome, drop column done_note, drop column kind`.execute(db);
}
