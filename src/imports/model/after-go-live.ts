// The dual run (双轨制, decision 0073): ledger orders dated on or after go-live are not history. Each is
// looked for among the orders entered in Lvyue — by order number, otherwise by the same customer, day
// and amount — and those not found make the reconciliation list: in the Excel ledger, not in Lvyue.
import { toFen } from "../../core/money.js";
import type { CustomerIndex } from "./customer-names.js";
import type { LegacyOrder } from "./order-rows.js";

export interface GoLive {
  goLiveOn: string;
  dualRunEndsOn: string;
}

/** An order as entered in Lvyue: its number, customer, plant day of entry and total. */
export interface LvyueOrder {
  orderNo: string;
  customerCode: string;
  enteredOn: string;
  amount: string;
}

export interface LedgerOnlyOrder {
  orderNo: string;
  customerName: string;
  customerCode: string | null;
  orderedOn: string;
  amount: string;
  rows: number[];
  /** Dated inside the dual-run window (the ledger was still kept); false: after it ended. */
  inDualRun: boolean;
}

export interface AfterGoLive extends GoLive {
  orders: number;
  rows: number;
  /** Ledger orders found in Lvyue, and how. */
  inLvyue: { orderNo: string; lvyueOrderNo: string; by: "order_no" | "customer_date_amount" }[];
  /** The reconciliation list: in the ledger, not in Lvyue. */
  missing: LedgerOnlyOrder[];
}

export function splitAtGoLive(orders: LegacyOrder[], goLiveOn: string | undefined): { history: LegacyOrder[]; after: LegacyOrder[] } {
  if (!goLiveOn) return { history: orders, after: [] };
  const history: LegacyOrder[] = [];
  const after: LegacyOrder[] = [];
  for (const order of orders) (order.orderedOn >= goLiveOn ? after : history).push(order);
  return { history, after };
}

export function reconcile(after: LegacyOrder[], goLive: GoLive, index: CustomerIndex, lvyue: LvyueOrder[]): AfterGoLive {
  const byNo = new Map(lvyue.map((o) => [o.orderNo, o]));
  const taken = new Set<string>();
  const result: AfterGoLive = { ...goLive, orders: after.length, rows: 0, inLvyue: [], missing: [] };
  const unmatched: { order: LegacyOrder; customerCode: string | null }[] = [];
  // Order numbers first, so a number match is never taken by another row's customer/day/amount match.
  for (const order of after) {
    result.rows += order.rows.length;
    const same = byNo.get(order.orderNo);
    if (same && !taken.has(same.orderNo)) {
      taken.add(same.orderNo);
      result.inLvyue.push({ orderNo: order.orderNo, lvyueOrderNo: same.orderNo, by: "order_no" });
      continue;
    }
    const match = index.match(order.customerName, order.customerCode);
    unmatched.push({ order, customerCode: match.kind === "matched" ? match.customer.code : null });
  }
  for (const { order, customerCode } of unmatched) {
    const fen = toFen(order.amount);
    const found =
      customerCode && lvyue.find((o) => !taken.has(o.orderNo) && o.customerCode === customerCode && o.enteredOn === order.orderedOn && toFen(o.amount) === fen);
    if (found) {
      taken.add(found.orderNo);
      result.inLvyue.push({ orderNo: order.orderNo, lvyueOrderNo: found.orderNo, by: "customer_date_amount" });
      continue;
    }
    result.missing.push({
      orderNo: order.orderNo,
      customerName: order.customerName,
      customerCode,
      orderedOn: order.orderedOn,
      amount: order.amount,
      rows: order.rows,
      inDualRun: order.orderedOn <= goLive.dualRunEndsOn,
    });
  }
  result.missing.sort((a, b) => a.rows[0] - b.rows[0]);
  return result;
}
