// Planning model alone (no database): a full re-plan of N open orders × 5 operations on the demo
// plant's 20 work centres, and CTP latency for one new order on top of that plan — each beside a floor
// measured in the same run on the same data: summing the same operations' hours per work centre and
// day without scheduling, and exploding the new order's BOM and routing without scheduling.

import type { CalendarInputs } from "../src/calendar/model/calendar.js";
import { addDays, dayNumber, plantMs } from "../src/calendar/model/dates.js";
import { statutoryDays } from "../src/calendar/model/statutory.js";
import { workCentres } from "../src/demo/items.js";
import { createRng } from "../src/demo/random.js";
import { plantDay } from "../src/orders/model/numbering.js";
import { buildCentreCalendars } from "../src/planning/model/capacity.js";
import { type PromiseRequest, promiseOrder } from "../src/planning/model/ctp.js";
import { planAll } from "../src/planning/model/plan.js";
import type { EngineeringData, PlanningInput, PlanOrder } from "../src/planning/model/types.js";
import { type Figure, fmt, percentile } from "./support.js";

const HORIZON = 365;
const PRODUCTS = 200;
const MATERIALS = 300;

export function planningInput(orderCount: number, seed = 11): PlanningInput {
  const rng = createRng(seed);
  const today = plantDay(new Date());
  const centres = workCentres().map((c) => ({
    code: c.code,
    name: c.name,
    shifts: c.shifts,
    hoursPerShift: Number(c.hours_per_shift),
    parallelUnits: c.parallel_units,
    loadThreshold: Number(c.load_threshold),
  }));
  const calendar: CalendarInputs = {
    centres,
    exceptions: [{ id: 1, dayFrom: addDays(today, 40), dayTo: addDays(today, 44), kind: "shutdown", reason: "检修" }],
    maintenance: Array.from({ length: 40 }, (_, i) => {
      const day = addDays(today, rng.int(0, 120));
      const start = plantMs(day, rng.pick([8, 13]));
      return { id: i + 1, workCentre: rng.pick(centres).code, startsAt: start, endsAt: start + rng.int(2, 24) * 3_600_000, reason: "保养" };
    }),
    statutory: statutoryDays(today, addDays(today, HORIZON)),
  };
  const eng: EngineeringData = { items: new Map(), boms: new Map(), routings: new Map(), currentBom: new Map(), currentRouting: new Map() };
  for (let m = 0; m < MATERIALS; m++) {
    const sku = `PM-${m}`;
    eng.items.set(sku, { sku, name: sku, kind: "purchased", family: "", leadTimeDays: rng.int(5, 30) });
  }
  for (let p = 0; p < PRODUCTS; p++) {
    const sku = `FG-${p}`;
    eng.items.set(sku, { sku, name: sku, kind: "finished", family: `F${p % 5}`, leadTimeDays: 0 });
    eng.boms.set(p + 1, { id: p + 1, sku, lines: rng.sample([...Array(MATERIALS).keys()], 3).map((m) => ({ sku: `PM-${m}`, qtyPer: rng.int(1, 4) })) });
    eng.routings.set(p + 1, {
      id: p + 1,
      sku,
      ops: rng
        .sample(centres, 5)
        .map((c, i) => ({ seq: (i + 1) * 10, workCentre: c.code, setupHours: rng.float(0.1, 0.4), runHoursPerUnit: rng.float(0.005, 0.03) })),
    });
    eng.currentBom.set(sku, p + 1);
    eng.currentRouting.set(sku, p + 1);
  }
  const stock = [...Array(MATERIALS).keys()].map((m) => ({ sku: `PM-${m}`, location: "WH-MAIN", free: rng.int(0, 3000) }));
  const receipts = Array.from({ length: 600 }, () => ({
    sku: `PM-${rng.int(0, MATERIALS - 1)}`,
    location: "WH-MAIN",
    qty: rng.int(100, 2000),
    date: addDays(today, rng.int(-3, 60)),
  }));
  const orders: PlanOrder[] = Array.from({ length: orderCount }, (_, i) => {
    const product = rng.int(1, PRODUCTS);
    const due = addDays(today, rng.int(1, 60));
    return {
      orderNo: `DH${today.replaceAll("-", "")}${String(i + 1).padStart(5, "0")}`,
      customer: `C${rng.int(1, 300)}`,
      grade: rng.pick(["A", "B", "C", "D"]),
      rush: rng.chance(0.3),
      priority: 0,
      dueDate: due,
      requestedDate: due,
      promisedDate: due,
      createdAt: i,
      materialsIssued: rng.chance(0.2),
      lines: [{ lineNo: 1, sku: `FG-${product}`, qty: rng.int(1, 20), bomVersionId: product, routingVersionId: product, standard: false }],
    };
  });
  return { today, horizonDays: HORIZON, calendar, engineering: eng, supply: { stock, receipts, reservations: [] }, orders };
}

