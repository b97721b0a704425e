// SQL for orders, their lines and their event log.
import { type Kysely, sql, type Transaction } from "kysely";
import { now, plantToday } from "../core/clock.js";
import { runTogether, type Together, unnestPart } from "../core/db/insert-unnest.js";
import type { DB } from "../core/db/schema.js";
import { type BuiltOrder, intakeStatus } from "./model/build-order.js";
import type { OrderStatus } from "./model/lifecycle.js";
import { formatOrderNo } from "./model/numbering.js";
import type { ParamSchema } from "./model/params.js";

type Db = Kysely<DB> | Transaction<DB>;

/** The master data an intake needs for these customers and items (see intake-context.ts). */
export async function readIntakeData(db: Db, customerCodes: string[], skus: string[], today: string) {
  const [customers, items, boms, routings] = await Promise.all([
    customerCodes.length
      ? db.selectFrom("customers").select(["code", "grade", "credit_limit", "open_receivables"]).where("code", "in", customerCodes).execute()
      : [],
    skus.length ? db.selectFrom("items").select(["sku", "unit_price", "param_schema", "family", "kind"]).where("sku", "in", skus).execute() : [],
    effectiveVersions(db, "bom_versions", skus, today),
    effectiveVersions(db, "routing_versions", skus, today),
  ]);
  return shapeIntakeData(customers, items, boms, routings);
}

function shapeIntakeData<C, I extends { param_schema: unknown }>(customers: C[], items: I[], boms: Map<string, number>, routings: Map<string, number>) {
  return {
    customers,
    items: items.map((i) => ({ ...i, param_schema: i.param_schema as ParamSchema })),
    bomVersionBySku: boms,
    routingVersionBySku: routings,
  };
}

/** The latest released version of each sku whose effective date has come (drafts never apply). */
async function effectiveVersions(db: Db, table: "bom_versions" | "routing_versions", skus: string[] | "all", day: string) {
  if (!skus.length) return new Map<string, number>();
  const rows = await db
    .selectFrom(table)
    .select(["sku", "id"])
    .distinctOn("sku")
    .$if(skus !== "all", (q) => q.where("sku", "in", skus as string[]))
    .where("effective_from", "<=", day)
    .where("status", "<>", "draft")
    .orderBy("sku")
    .orderBy("version", "desc")
    .execute();
  return new Map(rows.map((r) => [r.sku, r.id]));
}

/** Pins, on lines that have none yet, the BOM and routing versions effective today; returns what it pinned. */
export async function pinEffectiveVersions(tx: Transaction<DB>, orderNo: string) {
  const lines = await tx
    .selectFrom("order_lines")
    .select(["line_no", "sku", "bom_version_id", "routing_version_id"])
    .where("order_no", "=", orderNo)
    .where((eb) => eb.or([eb("bom_version_id", "is", null), eb("routing_version_id", "is", null)]))
    .execute();
  const pinned: Record<number, { bom: number | null; routing: number | null }> = {};
  if (!lines.length) return pinned;
  const skus = [...new Set(lines.map((l) => l.sku))];
  const today = plantToday();
  const [boms, routings] = await Promise.all([effectiveVersions(tx, "bom_versions", skus, today), effectiveVersions(tx, "routing_versions", skus, today)]);
  for (const line of lines) {
    const bom = line.bom_version_id ?? boms.get(line.sku) ?? null;
    const routing = line.routing_version_id ?? routings.get(line.sku) ?? null;
    if (bom === line.bom_version_id && routing === line.routing_version_id) continue;
    await tx
      .updateTable("order_lines")
      .set({ bom_version_id: bom, routing_version_id: routing })
      .where("order_no", "=", orderNo)
      .where("line_no", "=", line.line_no)
      .execute();
    pinned[line.line_no] = { bom, routing };
  }
  return pinned;
}

/** Takes `count` consecutive numbers of the day. The row lock serialises creators across instances. */
export async function allocateOrderNumbers(db: Db, day: string, count: number): Promise<string[]> {
  const { last_seq } = await db
    .insertInto("order_sequences")
    .values({ day, last_seq: count })
    .onConflict((oc) => oc.column("day").doUpdateSet({ last_seq: sql`order_sequences.last_seq + excluded.last_seq` }))
    .returning("last_seq")
    .executeTakeFirstOrThrow();
  return Array.from({ length: count }, (_, i) => formatOrderNo(day, last_seq - count + 1 + i));
}

export interface NewOrderMeta {
  orderNo: string;
  actor: string;
  source: "api" | "bulk" | "ui";
  idempotencyKey?: string;
  requestHash?: string;
  at: Date;
}

/** Why an order taken in confirmed got no promise, in people's words. */
export type NoPromise = { zh: string; en: string };

export interface NewOrder {
  built: BuiltOrder;
  meta: NewOrderMeta;
  /** The promise computed before the transaction; stored only on an order taken in confirmed (not held). */
  promisedDate?: string | null;
  /** Why a confirmed order got no promise (kept in promise_note, shown in the order view). */
  noPromise?: NoPromise | null;
}

