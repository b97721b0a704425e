// The shop floor as a discrete-event simulation of one plant day: every unit works the operations the
// morning plan put on it, in the plan's order, as soon as the previous step of the lot is done (plus
// move time) and, for a lot's first step, its parts are on the shelf. Processing takes ±10% of the
// plan, units break down, pieces are scrapped and made again. What happens is reported back as the
// planning inputs the shop floor feeds (operation progress, downtime), never as a plan.
import { HOUR_MS } from "../../calendar/model/dates.js";
import type { Downtime, EngineeringData, OrderPlan } from "../../planning/model/types.js";
import { type Disturbances, keyed } from "./noise.js";

/** What the floor knows of one routing step of a lot: done (and when), or started with what is left. */
export type StepProgress =
  | { sku: string; seq: number; state: "done"; endAt?: number; startedAt?: number; resumedAt?: number; scrap?: number }
  | {
      sku: string;
      seq: number;
      state: "started";
      unit: number;
      startedAt: number;
      /** When work went on after a shift end (the operator reports the restart). */
      resumedAt?: number;
      remainingQty: number;
      leftHours?: number;
      scrap?: number;
    };

/** One order on the shop floor. */
export interface FloorOrder {
  orderNo: string;
  sku: string;
  qty: number;
  materialsIssued: boolean;
  /** Per routing step: done (with its end), or started with what is left. */
  progress: Map<number, StepProgress>;
  /** Clock time the last step ended, once every step is done. */
  finishedAt: number | null;
}

export interface ShopDay {
  /** Epoch ms the day's shift starts and ends (every centre works two shifts here). */
  from: number;
  to: number;
  dayKey: string;
}

export interface ShopEvents {
  downtime: Downtime[];
  /** Operations finished or advanced today. */
  reports: number;
  scrapped: number;
}

interface Queued {
  order: FloorOrder;
  seq: number;
  plannedStart: number;
}

const EPS_MS = 1;

/** Breakdown of one unit on one day: 20% of unit-days lose a stretch of up to 8 hours (5% of time on average at the default). */
function breakdown(seed: number, d: Disturbances, code: string, unit: number, day: ShopDay): [number, number] | null {
  const key = `${code}|${unit}|${day.dayKey}`;
  const p = d.breakdownShare * 4;
  if (keyed(seed, `down?${key}`) >= p) return null;
  const length = keyed(seed, `down-len${key}`) * 8 * HOUR_MS;
  const start = day.from + keyed(seed, `down-at${key}`) * (day.to - day.from - length);
  return [start, start + length];
}

/** Working time from `from` that `hours` of work needs on a unit down during `down`; the end, or null if past `to`. */
function finishTime(from: number, hours: number, to: number, down: [number, number] | null): { end: number | null; worked: number } {
  let t = from;
  let left = hours * HOUR_MS;
  const stretches: [number, number][] = down
    ? [
        [from, Math.max(from, down[0])],
        [Math.max(from, down[1]), to],
      ]
    : [[from, to]];
  let worked = 0;
  for (const [a0, b] of stretches) {
    const a = Math.max(a0, t);
    if (b <= a) continue;
    const take = Math.min(left, b - a);
    worked += take;
    left -= take;
    t = a + take;
    if (left <= EPS_MS) return { end: t, worked: worked / HOUR_MS };
  }
  return { end: null, worked: worked / HOUR_MS };
}

/**
 * Runs one plant day. `plans` is the morning plan; `stock` is changed as parts are issued. Lots planned to
 * start later may be pulled forward on a free unit (not a lot's first step: its parts are the plan's).
 */
export function runShopDay(
  seed: number,
  d: Disturbances,
  eng: EngineeringData,
  day: ShopDay,
  plans: OrderPlan[],
  orders: Map<string, FloorOrder>,
  stock: Map<string, number>,
  moveHours: Record<string, number>,
): ShopEvents {
  const events: ShopEvents = { downtime: [], reports: 0, scrapped: 0 };
  const queues = new Map<string, Queued[]>();
  for (const p of plans) {
    const order = orders.get(p.orderNo);
    if (!order) continue;
    for (const op of p.ops) {
      const unit = op.segments[0]?.unit ?? 0;
      const first = order.progress.size === 0 && !order.materialsIssued;
      // A lot's first step only on or before its planned day; later steps up to a day ahead.
      if (op.startAt >= day.to + (first && op.seq === firstSeq(eng, order.sku) ? 0 : 24 * HOUR_MS)) continue;
      const key = `${op.workCentre}|${unit}`;
      queues.set(key, [...(queues.get(key) ?? []), { order, seq: op.seq, plannedStart: op.startAt }]);
    }
  }
  const units = [...queues.entries()].map(([key, queue]) => {
    const [code, u] = key.split("|");
    const down = breakdown(seed, d, code, Number(u), day);
    if (down) events.downtime.push({ workCentre: code, unit: Number(u), startsAt: down[0], endsAt: down[1] });
    return { code, unit: Number(u), t: day.from, queue: queue.sort((a, b) => a.plannedStart - b.plannedStart), down };
  });
  // `stalled`: the time a unit last found nothing ready; it tries again once another unit has worked.
  const stalled = new Map<(typeof units)[number], number>();
  for (;;) {
    const open = units.filter((u) => u.t < day.to - EPS_MS && u.queue.length);
    const active = open.filter((u) => stalled.get(u) !== u.t);
    if (!active.length) break;
    const unit = active.reduce((a, b) => (b.t < a.t ? b : a));
    let picked: { i: number; at: number } | null = null;
    for (let i = 0; i < unit.queue.length && !picked; i++) {
      const ready = readyAt(eng, unit.queue[i].order, unit.queue[i].seq, stock, moveHours);
      if (ready !== null && ready < day.to) picked = { i, at: Math.max(unit.t, ready) };
    }
    if (!picked) {
      // Nothing ready now: wait until the next unit moves on (its work may finish a predecessor).
      stalled.set(unit, unit.t);
      const later = open.filter((u) => u.t > unit.t).map((u) => u.t);
      if (later.length) unit.t = Math.min(...later);
      continue;
    }
    const q = unit.queue[picked.i];
    unit.queue.splice(picked.i, 1);
    events.reports++;
    unit.t = work(seed, d, eng, unit, q, picked.at, day, stock, events);
    stalled.clear();
  }
  return events;
}

