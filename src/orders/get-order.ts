// Use case: one order as every role sees it: header, lines, owner now, promise, full history.
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import { notFound } from "../core/errors.js";
import { nameOrderView } from "./name-order-view.js";
import { shippedByLine } from "./shipped-lines.js";
import { getOrderEvents, getOrderLines, getOrderRow, type OrderRow } from "./store.js";

export function orderHeader(row: OrderRow) {
  return {
    orderNo: row.order_no,
    customer: row.customer_code,
    status: row.status,
    heldFrom: row.held_from,
    holdReason: row.hold_reason,
    rush: row.rush,
    tags: row.tags,
    requestedDate: row.requested_date,
    promisedDate: row.promised_date,
    totalAmount: row.total_amount,
    nonstandard: row.nonstandard,
    owner: { role: row.owner_role, user: row.owner_user },
    note: row.note,
    source: row.source,
    version: row.version,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function getOrderView(db: Kysely<DB>, orderNo: string) {
  const row = await getOrderRow(db, orderNo);
  if (!row) throw notFound("order.not_found", { orderNo }, "orderNo");
  const [lines, events, shipped] = await Promise.all([getOrderLines(db, orderNo), getOrderEvents(db, orderNo), shippedByLine(db, orderNo)]);
  const view = toOrderView(row, lines, events);
  // What has gone out of each line so far (an order may ship in parts).
  for (const line of view.lines) Object.assign(line, { shippedQty: shipped.get(line.lineNo) ?? 0 });
  return nameOrderView(db, view);
}

type LineRow = Awaited<ReturnType<typeof getOrderLines>>[number];
type EventRow = Awaited<ReturnType<typeof getOrderEvents>>[number];

export function toOrderView(row: OrderRow, lines: LineRow[], events: EventRow[]) {
  return {
    ...orderHeader(row),
    // Promise dates are computed by planning (ATP/CTP); until an order has one it is null.
    // The first promise stays for good; "at_risk": the plan can no longer make it (plannedDate: what it gives).
    promise: row.promised_date
      ? {
          date: row.promised_date,
          firstDate: row.first_promised_date ?? row.promised_date,
          state: row.promise_state ?? "promised",
          plannedDate: (row.promise_note as { plannedDate?: string | null } | null)?.plannedDate ?? null,
        }
      : row.promise_state === "none"
        ? {
            date: null,
            firstDate: null,
            state: "none" as const,
            plannedDate: null,
            reason: (row.promise_note as { reason?: { zh: string; en: string } } | null)?.reason ?? null,
          }
        : null,
    lines: lines.map((l) => ({
      lineNo: l.line_no,
      sku: l.sku,
      qty: l.qty,
      unitPrice: l.unit_price,
      amount: l.amount,
      params: l.params,
      nonstandard: l.nonstandard,
      bomVersionId: l.bom_version_id,
      routingVersionId: l.routing_version_id,
    })),
    events: events.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      actor: e.actor,
      kind: e.kind,
      from: e.from_status,
      to: e.to_status,
      reason: e.reason,
      data: e.data,
    })),
  };
}
export type OrderView = ReturnType<typeof toOrderView>;
