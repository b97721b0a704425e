// No phantom supply: every purchase a planned date depends on is requested from purchasing as the plan
// is saved. The next run counts a request as supply a lead time after it was made, so it is requested once;
// purchasing confirms it (confirm-purchase-request.ts) and it becomes an open supply line with the
// supplier's date.
import type { Transaction } from "kysely";
import { dayFromNumber } from "../calendar/model/dates.js";
import { now } from "../core/clock.js";
import { insertUnnest } from "../core/db/insert-unnest.js";
import type { DB } from "../core/db/schema.js";
import type { PlanResult } from "./model/plan.js";

export async function requestPurchases(tx: Transaction<DB>, result: PlanResult, actor: string): Promise<number> {
  const at = now();
  const rows = result.orders.flatMap((o) =>
    o.conditions.flatMap((c) => {
      if (c.kind !== "purchase" || c.qty <= 1e-6) return [];
      const needN = o.materials.filter((m) => m.sku === c.sku && m.purchase).reduce((n, m) => Math.min(n, m.needN), Number.POSITIVE_INFINITY);
      return [
        {
          sku: c.sku,
          qty: Math.ceil(c.qty * 1000) / 1000,
          need_date: dayFromNumber(Number.isFinite(needN) ? needN : c.readyN),
          order_no: o.orderNo,
          lead_time_days: c.leadTimeDays,
          requested_by: actor,
          requested_at: at,
        },
      ];
    }),
  );
  if (!rows.length) return 0;
  await insertUnnest(
    tx,
    "purchase_requests",
    { sku: "text", qty: "numeric", need_date: "date", order_no: "text", lead_time_days: "int", requested_by: "text", requested_at: "timestamptz" },
    rows,
  );
  return rows.length;
}
