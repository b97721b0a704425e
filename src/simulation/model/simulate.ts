// One promising policy over the whole stream: each morning the plan is recomputed from what the shop
// floor reported (planAll, the re-plan's model), promises it can no longer keep are flagged at risk
// (brokenPromises, the re-plan's judge), purchase needs become requests; during the day orders come in
// and are quoted by the policy (Lvyue's CTP books its promise on the plan, as intake does); then the
// shop floor works the day. Pure: the same seed, stream and policy give the same outcome.

import { SHIFT_START_HOUR } from "../../calendar/model/calendar.js";
import { addDays, dayFromNumber, dayNumber, plantDayOf, plantMs } from "../../calendar/model/dates.js";
import { promiseOrder } from "../../planning/model/ctp.js";
import { planAll } from "../../planning/model/plan.js";
import { brokenPromises } from "../../planning/model/promise-checks.js";
import type { ReleasedWorkOrder } from "../../planning/model/released.js";
import type { EngineeringData, OrderPlan, PlanningInput, PlanOrder, PromiseCondition } from "../../planning/model/types.js";
import { type Disturbances, keyed } from "./noise.js";
import { type Demand, MOVE_HOURS, PARTS, simCalendar, simEngineering } from "./plant.js";
import { planViolations } from "./score.js";
import { type FloorOrder, runShopDay } from "./shop.js";

export type PolicyName = "lvyue-ctp" | "lvyue-ctp-no-buffers" | "as-asked" | "fixed-lead" | "lead-plus-margin";
export interface Policy {
  name: PolicyName;
  /** Calendar days quoted by the lead-time policies. */
  leadDays?: number;
  /** CTP: days between the plan's finish and the promise (the plant's shipping buffer, PlanningInput). */
  shippingBufferDays?: number;
  /** Days the plan wants purchased parts before the job starts (the plant's material buffer, PlanningInput). */
  materialBufferDays?: number;
}

export interface SimConfig {
  seed: number;
  /** First simulated day (a Monday). */
  start: string;
  /** Days orders come in; the shop then runs `drainDays` more without new orders. */
  days: number;
  drainDays: number;
  horizonDays: number;
  demand: Demand[];
  disturbances: Disturbances;
}

/** One order's life, as scored. */
export interface OrderOutcome {
  orderNo: string;
  arrivalN: number;
  askedN: number;
  rush: boolean;
  /** First promised date; null: no promise could be given. */
  promisedN: number | null;
  /** Days the plan flagged it at risk (a morning re-plan found the promise unkeepable). */
  flaggedN: number[];
  /** What the plan blamed the first time it flagged the order. */
  flagReason?: string;
  deliveredN: number | null;
  /** Days from arrival to the last operation's end. */
  flowDays: number | null;
}

export interface Receipt {
  id: number;
  sku: string;
  qty: number;
  requestedN: number;
  /** The date the plan counts on: request + lead time, then the supplier's confirmed date. */
  expectedN: number;
  confirmedN: number | null;
  /** The day it really arrives; null: the supplier cancels it (known on the expected day). */
  arrivesN: number | null;
}

export interface SimOutcome {
  policy: Policy;
  orders: OrderOutcome[];
  feasibilityViolations: number;
  /** Purchases a booked promise counted on that nobody requested by the next re-plan. */
  phantomPurchases: number;
  purchaseRequests: number;
  lateReceipts: number;
  cancelledReceipts: number;
  downtimeHours: number;
  scrapped: number;
  planMs: number[];
  promiseMs: number[];
}

interface Open {
  demand: Demand;
  outcome: OrderOutcome;
  floor: FloorOrder;
  createdAt: number;
}

/** A receipt's fate: 2% cancelled, 10% late by 0–3 days, the rest on the day. */
export function receiptFate(seed: number, d: Disturbances, id: number, expectedN: number): number | null {
  const u = keyed(seed, `receipt${id}`);
  if (u < d.cancelledReceiptShare) return null;
  if (u < d.cancelledReceiptShare + d.lateReceiptShare) return expectedN + Math.floor(keyed(seed, `late${id}`) * (d.lateReceiptMaxDays + 1));
  return expectedN;
}

