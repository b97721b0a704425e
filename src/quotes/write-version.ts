// Writes a costed version and its lines as a draft, in the caller's transaction.
import type { Transaction } from "kysely";
import type { DB } from "../core/db/schema.js";
import { fromFen } from "../core/money.js";
import type { CostedVersion } from "./cost-version.js";
import { insertVersion } from "./store.js";

const money = (fen: number) => fromFen(BigInt(Math.round(fen)));

export async function writeVersion(
  tx: Transaction<DB>,
  quoteNo: string,
  version: number,
  costed: CostedVersion,
  by: { actor: string; note: string; idempotencyKey: string | null },
) {
  await insertVersion(
    tx,
    {
      quote_no: quoteNo,
      version,
      status: "draft",
      requested_date: costed.requestedDate,
      valid_until: costed.validUntil,
      margin_pct: costed.marginPct.toFixed(2),
      margin_floor_pct: costed.floorPct.toFixed(2),
      cost_total: money(costed.costTotalFen),
      price_total: money(costed.priceTotalFen),
      promise_date: costed.promise.date,
      promise_valid_until: costed.promise.validUntil,
      promise_note: costed.promise.note ? JSON.stringify(costed.promise.note) : null,
      approval_task_id: null,
      approved_by: null,
      approved_at: null,
      note: by.note,
      created_by: by.actor,
      sent_by: null,
      sent_at: null,
      conversion: null,
      idempotency_key: by.idempotencyKey,
    },
    costed.lines.map((l, i) => ({
      quote_no: quoteNo,
      version,
      line_no: i + 1,
      sku: l.sku,
      params: JSON.stringify(l.params),
      qty: l.qty,
      bom_version_id: l.bomVersionId,
      routing_version_id: l.routingVersionId,
      material_cost: money(l.cost.material),
      labour_cost: money(l.cost.labour),
      outsourcing_cost: money(l.cost.outsourcing),
      unit_cost: money(l.cost.unit),
      unit_price: money(l.unitPriceFen),
      amount: money(l.unitPriceFen * l.qty),
    })),
  );
}
