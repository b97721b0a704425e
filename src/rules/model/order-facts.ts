// Builds the facts a rule sees from an order being taken in (or a stored one), its customer and items.
import { toFen } from "../../core/money.js";
import type { BuiltOrder } from "../../orders/model/build-order.js";
import type { OrderFacts, Trigger } from "./facts.js";

const GRADE_RANK: Record<string, number> = { A: 4, B: 3, C: 2, D: 1 };

export interface FactsCustomer {
  code: string;
  grade: string;
  credit_limit: string;
  open_receivables: string;
  /** Open receivables + shipped not invoiced + confirmed not shipped (finance's exposure, without this order). */
  exposure?: string;
  /** Issued invoices past due and unpaid (finance's ledger). */
  overdue?: string;
}
export interface FactsItem {
  family: string;
  kind: string;
}

const yuan = (fen: bigint) => Number(fen) / 100;

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function orderFacts(
  order: Pick<BuiltOrder, "total_amount" | "rush" | "tags" | "requested_date" | "nonstandard"> & {
    orderNo: string;
    status: string;
    source: string;
    lines: Pick<BuiltOrder["lines"][number], "sku" | "qty" | "nonstandard" | "params">[];
  },
  customer: FactsCustomer,
  items: Map<string, FactsItem>,
  event: { trigger: Trigger; changedFields?: string[]; from?: string | null; to?: string | null },
  today: string,
): OrderFacts {
  const amount = toFen(order.total_amount);
  const limit = toFen(customer.credit_limit);
  const receivables = toFen(customer.open_receivables);
  const exposure = customer.exposure === undefined ? receivables : toFen(customer.exposure);
  const headroom = limit - exposure - amount;
  return {
    order: {
      orderNo: order.orderNo,
      status: order.status,
      amount: yuan(amount),
      rush: order.rush,
      tags: order.tags,
      requestedDate: order.requested_date,
      daysUntilDue: order.requested_date ? daysBetween(today, order.requested_date) : null,
      nonstandard: order.nonstandard,
      lineCount: order.lines.length,
      totalQty: order.lines.reduce((sum, l) => sum + l.qty, 0),
      source: order.source,
    },
    lines: order.lines.map((l) => ({
      sku: l.sku,
      qty: l.qty,
      family: items.get(l.sku)?.family ?? "",
      kind: items.get(l.sku)?.kind ?? "",
      nonstandard: l.nonstandard,
      params: l.params,
    })),
    customer: {
      code: customer.code,
      grade: customer.grade,
      gradeRank: GRADE_RANK[customer.grade] ?? 0,
      creditLimit: yuan(limit),
      openReceivables: yuan(receivables),
      exposure: yuan(exposure),
      overdue: yuan(customer.overdue === undefined ? 0n : toFen(customer.overdue)),
      creditHeadroom: yuan(headroom),
      creditExceeded: headroom < 0n,
    },
    event: { trigger: event.trigger, changedFields: event.changedFields ?? [], from: event.from ?? null, to: event.to ?? null },
    today,
  };
}
