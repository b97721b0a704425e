// Use case: what purchasing should buy now, from the current plan: the purchase requests promises raised
// and the shortages nothing on order covers, per supplier, rush orders first (model/proposals.ts).
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../core/db/schema.js";
import { plantDay } from "../core/plant-day.js";
import { currentRunId } from "../planning/list-shortages.js";
import { type ProposalGroup, proposePurchases } from "./model/proposals.js";
import { supplierOffers } from "./store.js";

type Db = Kysely<DB> | Transaction<DB>;

export async function computeProposals(db: Db, today: string): Promise<{ runId: number | null; groups: ProposalGroup[] }> {
  const runId = await currentRunId(db as Kysely<DB>);
  const [shortages, requests, taken] = await Promise.all([
    runId
      ? db.selectFrom("plan_shortages").select(["sku", "order_no", "qty_short", "date_needed", "rush"]).where("run_id", "=", runId).execute()
      : Promise.resolve([]),
    db
      .selectFrom("purchase_requests as pr")
      .innerJoin("orders", "orders.order_no", "pr.order_no")
      .select(["pr.id", "pr.sku", "pr.qty", "pr.need_date", "pr.order_no", "orders.rush"])
      .where("pr.status", "=", "requested")
      .execute(),
    db.selectFrom("purchase_order_lines").select("proposal_key").where("proposal_key", "is not", null).where("state", "!=", "cancelled").execute(),
  ]);
  const skus = [...new Set([...shortages.map((s) => s.sku), ...requests.map((r) => r.sku)])];
  const [openSupply, offers] = await Promise.all([
    skus.length
      ? db.selectFrom("supply_lines").select(["sku", "qty", "expected_date"]).where("status", "=", "open").where("sku", "in", skus).execute()
      : Promise.resolve([]),
    supplierOffers(db, skus),
  ]);
  const groups = proposePurchases({
    today,
    shortages: shortages.map((s) => ({ sku: s.sku, orderNo: s.order_no, qtyShort: Number(s.qty_short), dateNeeded: s.date_needed, rush: s.rush })),
    requests: requests.map((r) => ({ id: r.id, sku: r.sku, qty: Number(r.qty), needDate: r.need_date, orderNo: r.order_no, rush: r.rush })),
    openSupply: openSupply.map((o) => ({ sku: o.sku, qty: Number(o.qty), expectedDate: o.expected_date })),
    offerOf: (sku) => offers.get(sku),
    taken: new Set(taken.map((t) => t.proposal_key!)),
  });
  return { runId, groups };
}

export async function listProposals(db: Kysely<DB>) {
  const today = plantDay(new Date());
  const { runId, groups } = await computeProposals(db, today);
  const skus = [...new Set(groups.flatMap((g) => g.lines.map((l) => l.sku)))];
  const orderNos = [...new Set(groups.flatMap((g) => g.lines.map((l) => l.orderNo)))];
  const [items, orders] = await Promise.all([
    skus.length ? db.selectFrom("items").select(["sku", "name"]).where("sku", "in", skus).execute() : [],
    orderNos.length
      ? db
          .selectFrom("orders")
          .innerJoin("customers", "customers.code", "orders.customer_code")
          .select(["orders.order_no", "customers.name"])
          .where("orders.order_no", "in", orderNos)
          .execute()
      : [],
  ]);
  const nameOf = new Map(items.map((i) => [i.sku, i.name]));
  const customerOf = new Map(orders.map((o) => [o.order_no, o.name]));
  return {
    runId,
    groups: groups.map((g) => ({
      supplier: g.supplierCode ? { code: g.supplierCode, name: g.supplierName ?? g.supplierCode } : null,
      rush: g.rush,
      needDate: g.needDate,
      amountFen: g.amountFen,
      lines: g.lines.map((l) => ({
        key: l.key,
        source: l.source,
        sku: l.sku,
        name: nameOf.get(l.sku) ?? l.sku,
        qty: l.qty,
        needDate: l.needDate,
        requestedDate: l.requestedDate,
        earliestDelivery: l.earliestDelivery,
        orderNo: l.orderNo,
        customer: customerOf.get(l.orderNo) ?? null,
        rush: l.rush,
        requestId: l.requestId,
        priceFen: l.priceFen,
      })),
    })),
  };
}
