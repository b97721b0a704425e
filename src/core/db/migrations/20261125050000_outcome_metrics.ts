// Outcome metrics: on-time delivery reads delivered orders by delivery time.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index orders_delivered on orders(delivered_at) where delivered_at is not null;
  `.execute(db);
}