function firstSeq(eng: EngineeringData, sku: string): number {
  return eng.routings.get(eng.currentRouting.get(sku) ?? -1)?.ops[0]?.seq ?? 0;
}

/** When step `seq` of the lot may start: the previous step done and moved, and the parts there for the first step. */
function readyAt(eng: EngineeringData, order: FloorOrder, seq: number, stock: Map<string, number>, moveHours: Record<string, number>): number | null {
  const ops = eng.routings.get(eng.currentRouting.get(order.sku) ?? -1)?.ops ?? [];
  const i = ops.findIndex((o) => o.seq === seq);
  const own = order.progress.get(seq);
  if (own?.state === "done") return null;
  if (i < 0) return null;
  if (i === 0) {
    if (order.materialsIssued) return Number.NEGATIVE_INFINITY;
    const bom = eng.boms.get(eng.currentBom.get(order.sku) ?? -1);
    const short = (bom?.lines ?? []).some((l) => (stock.get(l.sku) ?? 0) < l.qtyPer * order.qty - 1e-9);
    return short ? null : Number.NEGATIVE_INFINITY;
  }
  const prev = order.progress.get(ops[i - 1].seq);
  if (prev?.state !== "done" || prev.endAt === undefined) return null;
  return prev.endAt + (moveHours[ops[i - 1].workCentre] ?? 0) * HOUR_MS;
}

/** Works step `q` from `at` until done or the shift ends; returns the unit's next free time. */
function work(
  seed: number,
  d: Disturbances,
  eng: EngineeringData,
  unit: { code: string; unit: number; down: [number, number] | null },
  q: Queued,
  at: number,
  day: ShopDay,
  stock: Map<string, number>,
  events: ShopEvents,
): number {
  const { order, seq } = q;
  const op = eng.routings.get(eng.currentRouting.get(order.sku) ?? -1)!.ops.find((o) => o.seq === seq)!;
  if (!order.materialsIssued) {
    for (const l of eng.boms.get(eng.currentBom.get(order.sku) ?? -1)?.lines ?? []) stock.set(l.sku, (stock.get(l.sku) ?? 0) - l.qtyPer * order.qty);
    order.materialsIssued = true;
  }
  const prior = order.progress.get(seq);
  let hours: number;
  let startedAt = at;
  let resumedAt: number | undefined;
  let scrapped = prior?.state === "started" ? (prior.scrap ?? 0) : 0;
  if (prior?.state === "started" && prior.leftHours !== undefined) {
    hours = prior.leftHours;
    startedAt = prior.startedAt;
    resumedAt = at;
  } else {
    const key = `${order.orderNo}|${seq}`;
    const factor = 1 - d.processingSpread + 2 * d.processingSpread * keyed(seed, `speed${key}`);
    const share = d.scrapMin + (d.scrapMax - d.scrapMin) * keyed(seed, `scrap-share${key}`);
    scrapped = 0;
    for (let i = 0; i < order.qty; i++) if (keyed(seed, `scrap${key}|${i}`) < share) scrapped++;
    events.scrapped += scrapped;
    // Scrapped pieces are made again at this step: their run time once more.
    hours = (op.setupHours + op.runHoursPerUnit * (order.qty + scrapped)) * factor;
  }
  const done = finishTime(at, hours, day.to, unit.down);
  if (done.end !== null) {
    order.progress.set(seq, { sku: order.sku, seq, state: "done", endAt: done.end, startedAt, resumedAt, scrap: scrapped });
    const ops = eng.routings.get(eng.currentRouting.get(order.sku) ?? -1)!.ops;
    if (ops.every((o) => order.progress.get(o.seq)?.state === "done")) order.finishedAt = done.end;
    return done.end;
  }
  const left = hours - done.worked;
  const remainingQty = Math.max(1, Math.ceil((order.qty * left) / Math.max(hours, 1e-9)));
  order.progress.set(seq, { sku: order.sku, seq, state: "started", unit: unit.unit, startedAt, resumedAt, remainingQty, leftHours: left, scrap: scrapped });
  return day.to;
}
