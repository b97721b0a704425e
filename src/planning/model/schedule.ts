// Forward finite-capacity scheduling of one order on the board and the ATP ledger: the BOM of each
// line is exploded level by level (pinned version at the top, the current one below), netted against
// stock and open supply, and each job's routing operations are loaded on their work centres from
// the day its materials and sub-assemblies are there. Operations follow each other in clock time: the
// next one starts no earlier than the previous one ends, plus the centre's move time.
import { dayNumber, HOUR_MS, plantDayOf } from "../../calendar/model/dates.js";
import type { AtpLedger } from "./atp.js";
import type { CapacityBoard } from "./capacity.js";
import { type ReleasedJob, releasedJobs } from "./released.js";
import { dayStartMs } from "./timeline.js";
import type { Constraint, EngineeringData, MaterialNeed, OrderPlan, PlanOrder, PromiseCondition, ScheduledOp } from "./types.js";

const EPS = 1e-9;

export interface ScheduleContext {
  engineering: EngineeringData;
  todayN: number;
  dayNumber: (day: string) => number;
  /** Epoch ms before which nothing is planned (today's shift start, or now). */
  startAt?: number;
  /** Move time after an operation, per centre (hours). */
  moveHours?: Record<string, number>;
  /** Days purchased parts are wanted before the job starts (a supply buffer against late receipts); default 0. */
  materialBufferDays?: number;
  /** Days a new order's promise leaves after the plan's finish (promiseOrder); default 0. */
  shippingBufferDays?: number;
}

interface Job {
  id: number;
  sku: string;
  qty: number;
  routingId: number | null;
  children: Job[];
  materials: MaterialNeed[];
  /** Hours of the job's own operations: its share of the backward offset to the need date. */
  hours: number;
  /** Released work only: actual start (epoch ms) of each operation already started, by seq. */
  started?: Map<number, number>;
}

interface Trace {
  ops: ScheduledOp[];
  materials: MaterialNeed[];
  waits: { op: ScheduledOp; days: number; lastBlocked: NonNullable<ReturnType<CapacityBoard["take"]>>["lastBlocked"] }[];
  failed: boolean;
}

const HOURS_PER_DAY_ESTIMATE = 8;

function opHours(setup: number, run: number, qty: number) {
  return setup + run * qty;
}

/** Explodes a made quantity into a job tree, netting sub-assemblies against stock as it goes. */
function explode(
  ctx: ScheduleContext,
  ledger: AtpLedger,
  orderNo: string,
  sku: string,
  qty: number,
  bomId: number | null,
  routingId: number | null,
  needN: number,
  nextId: { v: number },
  depth: number,
): Job {
  const eng = ctx.engineering;
  const routing = eng.routings.get(routingId ?? eng.currentRouting.get(sku) ?? -1);
  const bom = eng.boms.get(bomId ?? eng.currentBom.get(sku) ?? -1);
  const job: Job = { id: nextId.v++, sku, qty, routingId: routing?.id ?? null, children: [], materials: [], hours: 0 };
  job.hours = (routing?.ops ?? []).reduce((h, op) => h + opHours(op.setupHours, op.runHoursPerUnit, qty), 0);
  // Components are needed when this job starts: its need date less its own processing time.
  const ownDays = Math.ceil(job.hours / HOURS_PER_DAY_ESTIMATE);
  const componentNeed = Math.max(ctx.todayN, needN - ownDays - (ctx.materialBufferDays ?? 0));
  for (const line of bom?.lines ?? []) {
    const required = line.qtyPer * qty;
    const item = eng.items.get(line.sku);
    const made = item && item.kind !== "purchased" && depth < 8 && (eng.currentBom.has(line.sku) || eng.currentRouting.has(line.sku));
    if (made) {
      const reserved = ledger.takeReserved(orderNo, line.sku, required);
      const stock = ledger.allocate(line.sku, required - reserved, componentNeed);
      const fromStock = reserved + stock.taken;
      if (fromStock > EPS) job.materials.push(need(job.id, line.sku, fromStock, componentNeed, 0, stock.readyN, false));
      const rest = required - fromStock;
      if (rest > EPS) job.children.push(explode(ctx, ledger, orderNo, line.sku, rest, null, null, componentNeed, nextId, depth + 1));
      continue;
    }
    job.materials.push(netPurchased(ctx, ledger, orderNo, job.id, line.sku, required, componentNeed));
  }
  return job;
}

