// The writes of a commit, in multi-row statements (unnest of typed arrays) chunked so that progress
// can be reported; all inside the caller's one transaction.
import { sql, type Transaction } from "kysely";
import type { DB } from "../core/db/schema.js";
import type { CustomerRow, ItemRow } from "./model/master-rows.js";
import type { LegacyOrder } from "./model/order-rows.js";
import type { CustomerOutcome } from "./model/plan-orders.js";

const CHUNK = 4000;
type Actor = { name: string; roles: string[] };

async function recordCreated(tx: Transaction<DB>, entity: string, keys: string[], actor: Actor, importId?: number) {
  if (!keys.length) return;
  await sql`
    insert into master_changes (entity, entity_key, actor, actor_roles, change)
    select ${entity}, k, ${actor.name}, ${actor.roles}::text[], ${JSON.stringify({ created: "import", importId: importId ?? null })}::jsonb
    from unnest(${keys}::text[]) as u(k)`.execute(tx);
}

export async function writeHistory(
  tx: Transaction<DB>,
  input: { importId: number; actor: Actor; orders: (LegacyOrder & { customerCode: string })[]; customers: CustomerOutcome[] },
  progress: (done: number, total: number) => void,
) {
  const { customers, orders, importId } = input;
  if (customers.length) {
    // Customers first seen in the ledger: grade C and no credit until finance sets them.
    await sql`
      insert into customers (code, name, grade, credit_limit, open_receivables, special_terms)
      select code, name, 'C', 0, 0, ${"导入自历史台账"} from unnest(${customers.map((c) => c.code)}::text[], ${customers.map((c) => c.name.slice(0, 100))}::text[]) as u(code, name)
      on conflict (code) do nothing`.execute(tx);
    await recordCreated(
      tx,
      "customer",
      customers.map((c) => c.code),
      input.actor,
      importId,
    );
  }
  const total = orders.length;
  for (let start = 0; start < total; start += CHUNK) {
    const chunk = orders.slice(start, start + CHUNK);
    await sql`
      insert into history_orders (order_no, customer_code, ordered_on, due_on, delivered_on, status, amount, note, import_id, source_rows)
      select order_no, customer_code, ordered_on, due_on, delivered_on, status, amount, note, ${importId}, source_rows::int[]
      from unnest(${chunk.map((o) => o.orderNo)}::text[], ${chunk.map((o) => o.customerCode)}::text[], ${chunk.map((o) => o.orderedOn)}::date[],
        ${chunk.map((o) => o.dueOn ?? null)}::date[], ${chunk.map((o) => o.deliveredOn ?? null)}::date[], ${chunk.map((o) => o.status)}::text[],
        ${chunk.map((o) => o.amount)}::numeric[], ${chunk.map((o) => o.note)}::text[], ${chunk.map((o) => `{${o.rows.join(",")}}`)}::text[])
        as u(order_no, customer_code, ordered_on, due_on, delivered_on, status, amount, note, source_rows)`.execute(tx);
    const lines = chunk.flatMap((o) => o.lines.map((l) => ({ orderNo: o.orderNo, ...l })));
    await sql`
      insert into history_order_lines (order_no, line_no, item, qty, amount, source_row)
      select * from unnest(${lines.map((l) => l.orderNo)}::text[], ${lines.map((l) => l.lineNo)}::int[], ${lines.map((l) => l.item)}::text[],
        ${lines.map((l) => l.qty ?? null)}::numeric[], ${lines.map((l) => l.amount)}::numeric[], ${lines.map((l) => l.row)}::int[])`.execute(tx);
    progress(Math.min(start + CHUNK, total), total);
  }
}

export async function writeCustomers(tx: Transaction<DB>, rows: (CustomerRow & { code: string })[], actor: Actor) {
  if (!rows.length) return;
  await sql`
    insert into customers (code, name, grade, credit_limit, open_receivables, contact_name, contact_phone, region)
    select code, name, grade, credit_limit, 0, contact_name, contact_phone, region
    from unnest(${rows.map((r) => r.code)}::text[], ${rows.map((r) => r.name)}::text[], ${rows.map((r) => r.grade ?? "C")}::text[],
      ${rows.map((r) => r.creditLimit ?? "0")}::numeric[], ${rows.map((r) => r.contactName)}::text[], ${rows.map((r) => r.contactPhone)}::text[],
      ${rows.map((r) => r.region)}::text[]) as u(code, name, grade, credit_limit, contact_name, contact_phone, region)`.execute(tx);
  await recordCreated(
    tx,
    "customer",
    rows.map((r) => r.code),
    actor,
  );
}

export async function writeItems(tx: Transaction<DB>, rows: ItemRow[], actor: Actor) {
  if (!rows.length) return;
  await sql`
    insert into items (sku, name, kind, family, uom, unit_price, lead_time_days)
    select * from unnest(${rows.map((r) => r.sku)}::text[], ${rows.map((r) => r.name)}::text[], ${rows.map((r) => r.kind)}::text[],
      ${rows.map((r) => r.family)}::text[], ${rows.map((r) => r.uom)}::text[], ${rows.map((r) => r.unitPrice)}::numeric[],
      ${rows.map((r) => r.leadTimeDays)}::int[])`.execute(tx);
  await recordCreated(
    tx,
    "item",
    rows.map((r) => r.sku),
    actor,
  );
}
