// Use case: purchasing's open order lines as in-transit supply (what ATP, CTP and the plan count): one
// supply line per purchase order line, its open quantity, the date the plan should count (the supplier's
// confirmed date, else the requested one, with `confirmed` false) and whether it is still open.
import { sql, type Transaction } from "kysely";
import type { DB } from "../core/db/schema.js";

export interface PurchaseSupply {
  /** `PO…/line`: one per purchase order line. */
  ref: string;
  sku: string;
  location: string;
  /** Still to come while open; the ordered quantity once received or cancelled (always > 0). */
  qty: number;
  expectedDate: string;
  confirmed: boolean;
  /** What was asked for: a supplier confirming later than this shows the lead time it really has. */
  requestedDate: string;
  status: "open" | "received" | "cancelled";
}

/** Upserts the lines; returns their ids by ref. */
export async function recordPurchaseSupply(tx: Transaction<DB>, lines: PurchaseSupply[]): Promise<Map<string, number>> {
  if (!lines.length) return new Map();
  const { rows } = await sql<{ id: string; ref: string }>`
    insert into supply_lines (kind, ref, sku, location, qty, expected_date, status, confirmed, requested_date, created_at, updated_at)
    select 'purchase', ref, sku, location, qty, expected_date, status, confirmed, requested_date, now(), now()
    from unnest(${lines.map((l) => l.ref)}::text[], ${lines.map((l) => l.sku)}::text[], ${lines.map((l) => l.location)}::text[],
      ${lines.map((l) => String(l.qty))}::numeric[], ${lines.map((l) => l.expectedDate)}::date[], ${lines.map((l) => l.status)}::text[],
      ${lines.map((l) => l.confirmed)}::boolean[], ${lines.map((l) => l.requestedDate)}::date[])
      as u(ref, sku, location, qty, expected_date, status, confirmed, requested_date)
    on conflict (kind, ref, sku) do update
      set location = excluded.location, qty = excluded.qty, expected_date = excluded.expected_date, status = excluded.status,
          confirmed = excluded.confirmed, requested_date = excluded.requested_date, updated_at = now()
    returning id, ref`.execute(tx);
  return new Map(rows.map((r) => [r.ref, Number(r.id)]));
}
