// Use case (read): one customer's exposure as finance and the hold screens show it — its parts and
// switches, the limit with finance's overrides, the advance, aging and overdue, and the orders the limit holds.
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import { notFound } from "../core/errors.js";
import { fromFen } from "../core/money.js";
import { plantDay } from "../core/plant-day.js";
import { listCreditHeldOrders } from "../orders/list-shipped-lines.js";
import { creditExposures } from "./credit-exposure.js";
import { AGING_BUCKETS, aging } from "./model/receivables.js";
import { openItems } from "./store.js";

export async function getExposure(db: Kysely<DB>, code: string, at = new Date()) {
  const customer = await db.selectFrom("customers").select(["code", "name"]).where("code", "=", code).executeTakeFirst();
  if (!customer) throw notFound("customer.not_found", { code }, "code");
  const [exposures, items, held, overrides] = await Promise.all([
    creditExposures(db, [code], { at }),
    openItems(db, code),
    listCreditHeldOrders(db, [code]),
    db.selectFrom("credit_overrides").selectAll().where("customer_code", "=", code).orderBy("created_at", "desc").limit(20).execute(),
  ]);
  const e = exposures.get(code);
  if (!e) throw notFound("customer.not_found", { code }, "code");
  const today = plantDay(at);
  // The opening balance has no age of its own (its invoices were the previous system's): invoices are aged.
  const aged = aging(
    items.filter((i) => i.invoiceId !== null),
    today,
  );
  const openFen = items.reduce((s, i) => s + (i.openFen > 0n ? i.openFen : 0n), 0n);
  // Payments not yet allocated: what was received beyond the open items (预收款).
  const advanceFen = openFen - e.parts.receivablesFen;
  return {
    customer: code,
    customerName: customer.name,
    limit: fromFen(e.limitFen),
    override: fromFen(e.overrideFen),
    effectiveLimit: fromFen(e.effectiveLimitFen),
    exposure: fromFen(e.totalFen),
    headroom: fromFen(e.headroomFen),
    parts: { receivables: fromFen(e.parts.receivablesFen), unbilled: fromFen(e.parts.unbilledFen), openOrders: fromFen(e.parts.openOrdersFen) },
    switches: e.switches,
    advance: fromFen(advanceFen > 0n ? advanceFen : 0n),
    aging: Object.fromEntries(AGING_BUCKETS.map((b) => [b, fromFen(aged.buckets[b])])) as Record<(typeof AGING_BUCKETS)[number], string>,
    overdue: fromFen(aged.overdueFen),
    openItems: items
      .filter((i) => i.openFen > 0n)
      .map((i) => ({
        invoiceId: i.invoiceId,
        invoiceNo: i.invoiceNo,
        issuedOn: i.invoiceId === null ? null : i.issuedOn,
        dueOn: i.invoiceId === null ? null : i.dueOn,
        open: fromFen(i.openFen),
      })),
    held: held.map((h) => ({ orderNo: h.orderNo, amount: fromFen(h.amountFen), heldSince: h.heldSince, reasons: h.reasons, creditOnly: h.creditOnly })),
    overrides: overrides.map((o) => ({
      extraLimit: o.extra_limit,
      reason: o.reason,
      expiresAt: o.expires_at.toISOString(),
      active: o.expires_at > at,
      by: o.created_by,
      at: o.created_at.toISOString(),
    })),
  };
}