function need(job: number, sku: string, qty: number, needN: number, short: number, readyN: number, purchase: boolean): MaterialNeed {
  return { job, sku, qty, needN, kitted: short <= EPS, short, readyN, purchase };
}

/** A purchased component: reserved stock, then stock and supply by the need date, then later supply, then a new purchase. */
function netPurchased(ctx: ScheduleContext, ledger: AtpLedger, orderNo: string, jobId: number, sku: string, qty: number, needN: number): MaterialNeed {
  const reserved = ledger.takeReserved(orderNo, sku, qty);
  // Latest supply first (early stock stays free for early needs); ready when the latest of it is in.
  const byNeed = ledger.allocate(sku, qty - reserved, needN);
  const short = qty - reserved - byNeed.taken;
  const risk = byNeed.taken > EPS ? ledger.risksTaken(sku, needN) : { overdue: false, unconfirmed: false };
  const flags = { ...(risk.overdue ? { overdue: true } : {}), ...(risk.unconfirmed ? { unconfirmed: true } : {}) };
  if (short <= EPS) return { ...need(jobId, sku, qty, needN, 0, byNeed.readyN, false), ...flags };
  // Later open supply, unless a purchase placed today would come sooner.
  const lead = ctx.engineering.items.get(sku)?.leadTimeDays ?? 0;
  const later = ledger.earliestCovering(sku, short);
  if (later !== null && later <= ctx.todayN + lead) {
    ledger.allocateBy(sku, short, later);
    const late = ledger.risksTaken(sku, later);
    return {
      ...need(jobId, sku, qty, needN, short, later, false),
      ...(risk.overdue || late.overdue ? { overdue: true } : {}),
      ...(risk.unconfirmed || late.unconfirmed ? { unconfirmed: true } : {}),
    };
  }
  return need(jobId, sku, qty, needN, short, ctx.todayN + lead, true);
}

const dayOfMs = (ms: number) => dayNumber(plantDayOf(ms));

/** The hours of each part of an operation: one part, or one per unit when it may be split. */
function pieces(board: CapacityBoard, workCentre: string, setup: number, run: number, qty: number, splittable: boolean): number[] {
  const parts = splittable ? Math.max(1, Math.min(board.units(workCentre), Math.floor(qty))) : 1;
  return Array.from({ length: parts }, () => opHours(setup, run, qty / parts));
}

/**
 * Schedules a job after its children and materials; returns when its last operation ends (epoch ms)
 * and when the next step may start (after the move time).
 */
function scheduleJob(ctx: ScheduleContext, board: CapacityBoard, job: Job, trace: Trace): { endAt: number; readyAt: number } {
  const startAt = ctx.startAt ?? dayStartMs(ctx.todayN);
  let release = startAt;
  for (const child of job.children) release = Math.max(release, scheduleJob(ctx, board, child, trace).readyAt);
  for (const m of job.materials) if (m.readyN > ctx.todayN) release = Math.max(release, dayStartMs(m.readyN));
  trace.materials.push(...job.materials);
  const routing = job.routingId === null ? undefined : ctx.engineering.routings.get(job.routingId);
  let at = release;
  let endAt = release;
  for (const op of routing?.ops ?? []) {
    if (trace.failed) return { endAt, readyAt: at };
    // Started on the shop floor: it runs on from its actual start (not after a predecessor still running).
    const startedAt = job.started?.get(op.seq);
    const parts = pieces(board, op.workCentre, op.setupHours, op.runHoursPerUnit, job.qty, startedAt === undefined && (op.splittable ?? false));
    const hours = parts.reduce((a, b) => a + b, 0);
    const taken = board.take(op.workCentre, parts, startedAt === undefined ? at : Math.max(startAt, Math.min(at, startedAt)));
    if (!taken) {
      trace.failed = true;
      return { endAt, readyAt: at };
    }
    const scheduled: ScheduledOp = {
      job: job.id,
      sku: job.sku,
      seq: op.seq,
      workCentre: op.workCentre,
      hours,
      releaseN: taken.releaseN,
      startN: taken.startN,
      endN: taken.endN,
      releaseAt: at,
      startAt: taken.startAt,
      endAt: taken.endAt,
      segments: taken.segments,
    };
    trace.ops.push(scheduled);
    // Delay the centre caused: days from release to end, less the days the work takes on an empty centre.
    const nominal = board.nominalLimit(op.workCentre);
    const minDays = nominal > 0 ? Math.max(1, Math.ceil(hours / nominal)) : 1;
    trace.waits.push({ op: scheduled, days: taken.endN - taken.releaseN + 1 - minDays, lastBlocked: taken.lastBlocked });
    endAt = taken.endAt;
    at = taken.endAt + (ctx.moveHours?.[op.workCentre] ?? 0) * HOUR_MS;
  }
  return { endAt, readyAt: at };
}

