// Turns a validated order request plus the master data it names into the rows to write.
// Pure, so the single-order path and the bulk path share every business check.
import { AppError, refused } from "../../core/errors.js";
import { fromFen, toFen } from "../../core/money.js";
import { STAGE_OWNER } from "./lifecycle.js";
import { checkParams, type ParamSchema, type ParamValues, withDefaults } from "./params.js";

export interface OrderRequest {
  customer: string;
  lines: {
    sku: string;
    qty: number;
    params?: ParamValues;
    unitPrice?: string;
    /**
     * The BOM and routing versions to build on instead of those in force (a quote's line was costed on
     * them). In-process callers only: the HTTP schemas do not accept it.
     */
    pinned?: { bomVersionId: number | null; routingVersionId: number | null };
  }[];
  requestedDate?: string;
  rush?: boolean;
  tags?: string[];
  note?: string;
  /** false keeps the order as a draft; the default confirms it on intake. */
  confirm?: boolean;
}

export interface IntakeCustomer {
  code: string;
  grade: string;
  credit_limit: string;
  open_receivables: string;
  /** Finance's exposure (set by intake before judging; the typed receivables when absent). */
  exposure?: string;
  overdue?: string;
}
export interface IntakeItem {
  sku: string;
  unit_price: string;
  param_schema: ParamSchema;
  family: string;
  kind: string;
}
export interface IntakeContext {
  today: string;
  customers: Map<string, IntakeCustomer>;
  items: Map<string, IntakeItem>;
  /** Versions effective today, by sku: pinned on the line when the order is confirmed. */
  bomVersionBySku: Map<string, number>;
  routingVersionBySku: Map<string, number>;
}

export interface BuiltLine {
  line_no: number;
  sku: string;
  qty: number;
  unit_price: string;
  amount: string;
  params: ParamValues;
  nonstandard: boolean;
  bom_version_id: number | null;
  routing_version_id: number | null;
}
export interface BuiltOrder {
  customer_code: string;
  customer_grade: string;
  priority: number;
  /** Set by rules: the order is taken in on hold, with who must release it. */
  hold?: { reason: string; ownerRole: string; rules: { id: number; version: number }[] };
  status: "draft" | "confirmed";
  rush: boolean;
  tags: string[];
  requested_date: string | null;
  total_amount: string;
  nonstandard: boolean;
  owner_role: string | null;
  note: string;
  lines: BuiltLine[];
}

export const RUSH_TAGS = ["T+3", "加急"];

/** numeric(14,2): twelve digits before the point. */
const MAX_ORDER_FEN = 99_999_999_999_999n;

export function buildOrder(request: OrderRequest, ctx: IntakeContext): BuiltOrder {
  const customer = ctx.customers.get(request.customer);
  if (!customer) throw new AppError("invalid", "customer.not_found", { code: request.customer }, "customer");
  const tags = [...new Set(request.tags ?? [])];
  const rushTag = tags.find((t) => RUSH_TAGS.includes(t));
  const rush = request.rush === true || rushTag !== undefined;
  if (rush && customer.grade === "D") {
    const field = request.rush === true ? "rush" : `tags[${(request.tags ?? []).indexOf(rushTag ?? "")}]`;
    throw refused("order.rush_grade_d", { customer: customer.code }, field);
  }
  if (request.requestedDate !== undefined && request.requestedDate < ctx.today) {
    throw new AppError("invalid", "order.requested_in_past", { date: request.requestedDate }, "requestedDate");
  }
  const confirm = request.confirm !== false;
  const seen = new Set<string>();
  const lines = request.lines.map((line, i): BuiltLine => {
    const field = `lines[${i}]`;
    const item = ctx.items.get(line.sku);
    if (!item) throw new AppError("invalid", "item.not_found", { sku: line.sku }, `${field}.sku`);
    const params = line.params ?? {};
    const { nonstandard } = checkParams(line.sku, item.param_schema, params, `${field}.params`);
    const identity = `${line.sku}|${JSON.stringify(Object.entries(withDefaults(item.param_schema, params)).sort())}`;
    if (seen.has(identity)) throw new AppError("invalid", "order.duplicate_line", { line: i + 1 }, field);
    seen.add(identity);
    const unitPrice = line.unitPrice ?? item.unit_price;
    // Giving a priced item away is not a sales decision: a line may be discounted, never zeroed (a free
    // item is one whose list price master data sets at 0).
    if (line.unitPrice !== undefined && toFen(line.unitPrice) === 0n && toFen(item.unit_price) !== 0n) {
      throw refused("order.zero_price", { line: i + 1, sku: line.sku, listPrice: item.unit_price }, `${field}.unitPrice`);
    }
    const amountFen = toFen(unitPrice) * BigInt(line.qty);
    if (amountFen > MAX_ORDER_FEN) throw new AppError("invalid", "order.amount_too_large", { max: fromFen(MAX_ORDER_FEN) }, `${field}.qty`);
    return {
      line_no: i + 1,
      sku: line.sku,
      qty: line.qty,
      unit_price: unitPrice,
      amount: fromFen(amountFen),
      params,
      nonstandard,
      bom_version_id: line.pinned ? line.pinned.bomVersionId : confirm ? (ctx.bomVersionBySku.get(line.sku) ?? null) : null,
      routing_version_id: line.pinned ? line.pinned.routingVersionId : confirm ? (ctx.routingVersionBySku.get(line.sku) ?? null) : null,
    };
  });
  const total = lines.reduce((sum, l) => sum + toFen(l.amount), 0n);
  if (total > MAX_ORDER_FEN) throw new AppError("invalid", "order.amount_too_large", { max: fromFen(MAX_ORDER_FEN) }, "lines");
  const status = confirm ? "confirmed" : "draft";
  return {
    customer_code: customer.code,
    customer_grade: customer.grade,
    priority: 0,
    status,
    rush,
    tags,
    requested_date: request.requestedDate ?? null,
    total_amount: fromFen(total),
    nonstandard: lines.some((l) => l.nonstandard),
    owner_role: STAGE_OWNER[status],
    note: request.note ?? "",
    lines,
  };
}

/** The status an order is stored with when taken in: held by a rule, or as built. */
export const intakeStatus = (built: Pick<BuiltOrder, "hold" | "status">): string => (built.hold ? "on_hold" : built.status);
