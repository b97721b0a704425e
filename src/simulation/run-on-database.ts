// The promise simulation through the product itself: an in-process PGlite database, migrated, holding the
// simulated plant, and every day replayed through the use cases the API uses, under a clock moved by
// hand (core/clock.ts). Each morning the warehouse reports what arrived (inventory's sync), purchasing
// confirms the requests the plan placed a day earlier (confirm-purchase-request), the planner schedules
// what starts by tomorrow (the orders' transition) and the background re-planner's tick runs (release
// to the shop floor, re-plan, at-risk flags, purchase requests). Orders come in through createOrder
// (the one intake path, take-in.ts) at their hour. The shop floor works the plan as the discrete-event
// model says and reports back through production's use cases (start, finish with good and scrap, machine
// down), a finished order ships (recordShipment); in the evening the warehouse reports the stock the
// floor used and the re-planner runs again. Scores are read back from the database: each order's first
// promised date, its at-risk entries and its shipment.
import type { Kysely } from "kysely";
import { dayFromNumber, dayNumber, plantDayOf, plantMs } from "../calendar/model/dates.js";
import { loadCalendarInputs } from "../calendar/store.js";
import type { Principal } from "../core/auth/principal.js";
import { manualClock, runWithClock } from "../core/clock.js";
import { openDatabase } from "../core/db/connect.js";
import { migrateToLatest } from "../core/db/migrate.js";
import type { DB } from "../core/db/schema.js";
import { AppError } from "../core/errors.js";
import { createOrder } from "../intake/create-order.js";
import { syncInventory } from "../inventory/sync-inventory.js";
import { recordShipment } from "../orders/record-shipment.js";
import { transitionOrder } from "../orders/transition-order.js";
import { confirmPurchaseRequest } from "../planning/confirm-purchase-request.js";
import type { PlanningHooks } from "../planning/hooks.js";
import { buildCentreCalendars } from "../planning/model/capacity.js";
import type { EngineeringData, OrderPlan } from "../planning/model/types.js";
import { computePlan } from "../planning/replan.js";
import { replanTick } from "../planning/replanner.js";
import { recordDowntime } from "../production/record-downtime.js";
import { reportOperation } from "../production/report-operation.js";
import { fireInventoryChanged } from "../rules/fire-inventory-changed.js";
import { PROMISE_DEFAULTS } from "../settings/promise-settings.js";
import { loadSimPlant, SIM_LOCATION, simCustomer } from "./load-sim-plant.js";
import { MOVE_HOURS, PARTS } from "./model/plant.js";
import { planViolations } from "./model/score.js";
import { type FloorOrder, runShopDay } from "./model/shop.js";
import { type OrderOutcome, receiptFate, type SimConfig, type SimOutcome } from "./model/simulate.js";

const as = (name: string, roles: Principal["roles"]): Principal => ({ kind: "user", id: 0, name, roles });
const SALES = as("sim-sales", ["sales"]);
const PLANNER = as("sim-planner", ["planner"]);
const PURCHASING = "sim-purchasing";
const FLOOR = as("sim-floor", ["production"]);
const WAREHOUSE = as("sim-wms", ["integration"]);

interface Receipt {
  ref: string;
  sku: string;
  qty: number;
  expectedN: number;
  arrivesN: number | null;
}

/** The shop floor's own record of one released order: the model's lot, and what was reported on it. */
interface Floor extends FloorOrder {
  operations: Map<number, number>;
  started: Set<number>;
  good: Map<number, number>;
  /** Steps paused at a shift end (when), and the good pieces those pauses reported. */
  paused: Map<number, number>;
  goodSoFar: Map<number, number>;
  shipped: boolean;
}

export interface DatabaseRunStats {
  replans: number;
  reports: number;
  /** Of those, pauses reported at a shift end with the good pieces so far. */
  pauses: number;
  intakeMs: number[];
  setupSeconds: number;
  /** Late orders by the reason the re-plan first flagged them with. */
  lateReasons: Record<string, number>;
}