/** Plans one order on `board` and `ledger` (both are changed: fork them for a what-if). */
export function scheduleOrder(ctx: ScheduleContext, board: CapacityBoard, ledger: AtpLedger, order: PlanOrder, rank: number): OrderPlan {
  const dueN = order.dueDate ? ctx.dayNumber(order.dueDate) : null;
  const needN = dueN === null ? ctx.todayN : Math.max(ctx.todayN, dueN);
  const trace: Trace = { ops: [], materials: [], waits: [], failed: false };
  const nextId = { v: 1 };
  let finish = ctx.todayN;
  // Released to the shop floor: the work orders' remaining operations, not the BOM (released.ts).
  // Nothing reported on yet and the order not in production: its parts are still to be issued.
  const unissued = !order.materialsIssued && (order.released ?? []).every((wo) => wo.ops.every((op) => op.status === "open"));
  if (order.released)
    for (const job of releasedJobs(ctx.engineering, order.released)) {
      if (unissued) kitReleased(ctx, ledger, order, job, needN);
      finish = Math.max(finish, dayOfMs(scheduleJob(ctx, board, job, trace).endAt));
    }
  for (const line of order.released ? [] : order.lines) {
    let qty = line.qty;
    // Finished stock: what is reserved for this order, then free stock for a standard line.
    const fromStock = order.materialsIssued
      ? 0
      : ledger.takeReserved(order.orderNo, line.sku, qty) + (line.standard ? ledger.allocateBy(line.sku, qty, needN) : 0);
    qty -= fromStock;
    if (qty <= EPS) continue;
    const item = ctx.engineering.items.get(line.sku);
    if (item?.kind === "purchased" && !order.materialsIssued) {
      // A bought-in line (a spare): what stock and supply do not cover waits for its purchase.
      const m = netPurchased(ctx, ledger, order.orderNo, 0, line.sku, qty, needN);
      trace.materials.push(m);
      finish = Math.max(finish, m.readyN);
      continue;
    }
    // In production: materials and sub-assemblies are issued; only the line's own routing remains.
    const top = order.materialsIssued
      ? issuedJob(ctx, line.sku, qty, line.routingVersionId, nextId)
      : explode(ctx, ledger, order.orderNo, line.sku, qty, line.bomVersionId, line.routingVersionId, needN, nextId, 0);
    // Ready to ship on the plant day its last operation ends.
    finish = Math.max(finish, dayOfMs(scheduleJob(ctx, board, top, trace).endAt));
  }
  const materialReadyN = trace.materials.reduce((m, x) => Math.max(m, x.readyN), ctx.todayN);
  const finishN = trace.failed ? null : finish;
  const kittable = trace.materials.length;
  return {
    orderNo: order.orderNo,
    rank,
    dueN,
    needN: trace.materials.reduce((n, m) => Math.min(n, m.needN), needN),
    materialReadyN,
    finishN,
    late: finishN === null || (dueN !== null && finishN > dueN),
    kittingRate: kittable ? trace.materials.filter((m) => m.kitted).length / kittable : 1,
    ops: trace.ops,
    materials: trace.materials,
    bottleneck: binding(ctx, trace, materialReadyN, finishN),
    conditions: conditions(ctx, trace.materials),
  };
}

