// Use case: the order list with filters and keyset paging (stable under concurrent inserts).
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import { AppError } from "../core/errors.js";
import { orderHeader } from "./get-order.js";
import type { OrderStatus } from "./model/lifecycle.js";
import { nameOrders } from "./name-order-view.js";

export interface OrderFilter {
  status?: OrderStatus[];
  customer?: string;
  from?: string;
  to?: string;
  q?: string;
  cursor?: string;
  limit: number;
}

const encodeCursor = (at: Date, orderNo: string) => Buffer.from(`${at.toISOString()}|${orderNo}`).toString("base64url");

function decodeCursor(cursor: string): { at: Date; orderNo: string } {
  const [at, orderNo] = Buffer.from(cursor, "base64url").toString().split("|");
  const date = new Date(at ?? "");
  if (!orderNo || Number.isNaN(date.getTime()))
    throw new AppError("invalid", "field.format", { field: "cursor", format: "a cursor from nextCursor" }, "cursor");
  return { at: date, orderNo };
}

/** Plant days are China Standard Time: a day starts at 00:00 +08:00. */
const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`);

export async function listOrders(db: Kysely<DB>, filter: OrderFilter) {
  let query = db.selectFrom("orders").selectAll();
  if (filter.status?.length) query = query.where("status", "in", filter.status);
  if (filter.customer) query = query.where("customer_code", "=", filter.customer);
  if (filter.from) query = query.where("created_at", ">=", dayStart(filter.from));
  if (filter.to) query = query.where("created_at", "<", new Date(dayStart(filter.to).getTime() + 86_400_000));
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb("order_no", "ilike", like),
        eb("note", "ilike", like),
        eb("customer_code", "in", eb.selectFrom("customers").select("code").where("name", "ilike", like)),
      ]),
    );
  }
  if (filter.cursor) {
    const c = decodeCursor(filter.cursor);
    query = query.where((eb) => eb.or([eb("created_at", "<", c.at), eb.and([eb("created_at", "=", c.at), eb("order_no", "<", c.orderNo)])]));
  }
  const rows = await query
    .orderBy("created_at", "desc")
    .orderBy("order_no", "desc")
    .limit(filter.limit + 1)
    .execute();
  const page = rows.slice(0, filter.limit);
  const last = page[page.length - 1];
  return {
    orders: await nameOrders(db, page.map(orderHeader)),
    nextCursor: rows.length > filter.limit && last ? encodeCursor(last.created_at, last.order_no) : null,
  };
}