export function simulate(cfg: SimConfig, policy: Policy): SimOutcome {
  const eng = simEngineering();
  const calendar = simCalendar();
  const d = cfg.disturbances;
  const startN = dayNumber(cfg.start);
  const stock = new Map(PARTS.map((p) => [p.sku, p.stock]));
  const receipts: Receipt[] = [];
  const open = new Map<string, Open>();
  const done: OrderOutcome[] = [];
  const names = { item: (sku: string) => eng.items.get(sku), centre: () => undefined };
  const out: SimOutcome = {
    policy,
    orders: [],
    feasibilityViolations: 0,
    phantomPurchases: 0,
    purchaseRequests: 0,
    lateReceipts: 0,
    cancelledReceipts: 0,
    downtimeHours: 0,
    scrapped: 0,
    planMs: [],
    promiseMs: [],
  };
  /** Purchases the day's plan and promises count on: each must be a request placed today. */
  let owed: string[] = [];
  let nextReceipt = 1;
  const byDay = new Map<number, Demand[]>();
  for (const x of cfg.demand) byDay.set(x.day, [...(byDay.get(x.day) ?? []), x]);
  const lastDay = cfg.days + cfg.drainDays;
  for (let day = 0; day < lastDay; day++) {
    const todayN = startN + day;
    const today = dayFromNumber(todayN);
    // Supply: what arrives today goes on the shelf; a cancelled line disappears on its due day.
    for (const r of [...receipts]) {
      if (r.arrivesN === todayN) stock.set(r.sku, (stock.get(r.sku) ?? 0) + r.qty);
      else if (r.arrivesN === null && todayN >= (r.confirmedN ?? r.expectedN)) out.cancelledReceipts++;
      else continue;
      receipts.splice(receipts.indexOf(r), 1);
    }
    for (const r of receipts) if (r.confirmedN === null && todayN >= r.requestedN + d.confirmDelayDays) r.confirmedN = r.expectedN;
    // The morning re-plan, from what the shop floor reported.
    const orders = [...open.values()].map((o) => planOrder(o, eng));
    const input: PlanningInput = {
      today,
      horizonDays: cfg.horizonDays,
      calendar,
      engineering: eng,
      supply: {
        stock: [...stock].map(([sku, free]) => ({ sku, location: "WH", free: Math.max(0, free) })),
        receipts: receipts.map((r) => ({ sku: r.sku, location: "WH", qty: r.qty, date: dayFromNumber(r.confirmedN ?? r.expectedN) })),
        reservations: [],
      },
      orders,
      nowMs: plantMs(today, SHIFT_START_HOUR),
      moveHours: MOVE_HOURS,
      materialBufferDays: policy.materialBufferDays,
      shippingBufferDays: policy.shippingBufferDays,
    };
    const t0 = performance.now();
    const plan = planAll(input);
    out.planMs.push(performance.now() - t0);
    out.feasibilityViolations += planViolations(input, plan.orders, (code, n) => plan.state.board.limit(code, n)).length;
    // No silent breaks: the re-plan flags every promise it cannot keep.
    const planned = new Map(plan.orders.map((p) => [p.orderNo, p]));
    for (const b of brokenPromises(orders, plan.orders, dayNumber).broken) {
      const o = open.get(b.orderNo);
      if (!o) continue;
      o.outcome.flaggedN.push(todayN);
      o.outcome.flagReason ??= reasonOf(planned.get(b.orderNo)!);
    }
    // Purchasing: each purchase the plan's dates need becomes a request (as saving a plan does).
    const request = (c: PromiseCondition) => {
      if (c.kind !== "purchase") return;
      const id = nextReceipt++;
      const expectedN = todayN + c.leadTimeDays;
      const arrivesN = receiptFate(cfg.seed, d, id, expectedN);
      if (arrivesN !== null && arrivesN > expectedN) out.lateReceipts++;
      receipts.push({ id, sku: c.sku, qty: c.qty, requestedN: todayN, expectedN, confirmedN: null, arrivesN });
      out.purchaseRequests++;
    };
    owed = [];
    for (const p of plan.orders)
      for (const c of p.conditions) {
        if (c.kind === "purchase") owed.push(c.sku);
        request(c);
      }
    // Intake: quotes during the day. Lvyue books on the plan, after today's capacity (the floor works the morning plan).
    const state = plan.state;
    for (const code of state.board.calendars.keys()) state.board.block(code, null, plantMs(today, 0), plantMs(addDays(today, 1), 0));
    for (const x of byDay.get(day) ?? []) {
      const askedN = todayN + x.askedDays;
      let promisedN: number | null;
      if (policy.name === "lvyue-ctp" || policy.name === "lvyue-ctp-no-buffers") {
        const t1 = performance.now();
        const quote = promiseOrder(
          state,
          {
            orderNo: x.orderNo,
            customer: "SIM",
            grade: x.grade,
            rush: x.rush,
            requestedDate: dayFromNumber(askedN),
            lines: [{ lineNo: 1, sku: x.sku, qty: x.qty, bomVersionId: null, routingVersionId: null, standard: false }],
          },
          names,
          { commit: true },
        );
        out.promiseMs.push(performance.now() - t1);
        // As intake stores it (promiseForIntake): the asked date when it holds, else the earliest (buffer included).
        promisedN = quote.earliestN === null ? null : Math.max(quote.earliestN, askedN);
        // The background re-plan after the intake requests what the booked promise counts on, the same day.
        if (quote.earliestN !== null)
          for (const c of quote.conditions) {
            if (c.kind === "purchase") owed.push(c.sku);
            request(c);
          }
      } else if (policy.name === "as-asked") promisedN = askedN;
      else promisedN = todayN + (policy.leadDays ?? 14);
      const outcome: OrderOutcome = {
        orderNo: x.orderNo,
        arrivalN: todayN,
        askedN,
        rush: x.rush,
        promisedN,
        flaggedN: [],
        deliveredN: null,
        flowDays: null,
      };
      const floor: FloorOrder = { orderNo: x.orderNo, sku: x.sku, qty: x.qty, materialsIssued: false, progress: new Map(), finishedAt: null };
      open.set(x.orderNo, { demand: x, outcome, floor, createdAt: plantMs(today, x.hour) });
    }
    // No phantom supply: every purchase a date counts on was placed with purchasing today.
    for (const sku of owed) if (!receipts.some((r) => r.sku === sku && r.requestedN === todayN)) out.phantomPurchases++;
    // The shop floor works the morning plan.
    if (!plan.state.calendars.values().next().value?.days[0].working) continue;
    const floors = new Map([...open].map(([no, o]) => [no, o.floor]));
    const events = runShopDay(
      cfg.seed,
      d,
      eng,
      { from: plantMs(today, SHIFT_START_HOUR), to: plantMs(today, SHIFT_START_HOUR + 16), dayKey: today },
      plan.orders,
      floors,
      stock,
      MOVE_HOURS,
    );
    out.scrapped += events.scrapped;
    out.downtimeHours += events.downtime.reduce((h, w) => h + (w.endsAt - w.startsAt) / 3_600_000, 0);
    for (const [no, o] of open) {
      if (o.floor.finishedAt === null) continue;
      o.outcome.deliveredN = dayNumber(plantDayOf(o.floor.finishedAt));
      o.outcome.flowDays = o.outcome.deliveredN - o.outcome.arrivalN;
      done.push(o.outcome);
      open.delete(no);
    }
  }
  out.orders = [...done, ...[...open.values()].map((o) => o.outcome)].sort((a, b) => (a.orderNo < b.orderNo ? -1 : 1));
  return out;
}