export async function simulateOnDatabase(
  cfg: SimConfig,
  hooks: PlanningHooks,
  log: (line: string) => void = () => {},
): Promise<{ outcome: SimOutcome; stats: DatabaseRunStats }> {
  const t0 = performance.now();
  const database = await openDatabase({});
  try {
    const db = database.db;
    await migrateToLatest(db);
    const clock = manualClock(new Date(plantMs(cfg.start, 6)));
    return await runWithClock(clock, async () => {
      const eng = await loadSimPlant(db, cfg.start);
      const setupSeconds = (performance.now() - t0) / 1000;
      const run = await replay(db, cfg, hooks, eng, clock, log);
      return { outcome: run.outcome, stats: { ...run.stats, setupSeconds } };
    });
  } finally {
    await database.close();
  }
}

async function replay(
  db: Kysely<DB>,
  cfg: SimConfig,
  hooks: PlanningHooks,
  eng: EngineeringData,
  clock: ReturnType<typeof manualClock>,
  log: (line: string) => void,
) {
  const d = cfg.disturbances;
  const startN = dayNumber(cfg.start);
  const lastDay = cfg.days + cfg.drainDays;
  const shelf = new Map(PARTS.map((p) => [p.sku, p.stock]));
  const receipts = new Map<string, Receipt>();
  const allReceipts: (Receipt & { requestedN: number })[] = [];
  const trace = new Map<string, string[]>();
  const floors = new Map<string, Floor>();
  const stats = { replans: 0, reports: 0, pauses: 0, intakeMs: [] as number[], lateReasons: {} as Record<string, number> };
  const out: SimOutcome = {
    policy: { name: "lvyue-ctp", ...PROMISE_DEFAULTS },
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
  const byDay = new Map<number, typeof cfg.demand>();
  for (const x of cfg.demand) byDay.set(x.day, [...(byDay.get(x.day) ?? []), x]);
  const calendarInputs = await loadCalendarInputs(db, cfg.start, dayFromNumber(startN + lastDay));
  const calendars = buildCentreCalendars(calendarInputs, cfg.start, lastDay + 1);
  const working = (n: number) => [...calendars.values()].some((c) => c.days[n - startN]?.working);
  const tick = async () => {
    const t = performance.now();
    if (await replanTick(db, hooks)) {
      stats.replans++;
      out.planMs.push(performance.now() - t);
    }
  };
  let batch = 0;
  const sync = async (inTransit: Receipt[], statusOf: (r: Receipt) => "received" | "cancelled") => {
    await syncInventory(
      db,
      WAREHOUSE,
      {
        batchId: `sim-${++batch}`,
        balances: [...shelf].map(([sku, q]) => ({ sku, location: SIM_LOCATION, onHand: String(Math.max(0, Math.round(q * 1000) / 1000)) })),
        inTransit: inTransit.map((r) => ({
          kind: "purchase" as const,
          ref: r.ref,
          sku: r.sku,
          location: SIM_LOCATION,
          qty: String(r.qty),
          expectedDate: dayFromNumber(r.expectedN),
          status: statusOf(r),
        })),
      },
      { partial: false, lang: "zh", hooks: { stockChanged: (tx, pool, skus) => fireInventoryChanged(tx, pool, skus) } },
    );
  };

  for (let day = 0; day < lastDay; day++) {
    const todayN = startN + day;
    const today = dayFromNumber(todayN);
    clock.set(plantMs(today, 7));
    // The warehouse reports what arrived; a line the supplier cancelled is closed on its due day.
    const arrived = [...receipts.values()].filter((r) => r.arrivesN === todayN || (r.arrivesN === null && todayN >= r.expectedN));
    for (const r of arrived) {
      if (r.arrivesN === todayN) shelf.set(r.sku, (shelf.get(r.sku) ?? 0) + r.qty);
      else out.cancelledReceipts++;
      receipts.delete(r.ref);
    }
    if (arrived.length) await sync(arrived, (r) => (r.arrivesN === todayN ? "received" : "cancelled"));
    // Purchasing confirms, a day after the request, what the plan asked for: the supplier's date is the lead time.
    const requests = await db
      .selectFrom("purchase_requests")
      .select(["id", "sku", "qty", "lead_time_days", "requested_at"])
      .where("status", "=", "requested")
      .orderBy("id")
      .execute();
    for (const pr of requests) {
      const requestedN = dayNumber(plantDayOf(pr.requested_at.getTime()));
      if (todayN < requestedN + d.confirmDelayDays) continue;
      const expectedN = requestedN + pr.lead_time_days;
      const ref = `PO-${pr.id}`;
      await confirmPurchaseRequest(db, { id: pr.id, expectedDate: dayFromNumber(expectedN), location: SIM_LOCATION, ref }, PURCHASING);
      const arrivesN = receiptFate(cfg.seed, d, pr.id, expectedN);
      if (arrivesN !== null && arrivesN > expectedN) out.lateReceipts++;
      receipts.set(ref, { ref, sku: pr.sku, qty: Number(pr.qty), expectedN, arrivesN });
      if (process.env.LVYUE_SIM_DEBUG)
        allReceipts.push({
          ref,
          sku: pr.sku,
          qty: Number(pr.qty),
          expectedN: expectedN - startN,
          arrivesN: arrivesN === null ? null : arrivesN - startN,
          requestedN: requestedN - startN,
        });
    }
    // The planner schedules what the current plan starts by tomorrow; the re-planner's tick releases it and re-plans.
    await schedule(db, todayN + 1);
    await tick();
    const morningRun = await currentRun(db);
    // Intake: the day's orders at their hour, through the API's use case.
    for (const x of byDay.get(day) ?? []) {
      clock.set(plantMs(today, x.hour));
      const t = performance.now();
      try {
        await createOrder(
          db,
          SALES,
          {
            customer: simCustomer(x.grade),
            lines: [{ sku: x.sku, qty: x.qty }],
            requestedDate: dayFromNumber(todayN + x.askedDays),
            // Rush is not offered to grade D customers (intake refuses it): they ask for the date.
            rush: x.rush && x.grade !== "D",
            note: x.orderNo,
          },
          { idempotencyKey: x.orderNo, source: "api" },
        );
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        log(`${x.orderNo} refused at intake: ${error.code}`);
      }
      stats.intakeMs.push(performance.now() - t);
      out.promiseMs.push(performance.now() - t);
    }
    // The shop floor works the morning plan and reports back.
    if (working(todayN) && morningRun) {
      await addReleased(db, floors);
      const events = runShopDay(
        cfg.seed,
        d,
        eng,
        { from: plantMs(today, 8), to: plantMs(today, 24), dayKey: today },
        await floorPlan(db, morningRun),
        new Map([...floors].filter(([, f]) => f.finishedAt === null)),
        shelf,
        MOVE_HOURS,
      );
      out.scrapped += events.scrapped;
      for (const w of events.downtime) {
        out.downtimeHours += (w.endsAt - w.startsAt) / 3_600_000;
        clock.set(w.startsAt);
        await recordDowntime(db, FLOOR, w.workCentre, {
          unit: (w.unit ?? 0) + 1,
          from: new Date(w.startsAt).toISOString(),
          to: new Date(w.endsAt).toISOString(),
          reason: "设备故障（模拟）",
        });
      }
      const reported = await report(db, floors, clock, plantMs(today, 23.99));
      stats.reports += reported.all;
      stats.pauses += reported.pauses;
      clock.set(plantMs(today, 23.5));
      await sync([], () => "received");
    }
    clock.set(plantMs(today, 23.5));
    await tick();
    if (process.env.LVYUE_SIM_DEBUG) {
      const run = await currentRun(db);
      const rows = run ? await db.selectFrom("plan_orders").select(["order_no", "planned_date", "rank"]).where("run_id", "=", run).execute() : [];
      for (const r of rows) {
        const f = floors.get(r.order_no);
        const steps = f ? [...f.progress.values()].map((x) => (x.state === "done" ? "D" : "s")).join("") : "-";
        trace.set(r.order_no, [...(trace.get(r.order_no) ?? []), `${day}:${dayNumber(r.planned_date) - startN}#${r.rank}${steps}`]);
      }
    }
    const checks = await checkCurrentPlan(db);
    out.feasibilityViolations += checks.violations;
    if (checks.violations) log(`day ${day}: plan violations ${JSON.stringify(checks.kinds)}`);
    out.phantomPurchases += checks.phantom;
    if (day % 15 === 14) log(`day ${day + 1}: ${stats.replans} re-plans, ${stats.reports} floor reports`);
  }
  out.purchaseRequests = Number(
    (
      await db
        .selectFrom("purchase_requests")
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );
  out.orders = await outcomes(db);
  const late = out.orders.filter((o) => o.promisedN !== null && o.promisedN < startN + lastDay && (o.deliveredN === null || o.deliveredN > o.promisedN));
  const reasons = await db.selectFrom("order_promises").select(["order_no", "reason", "at"]).where("kind", "=", "at_risk").orderBy("id").execute();
  const notes = await db.selectFrom("orders").select(["order_no", "note"]).execute();
  const noOf = new Map(notes.map((n) => [n.note, n.order_no]));
  const why = new Map<string, number>();
  for (const o of late) {
    const r = reasons.find((x) => x.order_no === noOf.get(o.orderNo));
    const key = r ? r.reason.replace(/:.*/, "") : "not flagged";
    why.set(key, (why.get(key) ?? 0) + 1);
    log(
      `late ${o.orderNo}: arrived ${o.arrivalN - startN}, promised ${o.promisedN! - startN}, shipped ${o.deliveredN === null ? "-" : o.deliveredN - startN}, first flag ${r ? `${r.reason} on ${dayNumber(plantDayOf(r.at.getTime())) - startN}` : "none"}`,
    );
  }
  stats.lateReasons = Object.fromEntries(why);
  if (process.env.LVYUE_SIM_DEBUG) {
    for (const o of late) {
      const no = noOf.get(o.orderNo)!;
      const rows = await db
        .selectFrom("order_promises")
        .select(["kind", "promised_date", "planned_date", "reason", "at"])
        .where("order_no", "=", no)
        .orderBy("id")
        .execute();
      const ord = await db
        .selectFrom("orders")
        .select(["requested_date", "rush", "customer_code", "first_promised_date"])
        .where("order_no", "=", no)
        .executeTakeFirst();
      const flagged = reasons.find((x) => x.order_no === no)?.reason.replace(/^[^:]*:/, "");
      log(
        `receipts of ${flagged}: ${JSON.stringify(allReceipts.filter((x) => x.sku === flagged && x.expectedN >= o.arrivalN - startN - 20 && x.expectedN <= o.promisedN! - startN))}`,
      );
      log(`trace ${o.orderNo}: ${(trace.get(no) ?? []).join(" ")}`);
      log(`history ${o.orderNo} ${no} ${JSON.stringify(ord)} ${JSON.stringify(rows.map((r) => ({ ...r, at: r.at.toISOString() })))}`);
    }
    for (const o of late.filter((x) => x.deliveredN === null)) {
      const no = noOf.get(o.orderNo)!;
      const row = await db.selectFrom("orders").select(["status", "promise_state"]).where("order_no", "=", no).executeTakeFirst();
      const ops = await db
        .selectFrom("work_orders")
        .innerJoin("work_order_operations as op", "op.work_order_id", "work_orders.id")
        .select(["op.seq", "op.status", "op.qty_good", "op.qty_scrap", "op.qty_remaining"])
        .where("work_orders.order_no", "=", no)
        .execute();
      const f = [...floors.values()].find((x) => x.orderNo === no);
      const prs = await db
        .selectFrom("purchase_requests")
        .select(["id", "sku", "qty", "status", "requested_at", "order_no"])
        .where("sku", "in", ["PM-HOUSING", "PM-CHIP"])
        .execute();
      const sl = await db
        .selectFrom("supply_lines")
        .select(["ref", "sku", "qty", "status", "expected_date"])
        .where("sku", "in", ["PM-HOUSING", "PM-CHIP"])
        .execute();
      const bal = await db.selectFrom("inventory_balances").selectAll().execute();
      log(
        `PRS ${JSON.stringify(prs.slice(-6))}\nSL ${JSON.stringify(sl.slice(-8))}\nBAL ${JSON.stringify(bal)}\nreceipts ${JSON.stringify([...receipts.values()])}`,
      );
      log(
        `stuck ${o.orderNo} ${JSON.stringify(row)} ops ${JSON.stringify(ops)} floor ${f ? JSON.stringify([...f.progress.values()]) : "none"} shelf ${JSON.stringify([...shelf])}`,
      );
    }
  }
  return { outcome: out, stats };
}

async function currentRun(db: Kysely<DB>) {
  const row = await db.selectFrom("plan_status").select("current_run").where("id", "=", 1).executeTakeFirst();
  return row?.current_run ?? null;
}

/** Confirmed orders whose first planned operation starts by `byN` are scheduled by the planner. */
async function schedule(db: Kysely<DB>, byN: number) {
  const run = await currentRun(db);
  if (!run) return;
  const due = await db
    .selectFrom("plan_operations")
    .innerJoin("orders", "orders.order_no", "plan_operations.order_no")
    .select("orders.order_no")
    .where("plan_operations.run_id", "=", run)
    .where("orders.status", "=", "confirmed")
    .where("plan_operations.planned_start", "<", new Date(plantMs(dayFromNumber(byN + 1), 0)))
    .groupBy("orders.order_no")
    .orderBy("orders.order_no")
    .execute();
  for (const o of due) await transitionOrder(db, PLANNER, o.order_no, { to: "scheduled" });
}

/** Released work orders the floor has not seen yet become lots on the floor. */
async function addReleased(db: Kysely<DB>, floors: Map<string, Floor>) {
  const rows = await db
    .selectFrom("work_orders")
    .innerJoin("work_order_operations as op", "op.work_order_id", "work_orders.id")
    .select(["work_orders.order_no", "work_orders.sku", "work_orders.qty", "op.id", "op.seq"])
    .where("work_orders.order_no", "not in", floors.size ? [...floors.keys()] : [""])
    .execute();
  for (const r of rows) {
    const f = floors.get(r.order_no) ?? {
      orderNo: r.order_no,
      sku: r.sku,
      qty: Number(r.qty),
      materialsIssued: false,
      progress: new Map(),
      finishedAt: null,
      operations: new Map(),
      started: new Set(),
      good: new Map(),
      paused: new Map(),
      goodSoFar: new Map(),
      shipped: false,
    };
    f.operations.set(r.seq, Number(r.id));
    floors.set(r.order_no, f);
  }
}

/** The run's operations as the floor reads its dispatch list: per step, the unit and planned start of its first piece. */
async function floorPlan(db: Kysely<DB>, runId: number): Promise<OrderPlan[]> {
  const segments = await db
    .selectFrom("plan_segments")
    .select(["order_no", "seq", "work_centre", "unit", "starts_at"])
    .where("run_id", "=", runId)
    .where("starts_at", "is not", null)
    .orderBy("starts_at")
    .execute();
  const plans = new Map<string, Map<number, { workCentre: string; seq: number; startAt: number; segments: { unit: number }[] }>>();
  for (const s of segments) {
    const ops = plans.get(s.order_no) ?? new Map();
    if (!ops.has(s.seq)) ops.set(s.seq, { workCentre: s.work_centre, seq: s.seq, startAt: s.starts_at!.getTime(), segments: [{ unit: s.unit ?? 0 }] });
    plans.set(s.order_no, ops);
  }
  // Only what the floor reads of a plan: which step, where, on which unit, from when.
  return [...plans].map(([orderNo, ops]) => ({ orderNo, ops: [...ops.values()] }) as unknown as OrderPlan);
}

/**
 * What the floor did today, reported in time order: starts, finishes with good and scrap (a finished order
 * ships), and at the shift's end a pause with the good pieces so far on each step still running, as an
 * operator reports at handover; the next morning's restart is reported as a start.
 */
async function report(
  db: Kysely<DB>,
  floors: Map<string, Floor>,
  clock: ReturnType<typeof manualClock>,
  shiftEnd: number,
): Promise<{ all: number; pauses: number }> {
  type Kind = "start" | "resume" | "finish" | "pause";
  const events: { at: number; floor: Floor; seq: number; kind: Kind; scrap: number }[] = [];
  for (const f of floors.values()) {
    for (const [seq, step] of f.progress) {
      if (!f.started.has(seq) && step.startedAt !== undefined) events.push({ at: step.startedAt, floor: f, seq, kind: "start", scrap: 0 });
      const pausedAt = f.paused.get(seq);
      if (pausedAt !== undefined && step.resumedAt !== undefined && step.resumedAt > pausedAt)
        events.push({ at: step.resumedAt, floor: f, seq, kind: "resume", scrap: 0 });
      if (step.state === "done" && !f.good.has(seq)) events.push({ at: step.endAt ?? 0, floor: f, seq, kind: "finish", scrap: step.scrap ?? 0 });
      if (step.state === "started" && (pausedAt === undefined || (step.resumedAt ?? 0) > pausedAt))
        events.push({ at: Math.max(shiftEnd, step.resumedAt ?? step.startedAt), floor: f, seq, kind: "pause", scrap: 0 });
    }
  }
  const order: Record<Kind, number> = { start: 0, resume: 1, pause: 2, finish: 3 };
  events.sort((a, b) => a.at - b.at || a.seq - b.seq || order[a.kind] - order[b.kind]);
  let n = 0;
  let pauses = 0;
  for (const e of events) {
    const f = e.floor;
    const operationId = f.operations.get(e.seq);
    if (operationId === undefined) continue;
    clock.set(e.at);
    const seqs = [...f.operations.keys()].sort((a, b) => a - b);
    const previous = seqs[seqs.indexOf(e.seq) - 1];
    const arrived = previous === undefined ? f.qty : (f.good.get(previous) ?? f.goodSoFar.get(previous) ?? 0);
    const reported = f.goodSoFar.get(e.seq) ?? 0;
    const at = new Date(e.at).toISOString();
    const key = `${f.orderNo}-${e.seq}-${e.kind}-${e.at}`;
    if (e.kind === "start" || e.kind === "resume") {
      await reportOperation(db, FLOOR, operationId, { kind: "start", at }, key);
      f.started.add(e.seq);
      f.paused.delete(e.seq);
    } else if (e.kind === "pause") {
      const step = f.progress.get(e.seq);
      const left = step?.state === "started" ? step.remainingQty : f.qty;
      // Pieces done so far, never all that arrived (the rest comes with the finish).
      const good = Math.max(0, Math.min(arrived - 1, f.qty - left) - reported);
      await reportOperation(db, FLOOR, operationId, { kind: "pause", good, scrap: 0, at }, key);
      f.paused.set(e.seq, e.at);
      pauses++;
      f.goodSoFar.set(e.seq, reported + good);
    } else {
      const scrap = Math.min(e.scrap, Math.max(0, arrived - reported));
      const good = Math.max(0, arrived - scrap - reported);
      await reportOperation(db, FLOOR, operationId, { kind: "finish", good, scrap, ...(scrap ? { scrapReason: "尺寸超差（模拟）" } : {}), at }, key);
      f.good.set(e.seq, reported + good);
      if (f.finishedAt !== null && !f.shipped && e.seq === seqs[seqs.length - 1]) {
        await recordShipment(db, WAREHOUSE, f.orderNo, { carrier: "顺丰速运", trackingNo: `SIM${f.orderNo}`, shippedAt: at });
        f.shipped = true;
      }
    }
    n++;
  }
  return { all: n, pauses };
}

/**
 * The plan the re-plan use case computes from the database (the one it just saved: same state, same
 * clock), checked as the pure simulator checks its plans (planViolations: no centre-day over its limit,
 * no step before the previous one ended plus move time, no two pieces on one unit at once, no lot before
 * its material). A phantom purchase: a material the saved plan is short of beyond what is on order or
 * requested from purchasing.
 */
async function checkCurrentPlan(db: Kysely<DB>) {
  const run = await currentRun(db);
  if (!run) return { violations: 0, kinds: {}, phantom: 0 };
  const computed = await computePlan(db);
  const found = planViolations(computed.input, computed.result.orders, (code, n) => computed.result.state.board.limit(code, n));
  const kinds: Record<string, number> = {};
  for (const v of found) kinds[v.kind] = (kinds[v.kind] ?? 0) + 1;
  const [shortages, supply, requested] = await Promise.all([
    db.selectFrom("plan_shortages").select(["sku", "qty_short"]).where("run_id", "=", run).execute(),
    db.selectFrom("supply_lines").select(["sku", "qty"]).where("status", "=", "open").execute(),
    db.selectFrom("purchase_requests").select(["sku", "qty"]).where("status", "=", "requested").execute(),
  ]);
  const sum = (rows: { sku: string; qty?: string; qty_short?: string }[]) => {
    const m = new Map<string, number>();
    for (const r of rows) m.set(r.sku, (m.get(r.sku) ?? 0) + Number(r.qty ?? r.qty_short));
    return m;
  };
  const onOrder = sum([...supply, ...requested]);
  const phantom = [...sum(shortages)].filter(([sku, short]) => short > (onOrder.get(sku) ?? 0) + 1e-3).length;
  return { violations: found.length, kinds, phantom };
}

/** Each order as scored: its first promise, the days it was flagged at risk, the day it shipped. */
async function outcomes(db: Kysely<DB>): Promise<OrderOutcome[]> {
  const [orders, shipped, flags] = await Promise.all([
    db.selectFrom("orders").select(["order_no", "note", "created_at", "requested_date", "rush", "first_promised_date"]).execute(),
    db
      .selectFrom("shipments")
      .select(["order_no", (eb) => eb.fn.min("shipped_at").as("at")])
      .groupBy("order_no")
      .execute(),
    db.selectFrom("order_promises").select(["order_no", "at"]).where("kind", "=", "at_risk").execute(),
  ]);
  const shippedOf = new Map(shipped.map((s) => [s.order_no, dayNumber(plantDayOf(new Date(s.at as unknown as string | Date).getTime()))]));
  const flagsOf = new Map<string, number[]>();
  for (const f of flags) flagsOf.set(f.order_no, [...(flagsOf.get(f.order_no) ?? []), dayNumber(plantDayOf(f.at.getTime()))]);
  return orders.map((o) => {
    const arrivalN = dayNumber(plantDayOf(o.created_at.getTime()));
    const deliveredN = shippedOf.get(o.order_no) ?? null;
    return {
      orderNo: o.note ?? o.order_no,
      arrivalN,
      askedN: o.requested_date ? dayNumber(o.requested_date) : arrivalN,
      rush: o.rush,
      promisedN: o.first_promised_date ? dayNumber(o.first_promised_date) : null,
      flaggedN: flagsOf.get(o.order_no) ?? [],
      deliveredN,
      flowDays: deliveredN === null ? null : deliveredN - arrivalN,
    };
  });
}
