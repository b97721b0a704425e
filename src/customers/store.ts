// SQL for the customer master, with delivery statistics computed from orders (never typed).
import { type Kysely, sql, type Transaction } from "kysely";
import type { DB } from "../core/db/schema.js";
import { fromFen, toFen } from "../core/money.js";

type Db = Kysely<DB> | Transaction<DB>;

// Live orders and legacy orders imported from the old ledgers count alike: a delivery is on time when it
// came by the promised (else requested) date, in plant days (UTC+8).
const deliveryStats = () =>
  sql<{ customer_code: string; delivered: number; on_time: number; history_orders: number }>`(
    select customer_code, count(*) filter (where delivered_on is not null and due_on is not null)::int as delivered,
      count(*) filter (where delivered_on <= due_on)::int as on_time,
      count(*) filter (where legacy)::int as history_orders
    from (
      select customer_code, ((delivered_at at time zone 'UTC') + interval '8 hours')::date as delivered_on,
        coalesce(promised_date, requested_date) as due_on, false as legacy
      from orders where delivered_at is not null
      union all
      select customer_code, delivered_on, due_on, true from history_orders
    ) d
    group by customer_code
  )`.as("stats");

function baseQuery(db: Db) {
  return db
    .selectFrom("customers")
    .leftJoin(deliveryStats(), "stats.customer_code", "customers.code")
    .selectAll("customers")
    .select(["stats.delivered", "stats.on_time", "stats.history_orders"]);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>["executeTakeFirstOrThrow"]>>;

export function customerView(row: Row) {
  const delivered = Number(row.delivered ?? 0);
  return {
    code: row.code,
    name: row.name,
    grade: row.grade,
    creditLimit: row.credit_limit,
    openReceivables: row.open_receivables,
    creditHeadroom: fromFen(toFen(row.credit_limit) - toFen(row.open_receivables)),
    specialTerms: row.special_terms,
    contactName: row.contact_name,
    contactPhone: row.contact_phone,
    region: row.region,
    addresses: (row.addresses ?? []) as { label: string; address: string; contact: string; phone: string }[],
    onTimeRate: delivered ? Math.round((Number(row.on_time) / delivered) * 10000) / 10000 : null,
    deliveredOrders: delivered,
    historyOrders: Number(row.history_orders ?? 0),
    version: row.version,
  };
}
export type CustomerView = ReturnType<typeof customerView>;

export async function getCustomer(db: Db, code: string) {
  const row = await baseQuery(db).where("customers.code", "=", code).executeTakeFirst();
  return row && customerView(row);
}

export async function listCustomers(db: Db, filter: { q?: string; grade?: string; limit: number; offset: number }) {
  let query = baseQuery(db);
  if (filter.grade) query = query.where("customers.grade", "=", filter.grade);
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // A confirmed spelling (customer_aliases) finds its customer too: people search the way they speak.
    query = query.where((eb) =>
      eb.or([
        eb("customers.code", "ilike", like),
        eb("customers.name", "ilike", like),
        eb.exists(
          eb
            .selectFrom("customer_aliases")
            .select("customer_aliases.alias_key")
            .whereRef("customer_aliases.customer_code", "=", "customers.code")
            .where("customer_aliases.alias", "ilike", like),
        ),
      ]),
    );
  }
  const rows = await query.orderBy("customers.code").limit(filter.limit).offset(filter.offset).execute();
  return rows.map(customerView);
}

export async function recordMasterChange(db: Db, change: { entity: string; key: string; actor: string; roles: string[]; data: Record<string, unknown> }) {
  await db
    .insertInto("master_changes")
    .values({ entity: change.entity, entity_key: change.key, actor: change.actor, actor_roles: change.roles, change: JSON.stringify(change.data) })
    .execute();
}
