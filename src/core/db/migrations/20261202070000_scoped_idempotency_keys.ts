// Retry-safety keys scoped by kind and by caller (see src/orders/idempotency-keys.ts): the keys already
// stored move into their namespace, so a retry of a request sent before the upgrade still replays.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    update orders
       set idempotency_key = case when source = 'bulk' then 'bulk#' else 'order#' end || created_by || '#' || idempotency_key
     where idempotency_key is not null`.execute(db);
  await sql`update bulk_batches set batch_id = 'bulk#' || created_by || '#' || batch_id`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    update orders
       set idempotency_key = substr(idempotency_key, length(split_part(idempotency_key, '#', 1)) + length(created_by) + 3)
     where idempotency_key is not null`.execute(db);
  await sql`update bulk_batches set batch_id = substr(batch_id, length(created_by) + 7)`.execute(db);
}