type EventKind = "created" | "transition";
interface NewEvent {
  order_no: string;
  at: Date;
  actor: string;
  kind: EventKind;
  from_status: string | null;
  to_status: string;
  reason: string | null;
  data: Record<string, unknown>;
}

/** The rows an order's intake writes, exactly as the database will hold them (the defaults filled in). */
function newOrderRows(orders: NewOrder[]) {
  const orderRows: OrderRow[] = orders.map(({ built, meta, promisedDate, noPromise }) => ({
    order_no: meta.orderNo,
    customer_code: built.customer_code,
    status: intakeStatus(built),
    held_from: built.hold ? built.status : null,
    hold_reason: built.hold?.reason ?? null,
    priority: built.priority,
    rush: built.rush,
    tags: built.tags,
    requested_date: built.requested_date,
    promised_date: !built.hold && built.status === "confirmed" ? (promisedDate ?? null) : null,
    delivered_at: null,
    total_amount: built.total_amount,
    nonstandard: built.nonstandard,
    owner_role: built.hold?.ownerRole ?? built.owner_role,
    owner_user: built.status === "draft" && !built.hold ? meta.actor : null,
    note: built.note,
    source: meta.source,
    idempotency_key: meta.idempotencyKey ?? null,
    request_hash: meta.requestHash ?? null,
    version: 1,
    created_by: meta.actor,
    created_at: meta.at,
    updated_at: meta.at,
    // The first promise is kept for good (on-time is judged against it); a confirmed order without one waits as "no promise".
    first_promised_date: !built.hold && built.status === "confirmed" ? (promisedDate ?? null) : null,
    promise_state: !built.hold && built.status === "confirmed" ? (promisedDate ? ("promised" as const) : ("none" as const)) : null,
    promise_note: !built.hold && built.status === "confirmed" && !promisedDate && noPromise ? { reason: noPromise } : null,
  }));
  const lineRows = orders.flatMap(({ built, meta }) => built.lines.map((l) => ({ ...l, order_no: meta.orderNo })));
  const eventRows = orders.flatMap(({ built, meta }) => {
    const created: NewEvent = {
      order_no: meta.orderNo,
      at: meta.at,
      actor: meta.actor,
      kind: "created",
      from_status: null,
      to_status: "draft",
      reason: null,
      data: { source: meta.source, lines: built.lines.length, amount: built.total_amount },
    };
    const events = [created];
    if (built.status !== "draft") {
      const pinned = Object.fromEntries(built.lines.map((l) => [l.line_no, { bom: l.bom_version_id, routing: l.routing_version_id }]));
      events.push({ ...created, kind: "transition", from_status: "draft", to_status: built.status, reason: "intake", data: { pinned } });
    }
    if (built.hold) {
      // The log names the rule versions that held the order.
      const by = built.hold.rules.map((r) => `rule:${r.id}@v${r.version}`).join(",");
      events.push({
        ...created,
        actor: by,
        kind: "transition",
        from_status: built.status,
        to_status: "on_hold",
        reason: built.hold.reason,
        data: { rules: built.hold.rules },
      });
    }
    return events;
  });
  return { orders: orderRows, lines: lineRows, events: eventRows };
}

const json = (v: unknown) => JSON.stringify(v);

/** The orders', their lines' and their first events' insert parts, with the rows as stored. */
function orderParts(orders: NewOrder[]) {
  const rows = newOrderRows(orders);
  const parts = [
    unnestPart({
      table: "orders",
      columns: {
        order_no: "text",
        customer_code: "text",
        status: "text",
        held_from: "text",
        hold_reason: "text",
        priority: "int",
        rush: "boolean",
        tags: "text[]",
        requested_date: "date",
        promised_date: "date",
        total_amount: "numeric",
        nonstandard: "boolean",
        owner_role: "text",
        owner_user: "text",
        note: "text",
        source: "text",
        idempotency_key: "text",
        request_hash: "text",
        created_by: "text",
        created_at: "timestamptz",
        updated_at: "timestamptz",
        first_promised_date: "date",
        promise_state: "text",
        promise_note: "jsonb",
      },
      rows: rows.orders,
    }),
    unnestPart({
      table: "order_lines",
      columns: {
        order_no: "text",
        line_no: "int",
        sku: "text",
        qty: "int",
        unit_price: "numeric",
        amount: "numeric",
        params: "jsonb",
        nonstandard: "boolean",
        bom_version_id: "bigint",
        routing_version_id: "bigint",
      },
      rows: rows.lines.map((l) => ({ ...l, params: json(l.params) })),
    }),
    unnestPart({
      table: "order_events",
      columns: { order_no: "text", at: "timestamptz", actor: "text", kind: "text", from_status: "text", to_status: "text", reason: "text", data: "jsonb" },
      rows: rows.events.map((e) => ({ ...e, data: json(e.data) })),
      returningId: true,
    }),
  ];
  return { rows, parts };
}

