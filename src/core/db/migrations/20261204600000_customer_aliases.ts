// Spellings of a customer's name that people confirmed (a ledger's 嘉兴富峰能源 is 嘉兴富峰能源科技有限公司):
// the importer and the order entry search find the customer by them. Keyed by the normalised spelling,
// so one spelling names one customer.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table customer_aliases (
      alias_key text primary key,
      alias text not null,
      customer_code text not null references customers(code) on delete cascade,
      created_by text not null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index customer_aliases_customer on customer_aliases (customer_code)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table customer_aliases`.execute(db);
}
