// Service visits through the rules engine: an evaluation or action may concern a visit rather than an
// order (visit_id set, order_no null), and a warranty card remembers when its holder was told, so the
// outbox handler that tells them is idempotent across retries.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table rule_evaluations alter column order_no drop not null;
    alter table rule_evaluations add column visit_id bigint references service_visits(id);
    alter table rule_evaluations add constraint rule_evaluations_subject check (order_no is not null or visit_id is not null);
    create index rule_evaluations_visit on rule_evaluations(visit_id) where visit_id is not null;
    alter table rule_actions alter column order_no drop not null;
    alter table rule_actions add column visit_id bigint references service_visits(id);
    alter table rule_actions add constraint rule_actions_subject check (order_no is not null or visit_id is not null);
    create index rule_actions_visit on rule_actions(visit_id) where visit_id is not null;
    alter table warranty_cards add column notified_at timestamptz;
  `.execute(db);
}