/** The floor of a re-plan: the same operations' hours summed per work centre and due day, no scheduling. */
function sumLoads(input: PlanningInput) {
  const load = new Map<string, number>();
  for (const o of input.orders) {
    const n = dayNumber(o.dueDate ?? input.today);
    for (const line of o.lines) {
      for (const op of input.engineering.routings.get(line.routingVersionId ?? -1)?.ops ?? []) {
        const key = `${op.workCentre}|${n}`;
        load.set(key, (load.get(key) ?? 0) + op.setupHours + op.runHoursPerUnit * line.qty);
      }
    }
  }
  return load.size;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchPlanning(orderCount: number, promises = 1000): Promise<Figure[]> {
  const input = planningInput(orderCount);
  const calendars = buildCentreCalendars(input.calendar, input.today, input.horizonDays);
  const plans: number[] = [];
  const floors: number[] = [];
  let result = planAll(input, calendars);
  for (let run = 0; run < 3; run++) {
    let t = performance.now();
    sumLoads(input);
    floors.push(performance.now() - t);
    t = performance.now();
    result = planAll(input, calendars);
    plans.push(performance.now() - t);
  }
  const unplanned = result.orders.filter((o) => o.finishN === null).length;
  const ops = result.orders.reduce((n, o) => n + o.ops.length, 0);

  const rng = createRng(5);
  const names = { item: (sku: string) => input.engineering.items.get(sku), centre: () => undefined };
  const ctp: number[] = [];
  const ctpFloor: number[] = [];
  // The first 200 warm the JIT up and are not counted.
  for (let i = -200; i < promises; i++) {
    const product = rng.int(1, PRODUCTS);
    const request: PromiseRequest = {
      customer: "C1",
      grade: "A",
      rush: rng.chance(0.3),
      requestedDate: addDays(input.today, rng.int(3, 30)),
      lines: [{ lineNo: 1, sku: `FG-${product}`, qty: rng.int(1, 50), bomVersionId: product, routingVersionId: product, standard: false }],
    };
    let t = performance.now();
    // Floor: the order's hours per work centre and its component needs, without scheduling.
    const hours = new Map<string, number>();
    for (const op of input.engineering.routings.get(product)!.ops) hours.set(op.workCentre, op.setupHours + op.runHoursPerUnit * request.lines[0].qty);
    for (const l of input.engineering.boms.get(product)!.lines) result.state.ledger.availableBy(l.sku, result.state.todayN + 30);
    const floor = performance.now() - t;
    t = performance.now();
    promiseOrder(result.state, request, names);
    if (i < 0) continue;
    ctpFloor.push(floor);
    ctp.push(performance.now() - t);
  }
  ctp.sort((a, b) => a - b);
  ctpFloor.sort((a, b) => a - b);
  const ratio = (a: number, b: number) => `×${fmt(a / Math.max(b, 1e-6), 1)}`;
  const label = `${fmt(orderCount)} orders × 5 ops, 20 centres`;
  return [
    {
      bench: "planning",
      db: "memory",
      figure: `full re-plan ms (${label}; ${fmt(ops)} ops, ${unplanned} beyond horizon), median of 3`,
      value: fmt(median(plans), 0),
      baseline: `${fmt(median(floors), 1)} ms summing loads per centre and day`,
      ratio: ratio(median(plans), median(floors)),
    },
    {
      bench: "planning",
      db: "memory",
      figure: `CTP ms p50 (one order on a plan of ${fmt(orderCount)})`,
      value: fmt(percentile(ctp, 50), 2),
      baseline: `${fmt(percentile(ctpFloor, 50), 3)} ms exploding without scheduling`,
      ratio: ratio(percentile(ctp, 50), percentile(ctpFloor, 50)),
    },
    {
      bench: "planning",
      db: "memory",
      figure: `CTP ms p99 (${fmt(promises)} promises)`,
      value: fmt(percentile(ctp, 99), 2),
      baseline: `${fmt(percentile(ctpFloor, 99), 3)} ms exploding without scheduling`,
      ratio: ratio(percentile(ctp, 99), percentile(ctpFloor, 99)),
    },
  ];
}