/**
 * A work order released before its materials are issued (the order is scheduled, nothing started) still
 * needs its purchased parts: netted as the BOM explosion nets them, so the plan keeps counting them,
 * requests what is short and does not hand them to another order. Its sub-assemblies' work orders too.
 */
function kitReleased(ctx: ScheduleContext, ledger: AtpLedger, order: PlanOrder, job: ReleasedJob, needN: number) {
  for (const child of job.children) kitReleased(ctx, ledger, order, child, needN);
  const eng = ctx.engineering;
  const hours = (eng.routings.get(job.routingId ?? -1)?.ops ?? []).reduce((h, op) => h + opHours(op.setupHours, op.runHoursPerUnit, job.qty), 0);
  const componentNeed = Math.max(ctx.todayN, needN - Math.ceil(hours / HOURS_PER_DAY_ESTIMATE) - (ctx.materialBufferDays ?? 0));
  const pinned = order.lines.find((l) => l.sku === job.sku)?.bomVersionId ?? null;
  const bom = eng.boms.get(pinned ?? eng.currentBom.get(job.sku) ?? -1);
  for (const line of bom?.lines ?? []) {
    if (eng.items.get(line.sku)?.kind !== "purchased") continue;
    job.materials.push(netPurchased(ctx, ledger, order.orderNo, job.id, line.sku, line.qtyPer * job.qty, componentNeed));
  }
}

/** Purchases the date needs (one per sku), supply it counts on that is already overdue, or not confirmed. */
function conditions(ctx: ScheduleContext, materials: MaterialNeed[]): PromiseCondition[] {
  const purchases = new Map<string, { kind: "purchase"; sku: string; qty: number; leadTimeDays: number; readyN: number }>();
  const overdue = new Set<string>();
  const unconfirmed = new Set<string>();
  for (const m of materials) {
    if (m.overdue) overdue.add(m.sku);
    if (m.unconfirmed) unconfirmed.add(m.sku);
    if (!m.purchase) continue;
    const p = purchases.get(m.sku) ?? {
      kind: "purchase" as const,
      sku: m.sku,
      qty: 0,
      leadTimeDays: ctx.engineering.items.get(m.sku)?.leadTimeDays ?? 0,
      readyN: m.readyN,
    };
    p.qty += m.short;
    p.readyN = Math.max(p.readyN, m.readyN);
    purchases.set(m.sku, p);
  }
  return [
    ...purchases.values(),
    ...[...overdue].map((sku) => ({ kind: "overdue_supply" as const, sku })),
    ...[...unconfirmed].filter((sku) => !overdue.has(sku)).map((sku) => ({ kind: "unconfirmed_supply" as const, sku })),
  ];
}

function issuedJob(ctx: ScheduleContext, sku: string, qty: number, routingId: number | null, nextId: { v: number }): Job {
  const routing = ctx.engineering.routings.get(routingId ?? ctx.engineering.currentRouting.get(sku) ?? -1);
  return { id: nextId.v++, sku, qty, routingId: routing?.id ?? null, children: [], materials: [], hours: 0 };
}

/** What held the order back most: the longest wait for a work centre, else the latest material, else processing time. */
function binding(ctx: ScheduleContext, trace: Trace, materialReadyN: number, finishN: number | null): Constraint {
  if (finishN === null) return { kind: "horizon" };
  const worst = trace.waits.reduce<Trace["waits"][number] | undefined>(
    (w, x) => (x.days > 0 && (!w || x.days > w.days || (x.days === w.days && x.op.startN > w.op.startN)) ? x : w),
    undefined,
  );
  const materialWait = materialReadyN - ctx.todayN;
  if (materialWait > 0 && (!worst || materialWait >= worst.days)) {
    const m = trace.materials.reduce((a, b) => (b.readyN > a.readyN ? b : a));
    return { kind: "material", sku: m.sku, short: m.short, readyN: m.readyN, purchase: m.purchase };
  }
  if (worst) {
    // Started on its release day but spilled over: the centre was full on its first day.
    const blocked = worst.lastBlocked ?? { n: worst.op.startN, why: "full" as const, note: null };
    return { kind: "work_centre", code: worst.op.workCentre, untilN: blocked.n, why: blocked.why, note: blocked.note };
  }
  return { kind: "processing", days: finishN - ctx.todayN };
}
