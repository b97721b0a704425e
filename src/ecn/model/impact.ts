// Who an engineering change touches and what each row may decide, with the suggestion its effectivity
// gives. Pure: the affected order lines, stock and purchase lines in; rows out, each with the decisions
// it allows. The suggestion is only that: release waits for a person's decision on every row.

export const DECISIONS = ["keep", "switch", "rework", "scrap", "cancel_reorder", "ask_customer"] as const;
export type Decision = (typeof DECISIONS)[number];
export type Effectivity = "date" | "order" | "use_up";
/** How far the line's work order has gone: not released yet, released, some operations started, done. */
export type Stage = "not_released" | "released" | "in_progress" | "done";

export interface AffectedLine {
  orderNo: string;
  lineNo: number;
  sku: string;
  qty: number;
  customer: string;
  customerName: string;
  status: string;
  /** The promised date, else the requested one. */
  due: string | null;
  /** The item of the order line when the change reaches it through a BOM (where-used), else null. */
  via: string | null;
  workOrder: string | null;
  stage: Stage;
  /** The last operation started on the work order (0: none). */
  startedThrough: number;
}

export interface AffectedStock {
  sku: string;
  onHand: number;
}
export interface AffectedPurchase {
  poRef: string;
  sku: string;
  qty: number;
  expectedDate: string;
}

export type ImpactRow =
  | ({ kind: "order_line"; ref: string; suggested: Decision; allowed: Decision[] } & AffectedLine)
  | ({ kind: "stock"; ref: string; suggested: Decision; allowed: Decision[] } & AffectedStock)
  | ({ kind: "purchase"; ref: string; suggested: Decision; allowed: Decision[] } & AffectedPurchase);

export const lineRef = (orderNo: string, lineNo: number) => `${orderNo}/${lineNo}`;

export interface ImpactInput {
  effectivity: Effectivity;
  effectiveDate: string;
  lines: AffectedLine[];
  stock: AffectedStock[];
  purchases: AffectedPurchase[];
  /** Per unit of the changed item: how much of the old components the old version uses that the new one no longer does. */
  freedPerUnit: Map<string, number>;
}

const ALL_LINE: Decision[] = ["keep", "switch", "rework", "scrap", "cancel_reorder", "ask_customer"];
const DONE_LINE: Decision[] = ["keep", "rework", "scrap", "ask_customer"];

export function computeImpact(input: ImpactInput): ImpactRow[] {
  // "Use up old stock first": the earliest orders keep the old version while the stock freed by the
  // change covers them.
  const left = new Map(input.stock.map((s) => [s.sku, s.onHand]));
  const byDue = [...input.lines].sort((a, b) => (a.due ?? "9999").localeCompare(b.due ?? "9999") || a.orderNo.localeCompare(b.orderNo) || a.lineNo - b.lineNo);
  const suggestions = new Map<string, Decision>();
  for (const l of byDue) {
    const ref = lineRef(l.orderNo, l.lineNo);
    if (l.stage === "done") {
      suggestions.set(ref, "keep");
      continue;
    }
    if (input.effectivity === "order") suggestions.set(ref, "switch");
    else if (input.effectivity === "date") suggestions.set(ref, l.due !== null && l.due < input.effectiveDate ? "keep" : "switch");
    else {
      const needs = [...input.freedPerUnit].map(([sku, per]) => [sku, per * l.qty] as const);
      const covered = needs.length > 0 && needs.every(([sku, need]) => (left.get(sku) ?? 0) >= need);
      if (covered) for (const [sku, need] of needs) left.set(sku, (left.get(sku) ?? 0) - need);
      suggestions.set(ref, covered ? "keep" : "switch");
    }
  }
  const rows: ImpactRow[] = byDue.map((l) => {
    const ref = lineRef(l.orderNo, l.lineNo);
    return { kind: "order_line", ref, ...l, suggested: suggestions.get(ref) ?? "switch", allowed: l.stage === "done" ? DONE_LINE : ALL_LINE };
  });
  for (const s of input.stock) rows.push({ kind: "stock", ref: `STOCK/${s.sku}`, ...s, suggested: "keep", allowed: ["keep", "rework", "scrap"] });
  for (const p of input.purchases) {
    rows.push({
      kind: "purchase",
      ref: `PO/${p.poRef}/${p.sku}`,
      ...p,
      suggested: p.expectedDate >= input.effectiveDate ? "cancel_reorder" : "keep",
      allowed: ["keep", "cancel_reorder"],
    });
  }
  return rows;
}

/** The refs among `rows` still without a decision. */
export function undecided(rows: { ref: string }[], decided: Set<string>) {
  return rows.filter((r) => !decided.has(r.ref)).map((r) => r.ref);
}
