// Promise holds (issue 16 item 3, decision 0071): a date given on the phone, held in the plan (capacity
// and material) for some hours; it expires by itself, is released, or is converted into an order once.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table promise_holds (
      id bigserial primary key,
      customer_code text not null references customers(code),
      request jsonb not null,
      held_date date not null,
      expires_at timestamptz not null,
      status text not null default 'held' check (status in ('held', 'released', 'converted')),
      order_no text references orders(order_no),
      created_by text not null,
      created_at timestamptz not null,
      decided_by text,
      decided_at timestamptz
    )`.execute(db);
  await sql`create index promise_holds_held on promise_holds (expires_at) where status = 'held'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table promise_holds`.execute(db);
}
