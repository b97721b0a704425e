// The cost roll-up and price of a quote line, pure: materials from the BOM version at their current
// price (a made component rolled up on its own versions), routing hours × work-centre rate (set-up spread
// over the quantity), outsourcing as entered; the price adds the margin. All money in integer fen.
import { toFen } from "../../core/money.js";

export interface CostMaster {
  items: Map<string, { unitPrice: string }>;
  bomLines: Map<number, { componentSku: string; qtyPer: number }[]>;
  operations: Map<number, { setupHours: number; runHoursPerUnit: number; hourlyRate: string }[]>;
  effectiveBom: Map<string, number>;
  effectiveRouting: Map<string, number>;
}

export interface LineCost {
  /** Per unit, fen. */
  material: number;
  labour: number;
  outsourcing: number;
  unit: number;
}

const MAX_DEPTH = 8;

/** Total material and labour fen (unrounded) of making `qty` on these versions. */
function made(bomId: number | null, routingId: number | null, qty: number, master: CostMaster, depth: number) {
  let material = 0;
  let labour = 0;
  for (const line of bomId === null ? [] : (master.bomLines.get(bomId) ?? [])) {
    const need = line.qtyPer * qty;
    const subBom = master.effectiveBom.get(line.componentSku);
    if (subBom !== undefined && depth < MAX_DEPTH) {
      const sub = made(subBom, master.effectiveRouting.get(line.componentSku) ?? null, need, master, depth + 1);
      material += sub.material;
      labour += sub.labour;
    } else {
      material += Number(toFen(master.items.get(line.componentSku)?.unitPrice ?? "0")) * need;
    }
  }
  for (const op of routingId === null ? [] : (master.operations.get(routingId) ?? [])) {
    labour += (op.setupHours + op.runHoursPerUnit * qty) * Number(toFen(op.hourlyRate));
  }
  return { material, labour };
}

export function lineCost(
  line: { qty: number; bomVersionId: number | null; routingVersionId: number | null; outsourcingFen: number },
  master: CostMaster,
): LineCost {
  const total = made(line.bomVersionId, line.routingVersionId, line.qty, master, 0);
  const material = Math.round(total.material / line.qty);
  const labour = Math.round(total.labour / line.qty);
  return { material, labour, outsourcing: line.outsourcingFen, unit: material + labour + line.outsourcingFen };
}

/** The price that earns `marginPct` of the price on this cost, rounded up to a whole yuan. */
export function priceForMargin(unitCostFen: number, marginPct: number): number {
  if (unitCostFen <= 0) return 0;
  const exact = unitCostFen / (1 - marginPct / 100);
  return Math.ceil(exact / 100 - 1e-9) * 100;
}

/** Margin as a percentage of the price, two decimals; 0 for a zero price. */
export function marginOf(priceFen: number, costFen: number): number {
  if (priceFen <= 0) return 0;
  return Math.round(((priceFen - costFen) / priceFen) * 10_000) / 100;
}
