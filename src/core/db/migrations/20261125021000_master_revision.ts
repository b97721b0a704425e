// A revision number that moves with every change to the master data that order intake reads
// (customers, items, BOM and routing versions), so each app instance can cache that data and still
// see a change made on any instance at the very next order.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table master_revision (
      id int primary key default 1 check (id = 1),
      revision bigint not null
    );
    insert into master_revision (id, revision) values (1, 0);
    create function bump_master_revision() returns trigger language plpgsql as $$
    begin
      update master_revision set revision = revision + 1 where id = 1;
      return null;
    end $$;
    create trigger customers_master_revision after insert or update or delete or truncate on customers
      for each statement execute function bump_master_revision();
    create trigger items_master_revision after insert or update or delete or truncate on items
      for each statement execute function bump_master_revision();
    create trigger bom_versions_master_revision after insert or update or delete or truncate on bom_versions
      for each statement execute function bump_master_revision();
    create trigger routing_versions_master_revision after insert or update or delete or truncate on routing_versions
      for each statement execute function bump_master_revision();
  `.execute(db);
}
