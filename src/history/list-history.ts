// Use case: the read-only history of legacy orders, by customer and order-date range, paged by keyset.
import { type Kysely, sql } from "kysely";
import type { DB } from "../core/db/schema.js";
import { AppError } from "../core/errors.js";

export interface HistoryFilter {
  customer?: string;
  from?: string;
  to?: string;
  q?: string;
  cursor?: string;
  limit: number;
}

const encodeCursor = (day: string, orderNo: string) => Buffer.from(`${day}|${orderNo}`).toString("base64url");

function decodeCursor(cursor: string) {
  const [day, orderNo] = Buffer.from(cursor, "base64url").toString().split("|");
  if (!orderNo || !/^\d{4}-\d{2}-\d{2}$/.test(day ?? ""))
    throw new AppError("invalid", "field.format", { field: "cursor", format: "a cursor from nextCursor" }, "cursor");
  return { day, orderNo };
}

export async function listHistory(db: Kysely<DB>, filter: HistoryFilter) {
  let query = db
    .selectFrom("history_orders as h")
    .innerJoin("customers as c", "c.code", "h.customer_code")
    .select([
      "h.order_no",
      "h.customer_code",
      "c.name as customer_name",
      "h.ordered_on",
      "h.due_on",
      "h.delivered_on",
      "h.status",
      "h.amount",
      "h.note",
      "h.import_id",
    ]);
  if (filter.customer) query = query.where("h.customer_code", "=", filter.customer);
  if (filter.from) query = query.where("h.ordered_on", ">=", filter.from);
  if (filter.to) query = query.where("h.ordered_on", "<=", filter.to);
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb("h.order_no", "ilike", like), eb("c.name", "ilike", like), eb("h.note", "ilike", like)]));
  }
  if (filter.cursor) {
    const c = decodeCursor(filter.cursor);
    query = query.where(sql<boolean>`(h.ordered_on, h.order_no) < (${c.day}::date, ${c.orderNo})`);
  }
  const rows = await query
    .orderBy("h.ordered_on", "desc")
    .orderBy("h.order_no", "desc")
    .limit(filter.limit + 1)
    .execute();
  const page = rows.slice(0, filter.limit);
  const lines = page.length
    ? await db
        .selectFrom("history_order_lines")
        .selectAll()
        .where(
          "order_no",
          "in",
          page.map((r) => r.order_no),
        )
        .orderBy("order_no")
        .orderBy("line_no")
        .execute()
    : [];
  const last = page[page.length - 1];
  return {
    orders: page.map((r) => ({
      orderNo: r.order_no,
      customer: { code: r.customer_code, name: r.customer_name },
      orderedOn: r.ordered_on,
      dueOn: r.due_on,
      deliveredOn: r.delivered_on,
      status: r.status,
      amount: r.amount,
      onTime: r.delivered_on && r.due_on ? r.delivered_on <= r.due_on : null,
      note: r.note,
      importId: r.import_id,
      lines: lines
        .filter((l) => l.order_no === r.order_no)
        .map((l) => ({ lineNo: l.line_no, item: l.item, qty: l.qty, amount: l.amount, sourceRow: l.source_row })),
    })),
    nextCursor: rows.length > filter.limit && last ? encodeCursor(last.ordered_on, last.order_no) : null,
  };
}
