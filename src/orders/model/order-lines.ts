// What may be shipped of an order's lines and how their quantities may change. Pure: the shipment, the
// line edit, the actions list and the drawer read the same answer.
import { AppError, refused } from "../../core/errors.js";

export interface LineQty {
  line: number;
  qty: number;
}

/** Each line's quantity still to ship: ordered minus shipped so far (never below zero). */
export function remainingByLine(lines: { line_no: number; qty: number }[], shipped: Map<number, number>): LineQty[] {
  return lines.map((l) => ({ line: l.line_no, qty: Math.max(l.qty - (shipped.get(l.line_no) ?? 0), 0) }));
}

/** Partly shipped: something went out and something is still to go. */
export function isPartlyShipped(remaining: LineQty[], shipped: Map<number, number>): boolean {
  return [...shipped.values()].some((q) => q > 0) && remaining.some((r) => r.qty > 0);
}

/**
 * The lines a shipment carries: the requested ones, each at most what is still to ship, or, when none are
 * named, everything still to ship. Refuses an unknown line, a repeated one or more than remains.
 */
export function planShipment(remaining: LineQty[], requested?: LineQty[]): LineQty[] {
  if (!requested) return remaining.filter((r) => r.qty > 0);
  const seen = new Set<number>();
  requested.forEach((r, i) => {
    const open = remaining.find((x) => x.line === r.line);
    if (!open) throw new AppError("invalid", "order.line_not_found", { line: r.line }, `lines[${i}].line`);
    if (seen.has(r.line)) throw new AppError("invalid", "order.line_repeated", { line: r.line }, `lines[${i}].line`);
    seen.add(r.line);
    if (r.qty > open.qty) throw refused("order.ship_over", { line: r.line, qty: r.qty, remaining: open.qty }, `lines[${i}].qty`);
  });
  return requested.filter((r) => r.qty > 0);
}

/**
 * A change of line quantities: each named line must exist, appear once and go down (a larger quantity
 * needs the intake's judgement of credit, stock and promise: a further order). Answers the lines that change.
 */
export function planLineChange(lines: { line_no: number; qty: number }[], requested: LineQty[]): { line: number; from: number; to: number }[] {
  const seen = new Set<number>();
  const out: { line: number; from: number; to: number }[] = [];
  requested.forEach((r, i) => {
    const line = lines.find((l) => l.line_no === r.line);
    if (!line) throw new AppError("invalid", "order.line_not_found", { line: r.line }, `lines[${i}].line`);
    if (seen.has(r.line)) throw new AppError("invalid", "order.line_repeated", { line: r.line }, `lines[${i}].line`);
    seen.add(r.line);
    if (r.qty > line.qty) throw refused("order.line_increase", { line: r.line, qty: r.qty, current: line.qty }, `lines[${i}].qty`);
    if (r.qty !== line.qty) out.push({ line: r.line, from: line.qty, to: r.qty });
  });
  return out;
}