/** What else the orders' statement writes: rows of the same intake (e.g. the rule evaluations), the change notice… */
type WithOrders = Partial<Together>;
const stored = (rows: ReturnType<typeof newOrderRows>, [, , eventIds, ...partIds]: number[][]) => ({
  orders: rows.orders,
  lines: rows.lines,
  events: rows.events.map((e, i) => ({ ...e, id: eventIds[i] })),
  ids: partIds,
});

/**
 * Inserts the orders with their lines and first events in one statement, together with `together`'s
 * parts, writes and expressions. Returns the rows as stored and, per extra part, the ids it asked for.
 */
export async function insertOrders(db: Db, orders: NewOrder[], together: WithOrders = {}) {
  const { rows, parts } = orderParts(orders);
  const ids = await runTogether(db, { ...together, parts: [...parts, ...(together.parts ?? [])] });
  return stored(rows, ids as number[][]);
}

export async function findOrderByIdempotencyKey(db: Db, key: string) {
  return db.selectFrom("orders").select(["order_no", "request_hash"]).where("idempotency_key", "=", key).executeTakeFirst();
}

export async function getOrderRow(db: Db, orderNo: string, lock = false) {
  let query = db.selectFrom("orders").selectAll().where("order_no", "=", orderNo);
  if (lock) query = query.forNoKeyUpdate();
  return query.executeTakeFirst();
}
export type OrderRow = NonNullable<Awaited<ReturnType<typeof getOrderRow>>>;

export async function getOrderLines(db: Db, orderNo: string) {
  return db.selectFrom("order_lines").selectAll().where("order_no", "=", orderNo).orderBy("line_no").execute();
}

/** One line's new quantity and amount (the order's version and event are the one door's). */
export async function setLineQty(tx: Transaction<DB>, orderNo: string, lineNo: number, qty: number, amount: string) {
  await tx.updateTable("order_lines").set({ qty, amount }).where("order_no", "=", orderNo).where("line_no", "=", lineNo).execute();
}

export async function getOrderEvents(db: Db, orderNo: string) {
  return db.selectFrom("order_events").selectAll().where("order_no", "=", orderNo).orderBy("id").execute();
}

/** The order's columns a change may write. */
export type OrderColumns = Partial<
  Pick<
    OrderRow,
    | "status"
    | "held_from"
    | "hold_reason"
    | "rush"
    | "tags"
    | "requested_date"
    | "promised_date"
    | "delivered_at"
    | "owner_role"
    | "owner_user"
    | "note"
    | "priority"
    | "promise_state"
    | "promise_note"
    | "total_amount"
  >
>;

/** Writes `changes` only if the order is still at `expectedVersion`; returns the new row or undefined. */
export async function updateOrderIfVersion(db: Db, orderNo: string, expectedVersion: number, changes: OrderColumns, at = now()) {
  return db
    .updateTable("orders")
    .set({ ...changes, version: sql`version + 1`, updated_at: at })
    .where("order_no", "=", orderNo)
    .where("version", "=", expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

export interface OrderEventInput {
  orderNo: string;
  actor: string;
  kind: "transition" | "changed" | "production";
  from?: OrderStatus | null;
  to?: OrderStatus | null;
  reason?: string | null;
  data?: Record<string, unknown>;
  at?: Date;
}

/** Appends events to orders' logs (who, when, from, to, why). Only the orders use cases call it. */
export async function appendEvents(db: Db, events: OrderEventInput[]) {
  if (!events.length) return;
  await db
    .insertInto("order_events")
    .values(
      events.map((event) => ({
        order_no: event.orderNo,
        actor: event.actor,
        kind: event.kind,
        from_status: event.from ?? null,
        to_status: event.to ?? null,
        reason: event.reason ?? null,
        data: JSON.stringify(event.data ?? {}),
        ...(event.at ? { at: event.at } : {}),
      })),
    )
    .execute();
}

/** Order numbers in `statuses` (the shop floor releases work orders for scheduled and running orders). */
export async function orderNosInStatus(db: Db, statuses: string[], orderNos?: string[]) {
  let query = db
    .selectFrom("orders")
    .select(["order_no", "status", "rush", "promised_date", "requested_date"])
    .where("status", "in", statuses as never[]);
  if (orderNos) query = query.where("order_no", "in", orderNos.length ? orderNos : [""]);
  return query.orderBy("order_no").execute();
}

/** Re-pins one line to other BOM / routing versions (an engineering change's "switch"). */
export async function setLineVersions(tx: Transaction<DB>, orderNo: string, lineNo: number, versions: { bom: number | null; routing: number | null }) {
  await tx
    .updateTable("order_lines")
    .set({ bom_version_id: versions.bom, routing_version_id: versions.routing })
    .where("order_no", "=", orderNo)
    .where("line_no", "=", lineNo)
    .execute();
}