function reasonOf(p: OrderPlan): string {
  if (p.conditions.some((c) => c.kind === "overdue_supply")) return "overdue_supply";
  const c = p.bottleneck;
  return c.kind === "work_centre" ? `work_centre:${c.code}` : c.kind === "material" ? `material:${c.sku}` : c.kind;
}

/** The order as the plan sees it: promised (or not), with what the shop floor has reported. */
function planOrder(o: Open, eng: EngineeringData): PlanOrder {
  const promised = o.outcome.promisedN === null ? null : dayFromNumber(o.outcome.promisedN);
  return {
    orderNo: o.demand.orderNo,
    customer: "SIM",
    grade: o.demand.grade,
    rush: o.demand.rush,
    priority: 0,
    dueDate: promised ?? dayFromNumber(o.outcome.askedN),
    requestedDate: dayFromNumber(o.outcome.askedN),
    promisedDate: promised,
    createdAt: o.createdAt,
    materialsIssued: o.floor.materialsIssued,
    lines: [{ lineNo: 1, sku: o.demand.sku, qty: o.demand.qty, bomVersionId: null, routingVersionId: null, standard: false }],
    released: releasedWork(o, eng),
  };
}

/**
 * Once its parts are issued a lot is a released work order, reported on as the shop floor reports (the
 * plan's one input of actuals, planning/model/released.ts): done steps, started ones with their actual
 * start and what is left, the rest open.
 */
function releasedWork(o: Open, eng: EngineeringData): ReleasedWorkOrder[] | undefined {
  const floor = o.floor;
  if (!floor.materialsIssued && floor.progress.size === 0) return undefined;
  const routing = eng.routings.get(eng.currentRouting.get(floor.sku) ?? -1);
  if (!routing) return undefined;
  const ops = routing.ops.map((op, index) => {
    const step = floor.progress.get(op.seq);
    const base = { operationId: index + 1, seq: op.seq, workCentre: op.workCentre, setupHours: op.setupHours, runHoursPerUnit: op.runHoursPerUnit };
    if (step?.state === "done") return { ...base, status: "done" as const, qtyRemaining: 0, actualStart: null };
    if (step?.state === "started") return { ...base, status: "started" as const, qtyRemaining: step.remainingQty, actualStart: step.startedAt };
    return { ...base, status: "open" as const, qtyRemaining: floor.qty, actualStart: null };
  });
  return [{ id: Number(floor.orderNo.replace(/\D/g, "")), parentId: null, sku: floor.sku, qty: floor.qty, ops }];
}
