// Which promises a plan keeps: pure, so the re-plan and the property tests judge the same way.
import type { OrderPlan, PlanOrder } from "./types.js";

export interface Broken {
  orderNo: string;
  promisedN: number;
  /** The day the plan now finishes it; null: not within the horizon. */
  plannedN: number | null;
  /** It counts on supply already past its expected date. */
  overdue: boolean;
}

/** Promised orders the plan finishes after their promise (or not at all), or only with overdue supply. */
export function brokenPromises(orders: PlanOrder[], plans: OrderPlan[], dayNumber: (day: string) => number): { broken: Broken[]; kept: string[] } {
  const promised = new Map(orders.filter((o) => o.promisedDate).map((o) => [o.orderNo, dayNumber(o.promisedDate!)]));
  const broken: Broken[] = [];
  const kept: string[] = [];
  for (const p of plans) {
    const promisedN = promised.get(p.orderNo);
    if (promisedN === undefined) continue;
    const overdue = p.conditions.some((c) => c.kind === "overdue_supply");
    if (p.finishN === null || p.finishN > promisedN || overdue) broken.push({ orderNo: p.orderNo, promisedN, plannedN: p.finishN, overdue });
    else kept.push(p.orderNo);
  }
  return { broken, kept };
}
