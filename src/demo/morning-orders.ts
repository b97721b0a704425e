// Pure: the orders that arrive on a demo morning, chosen from the plant's own customers and items so that
// the default rules have work to hand out — T+3 rush orders of grade A customers (pinned, stock locked),
// orders over a customer's credit limit (held for finance), non-standard parameters (engineering review),
// grade D orders, a many-line order, plain ones. About twenty: one early-morning batch, not a surge.
import type { OrderRequest } from "../orders/model/build-order.js";
import type { ParamSchema, ParamValues } from "../orders/model/params.js";
import { addDays } from "./dates.js";

export interface MorningCustomer {
  code: string;
  grade: string;
  credit_limit: string;
  open_receivables: string;
  /** Finance's exposure (receivables, unbilled, open orders) when known; else the typed receivables count. */
  exposure?: string;
}
export interface MorningItem {
  sku: string;
  unit_price: string;
  param_schema: ParamSchema;
}

const yuan = (s: string) => Number(s);
const headroom = (c: MorningCustomer) => yuan(c.credit_limit) - yuan(c.exposure ?? c.open_receivables);

/** Values that depart from the standard: another allowed choice, the tick, the top of the range. */
export function departingParams(schema: ParamSchema, which: number): ParamValues {
  const params: ParamValues = {};
  const names = Object.keys(schema);
  names.forEach((name, i) => {
    if ((i + which) % 2 !== 0 && names.length > 1) return;
    const spec = schema[name];
    if (spec.type === "enum") params[name] = spec.values[spec.values.length - 1 - (which % Math.max(1, spec.values.length - 1))] ?? spec.values[0];
    else if (spec.type === "boolean") params[name] = !spec.default;
    else if (spec.type === "number" && spec.max !== undefined) params[name] = spec.max;
  });
  // A value equal to the default is not a departure: drop it, keep the rest.
  for (const [name, value] of Object.entries(params)) if (value === schema[name].default) delete params[name];
  return params;
}

export function morningRequests(customers: MorningCustomer[], items: MorningItem[], today: string): OrderRequest[] {
  const byCode = [...customers].sort((a, b) => (a.code < b.code ? -1 : 1));
  const goods = [...items].sort((a, b) => (a.sku < b.sku ? -1 : 1));
  const withParams = goods.filter((i) => Object.keys(i.param_schema).length > 0);
  if (!goods.length || !byCode.length) return [];
  const cheap = [...goods].sort((a, b) => yuan(a.unit_price) - yuan(b.unit_price));
  // An order that fits the customer's credit: at most `share` of the headroom, at least one piece.
  const fitting = (c: MorningCustomer, item: MorningItem, share: number, most: number) =>
    Math.max(1, Math.min(most, Math.floor((headroom(c) * share) / Math.max(1, yuan(item.unit_price)))));
  const roomy = (grades: string[]) => byCode.filter((c) => grades.includes(c.grade) && headroom(c) > 50_000);
  const requests: OrderRequest[] = [];
  const used = new Set<string>();
  const take = (list: MorningCustomer[], n: number) => {
    const chosen = list.filter((c) => !used.has(c.code)).slice(0, n);
    for (const c of chosen) used.add(c.code);
    return chosen;
  };

  // T+3 rush of grade A customers, kept under the 50,000 credit pre-check: pinned red, stock soft-locked.
  take(roomy(["A"]), 3).forEach((c, i) => {
    const item = cheap[i % cheap.length];
    requests.push({
      customer: c.code,
      rush: true,
      tags: ["T+3"],
      requestedDate: addDays(today, 3),
      lines: [{ sku: item.sku, qty: Math.min(fitting(c, item, 0.2, 5), Math.max(1, Math.floor(40_000 / Math.max(1, yuan(item.unit_price))))) }],
    });
  });
  // Over the credit limit: the customers with the least headroom order a little more than it.
  const tight = byCode.filter((c) => c.grade !== "D" && !used.has(c.code) && headroom(c) < 100_000).sort((a, b) => headroom(a) - headroom(b));
  take(tight, 3).forEach((c, i) => {
    const item = cheap[(i + 3) % cheap.length];
    const qty = Math.min(1_000_000, Math.floor(Math.max(0, headroom(c)) / Math.max(1, yuan(item.unit_price))) + 2);
    requests.push({ customer: c.code, requestedDate: addDays(today, 14 + i), lines: [{ sku: item.sku, qty }] });
  });
  // Non-standard parameters (pressure rating, protocol, calibration certificate, cable length…).
  const special = roomy(["B", "C", "A"]);
  take(special, 5).forEach((c, i) => {
    const item = withParams[(i * 7) % Math.max(1, withParams.length)];
    if (!item) return;
    requests.push({
      customer: c.code,
      requestedDate: addDays(today, 20 + 2 * i),
      lines: [{ sku: item.sku, qty: fitting(c, item, 0.3, 20), params: departingParams(item.param_schema, i) }],
    });
  });
  // Grade D: standard goods within their credit (finance reviews the payment terms).
  take(
    byCode.filter((c) => c.grade === "D" && headroom(c) > 0),
    2,
  ).forEach((c, i) => {
    const item = cheap[(i + 5) % cheap.length];
    requests.push({ customer: c.code, requestedDate: addDays(today, 21), lines: [{ sku: item.sku, qty: fitting(c, item, 0.5, 10) }] });
  });
  // Five lines for one customer (purchasing checks the kit), and a few plain standard orders.
  const [many] = take(roomy(["B", "C", "A"]), 1);
  if (many) {
    requests.push({
      customer: many.code,
      requestedDate: addDays(today, 25),
      lines: cheap.slice(0, 5).map((item) => ({ sku: item.sku, qty: fitting(many, item, 0.05, 10) })),
    });
  }
  take(roomy(["B", "C", "A"]), 3).forEach((c, i) => {
    const item = cheap[(i + 7) % cheap.length];
    requests.push({ customer: c.code, requestedDate: addDays(today, 18 + i), lines: [{ sku: item.sku, qty: fitting(c, item, 0.2, 30) }] });
  });
  return requests;
}
