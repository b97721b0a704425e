// Scores of a promising policy, from what happened: first commit against delivery, quoted lead time,
// tardiness, breaks nobody was warned of; and checks of every plan the simulation ran on.
import { HOUR_MS } from "../../calendar/model/dates.js";
import type { OrderPlan, PlanningInput } from "../../planning/model/types.js";
import type { SimOutcome } from "./simulate.js";

export interface Violation {
  kind: "over_capacity" | "precedence" | "unit_overlap" | "material_before_supply";
  orderNo: string | null;
  detail: string;
}

/**
 * What a plan must never do: load a centre-day beyond its limit, start a step before the previous one
 * ended (plus move time) in clock time, put two things on one unit at once, or start a lot before its
 * material is there.
 */
export function planViolations(input: PlanningInput, plans: OrderPlan[], limit: (code: string, n: number) => number): Violation[] {
  const out: Violation[] = [];
  const load = new Map<string, number>();
  const busy = new Map<string, [number, number][]>();
  for (const p of plans) {
    const byJob = new Map<number, typeof p.ops>();
    for (const op of p.ops) byJob.set(op.job, [...(byJob.get(op.job) ?? []), op]);
    for (const ops of byJob.values())
      for (let i = 1; i < ops.length; i++) {
        const gap = (input.moveHours?.[ops[i - 1].workCentre] ?? 0) * HOUR_MS;
        if (ops[i].startAt < ops[i - 1].endAt + gap - 1)
          out.push({ kind: "precedence", orderNo: p.orderNo, detail: `${ops[i].sku}/${ops[i].seq} starts before ${ops[i - 1].seq} ends` });
      }
    const materialN = p.materials.reduce((n, m) => Math.max(n, m.readyN), 0);
    const first = p.ops.reduce((n, op) => Math.min(n, op.startN), Number.POSITIVE_INFINITY);
    if (p.ops.length && first < materialN)
      out.push({ kind: "material_before_supply", orderNo: p.orderNo, detail: `starts day ${first}, material ${materialN}` });
    for (const op of p.ops)
      for (const s of op.segments) {
        const key = `${op.workCentre}|${s.n}`;
        load.set(key, (load.get(key) ?? 0) + s.hours);
        for (const at of s.at) busy.set(`${op.workCentre}|${s.unit}`, [...(busy.get(`${op.workCentre}|${s.unit}`) ?? []), at]);
      }
  }
  for (const [key, hours] of load) {
    const [code, n] = key.split("|");
    if (hours > limit(code, Number(n)) + 1e-6) out.push({ kind: "over_capacity", orderNo: null, detail: `${key}: ${hours.toFixed(2)} h` });
  }
  for (const [key, stretches] of busy) {
    stretches.sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < stretches.length; i++)
      if (stretches[i][0] < stretches[i - 1][1]) out.push({ kind: "unit_overlap", orderNo: null, detail: `${key} at ${stretches[i][0]}` });
  }
  return out;
}

export interface PolicyScore {
  name: string;
  orders: number;
  /** Orders judged: promised, with the promise inside the simulated days. */
  judged: number;
  noPromise: number;
  onTimeFirstCommit: number;
  meanQuotedLeadDays: number;
  p90QuotedLeadDays: number;
  promisedAsAsked: number;
  p95TardinessDays: number;
  silentBreaks: number;
  feasibilityViolations: number;
  phantomPurchases: number;
  promiseP99Ms: number | null;
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * An order is judged when it got a promise that falls on or before the last simulated day; it is on
 * time when its last operation ended by that first promise. A break is silent when no morning re-plan
 * flagged the order at risk on or before its promised day.
 */
export function scorePolicy(sim: SimOutcome, lastN: number): PolicyScore {
  const promised = sim.orders.filter((o) => o.promisedN !== null);
  const judged = promised.filter((o) => o.promisedN! <= lastN);
  const late = judged.filter((o) => o.deliveredN === null || o.deliveredN > o.promisedN!);
  const leads = promised.map((o) => o.promisedN! - o.arrivalN);
  const tardiness = judged.map((o) => Math.max(0, (o.deliveredN ?? lastN + 1) - o.promisedN!));
  return {
    name: sim.policy.name,
    orders: sim.orders.length,
    judged: judged.length,
    noPromise: sim.orders.length - promised.length,
    onTimeFirstCommit: judged.length ? round(1 - late.length / judged.length, 4) : 0,
    meanQuotedLeadDays: leads.length ? round(leads.reduce((a, b) => a + b, 0) / leads.length, 2) : 0,
    p90QuotedLeadDays: percentile(leads, 0.9),
    promisedAsAsked: sim.orders.length ? round(promised.filter((o) => o.promisedN! <= o.askedN).length / sim.orders.length, 4) : 0,
    p95TardinessDays: percentile(tardiness, 0.95),
    silentBreaks: late.filter((o) => !o.flaggedN.some((n) => n <= o.promisedN!)).length,
    feasibilityViolations: sim.feasibilityViolations,
    phantomPurchases: sim.phantomPurchases,
    promiseP99Ms: sim.promiseMs.length ? round(percentile(sim.promiseMs, 0.99), 2) : null,
  };
}
