// A ledger row cleaned into a legacy order line, and rows of one order number grouped into an order.
import { fromFen, toFen } from "../../core/money.js";
import { customerKey } from "../../customers/model/customer-key.js";
import { cleanDate, type DateContext } from "./clean-date.js";
import { cleanQuantity } from "./clean-number.js";
import type { RowChecker, RowIssue } from "./issues.js";
import { cleanStatus, type HistoryStatus } from "./statuses.js";

export interface LegacyOrderRow {
  row: number;
  orderNo: string;
  customerName: string;
  customerCode?: string;
  orderedOn: string;
  dueOn?: string;
  deliveredOn?: string;
  status: HistoryStatus;
  statusInferred: boolean;
  item: string;
  qty?: string;
  amount: string;
  note: string;
}

const MAX_TEXT = { orderNo: 40, customerName: 100, item: 80, note: 500 };

function text(check: RowChecker, field: keyof typeof MAX_TEXT, required: boolean): string {
  const value = check.text(field);
  if (!value && required) check.fail(field, "field.required");
  else if (value.length > MAX_TEXT[field]) check.fail(field, "text.too_long", String(MAX_TEXT[field]));
  return value;
}

/** Line amount from unit price × quantity, rounded half away from zero to the fen. */
function priceTimesQty(price: string, qty: string): string {
  const [whole, frac = ""] = qty.replace("-", "").split(".");
  const milli = BigInt(whole) * 1000n + BigInt(frac.padEnd(3, "0"));
  const fen = toFen(price) * milli;
  const rounded = (fen < 0n ? fen - 500n : fen + 500n) / 1000n;
  return fromFen(qty.startsWith("-") ? -rounded : rounded);
}

export function cleanOrderRow(check: RowChecker, context: DateContext): LegacyOrderRow | undefined {
  const orderNo = text(check, "orderNo", true);
  const customerCode = check.text("customerCode") || undefined;
  const customerName = text(check, "customerName", !customerCode);
  const orderedOn = check.take("orderedOn", (c) => cleanDate(c, context));
  const dueOn = check.has("dueOn") ? check.take("dueOn", (c) => cleanDate(c, context)) : undefined;
  const deliveredOn = check.has("deliveredOn") ? check.take("deliveredOn", (c) => cleanDate(c, context)) : undefined;
  if (orderedOn && dueOn && dueOn < orderedOn) check.fail("dueOn", "date.before_order", orderedOn);
  if (orderedOn && deliveredOn && deliveredOn < orderedOn) check.fail("deliveredOn", "date.before_order", orderedOn);
  const qty = check.has("qty") ? check.take("qty", cleanQuantity) : undefined;
  let amount: string | undefined;
  if (check.has("amount") || !check.has("unitPrice")) amount = check.take("amount", check.amount);
  else {
    const price = check.take("unitPrice", check.amount);
    if (price !== undefined && qty === undefined && !check.has("qty")) check.fail("qty", "field.required");
    if (price !== undefined && qty !== undefined) amount = priceTimesQty(price, qty);
  }
  const status = cleanStatus(check.text("status"), deliveredOn !== undefined, check.answers.status);
  if (!status.ok) check.ask("status");
  const item = text(check, "item", false);
  const note = text(check, "note", false);
  if (check.issues.length || check.questions.length || check.lostYen.length || !orderedOn || amount === undefined || !status.ok) return undefined;
  return {
    row: check.row,
    orderNo,
    customerName: customerName || customerCode || "",
    ...(customerCode ? { customerCode } : {}),
    orderedOn,
    ...(dueOn ? { dueOn } : {}),
    ...(deliveredOn ? { deliveredOn } : {}),
    status: status.value,
    statusInferred: status.inferred,
    item,
    ...(qty !== undefined ? { qty } : {}),
    amount,
    note,
  };
}

export interface LegacyOrderLine {
  lineNo: number;
  row: number;
  item: string;
  qty?: string;
  amount: string;
}

export interface LegacyOrder {
  orderNo: string;
  customerName: string;
  customerCode?: string;
  orderedOn: string;
  dueOn?: string;
  deliveredOn?: string;
  status: HistoryStatus;
  amount: string;
  note: string;
  rows: number[];
  lines: LegacyOrderLine[];
}

/**
 * Rows sharing an order number are the lines of one order. They must agree on the customer and the
 * order date; a row that does not is refused (the ledger holds two different orders under one number).
 * Rows are added in batches, so a caller on the server's thread can give others a turn between them.
 */
export class OrderGrouper {
  private readonly byNo = new Map<string, LegacyOrder>();
  /** Each order's customer key, apart, so the orders are answered as they are kept. */
  private readonly keys = new Map<string, string>();
  readonly issues: RowIssue[] = [];

  add(rows: LegacyOrderRow[]) {
    const { byNo, keys, issues } = this;
    for (const row of rows) {
      const key = row.customerCode ? `code:${row.customerCode.toUpperCase()}` : customerKey(row.customerName);
      const order = byNo.get(row.orderNo);
      if (!order) {
        byNo.set(row.orderNo, {
          orderNo: row.orderNo,
          customerName: row.customerName,
          ...(row.customerCode ? { customerCode: row.customerCode } : {}),
          orderedOn: row.orderedOn,
          ...(row.dueOn ? { dueOn: row.dueOn } : {}),
          ...(row.deliveredOn ? { deliveredOn: row.deliveredOn } : {}),
          status: row.status,
          amount: row.amount,
          note: row.note,
          rows: [row.row],
          lines: [{ lineNo: 1, row: row.row, item: row.item, ...(row.qty ? { qty: row.qty } : {}), amount: row.amount }],
        });
        keys.set(row.orderNo, key);
        continue;
      }
      const conflict = keys.get(row.orderNo) !== key ? "customerName" : order.orderedOn !== row.orderedOn ? "orderedOn" : undefined;
      if (conflict) {
        const value = conflict === "customerName" ? row.customerName : row.orderedOn;
        issues.push({ row: row.row, field: conflict, column: "", value, reason: "order.conflict", detail: String(order.rows[0]) });
        continue;
      }
      // The order is due when its first line is due and delivered when its last line is.
      if (row.dueOn && (!order.dueOn || row.dueOn < order.dueOn)) order.dueOn = row.dueOn;
      if (row.deliveredOn && (!order.deliveredOn || row.deliveredOn > order.deliveredOn)) order.deliveredOn = row.deliveredOn;
      if (row.note && !order.note.includes(row.note)) order.note = order.note ? `${order.note}；${row.note}` : row.note;
      order.amount = fromFen(toFen(order.amount) + toFen(row.amount));
      order.rows.push(row.row);
      order.lines.push({ lineNo: order.lines.length + 1, row: row.row, item: row.item, ...(row.qty ? { qty: row.qty } : {}), amount: row.amount });
    }
  }

  orders(): LegacyOrder[] {
    return [...this.byNo.values()];
  }
}

export function groupOrders(rows: LegacyOrderRow[]): { orders: LegacyOrder[]; issues: RowIssue[] } {
  const grouper = new OrderGrouper();
  grouper.add(rows);
  return { orders: grouper.orders(), issues: grouper.issues };
}
