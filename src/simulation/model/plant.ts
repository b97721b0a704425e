// The simulated plant and its demand: plain planning data, sized so the bottleneck (calibration) is
// loaded near 82% of what the planner may load (six orders a working day: about 45 of 54.4 hours). Real hours, not scaled: a lot of 20 takes a
// machining setup of 1.5 h and 0.35 h a piece on one of two machines.
import type { CalendarInputs, WorkCentreSpec } from "../../calendar/model/calendar.js";
import type { EngineeringData, ItemInfo, RoutingOperation } from "../../planning/model/types.js";

/** A uniform draw in [0, 1): every random choice of the simulation comes from one of these streams. */
export type Draw = () => number;

export const CENTRES: WorkCentreSpec[] = [
  { code: "WC-MACH", name: "机加工", shifts: 2, hoursPerShift: 8, parallelUnits: 4, loadThreshold: 0.85 },
  { code: "WC-ASM", name: "装配线", shifts: 2, hoursPerShift: 8, parallelUnits: 5, loadThreshold: 0.85 },
  { code: "WC-CAL", name: "校准台", shifts: 2, hoursPerShift: 8, parallelUnits: 4, loadThreshold: 0.85 },
];

export const MOVE_HOURS: Record<string, number> = { "WC-MACH": 0.5, "WC-ASM": 0.25 };

interface Product {
  sku: string;
  name: string;
  parts: { sku: string; qtyPer: number }[];
  ops: RoutingOperation[];
}

const PRODUCTS: Product[] = [
  {
    sku: "PS-100",
    name: "压力变送器",
    parts: [
      { sku: "PM-HOUSING", qtyPer: 1 },
      { sku: "PM-CHIP", qtyPer: 1 },
    ],
    ops: [
      { seq: 10, workCentre: "WC-MACH", setupHours: 1.5, runHoursPerUnit: 0.35 },
      { seq: 20, workCentre: "WC-ASM", setupHours: 0.5, runHoursPerUnit: 0.4 },
      { seq: 30, workCentre: "WC-CAL", setupHours: 1, runHoursPerUnit: 0.3 },
    ],
  },
  {
    sku: "TS-200",
    name: "温度变送器",
    parts: [
      { sku: "PM-PROBE", qtyPer: 1 },
      { sku: "PM-BOARD", qtyPer: 1 },
    ],
    ops: [
      { seq: 10, workCentre: "WC-ASM", setupHours: 0.5, runHoursPerUnit: 0.3 },
      { seq: 20, workCentre: "WC-CAL", setupHours: 0.8, runHoursPerUnit: 0.25 },
    ],
  },
  {
    sku: "FM-300",
    name: "电磁流量计",
    parts: [
      { sku: "PM-TUBE", qtyPer: 1 },
      { sku: "PM-BOARD", qtyPer: 1 },
      { sku: "PM-COIL", qtyPer: 2 },
    ],
    ops: [
      { seq: 10, workCentre: "WC-MACH", setupHours: 2, runHoursPerUnit: 0.5 },
      { seq: 20, workCentre: "WC-ASM", setupHours: 0.5, runHoursPerUnit: 0.6 },
      { seq: 30, workCentre: "WC-CAL", setupHours: 1.5, runHoursPerUnit: 0.5 },
    ],
  },
];

/** Purchased parts: supplier lead time (days) and what is on the shelf when the simulation starts. */
export const PARTS: { sku: string; name: string; leadTimeDays: number; stock: number }[] = [
  { sku: "PM-HOUSING", name: "不锈钢壳体", leadTimeDays: 10, stock: 400 },
  { sku: "PM-CHIP", name: "压阻芯片", leadTimeDays: 14, stock: 500 },
  { sku: "PM-PROBE", name: "铂电阻探头", leadTimeDays: 7, stock: 300 },
  { sku: "PM-BOARD", name: "变送器电路板", leadTimeDays: 12, stock: 700 },
  { sku: "PM-TUBE", name: "衬里测量管", leadTimeDays: 15, stock: 150 },
  { sku: "PM-COIL", name: "励磁线圈", leadTimeDays: 6, stock: 300 },
];

/** Share of orders per product. */
export const MIX = [0.45, 0.35, 0.2];

export function simEngineering(): EngineeringData {
  const items = new Map<string, ItemInfo>();
  for (const p of PRODUCTS) items.set(p.sku, { sku: p.sku, name: p.name, kind: "finished", family: p.name, leadTimeDays: 0 });
  for (const m of PARTS) items.set(m.sku, { sku: m.sku, name: m.name, kind: "purchased", family: "", leadTimeDays: m.leadTimeDays });
  const eng: EngineeringData = { items, boms: new Map(), routings: new Map(), currentBom: new Map(), currentRouting: new Map() };
  PRODUCTS.forEach((p, i) => {
    eng.boms.set(i + 1, { id: i + 1, sku: p.sku, lines: p.parts });
    eng.routings.set(i + 1, { id: i + 1, sku: p.sku, ops: p.ops });
    eng.currentBom.set(p.sku, i + 1);
    eng.currentRouting.set(p.sku, i + 1);
  });
  return eng;
}

export function simCalendar(): CalendarInputs {
  return { centres: CENTRES, exceptions: [], maintenance: [], statutory: [] };
}

export const PRODUCT_SKUS = PRODUCTS.map((p) => p.sku);
export const productIndex = (sku: string) => PRODUCT_SKUS.indexOf(sku);

export interface Demand {
  orderNo: string;
  /** Simulation day it arrives (0-based) and the hour of that day. */
  day: number;
  hour: number;
  sku: string;
  qty: number;
  /** Days after arrival the customer asks for. */
  askedDays: number;
  rush: boolean;
  grade: string;
}

export interface DemandOptions {
  days: number;
  /** Orders per working day on average. */
  perDay: number;
  /** A surge: `orders` extra orders over three days from `fromDay`, `rushShare` of them rush. */
  surge?: { fromDay: number; orders: number; rushShare: number };
  working: (day: number) => boolean;
}

function poisson(draw: Draw, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  let p = draw();
  while (p > limit) {
    k++;
    p *= draw();
  }
  return k;
}

/** The seeded stream of customer orders: the same for every policy. */
export function demandStream(draw: Draw, o: DemandOptions): Demand[] {
  const out: Demand[] = [];
  let seq = 0;
  const one = (day: number, rushShare: number): Demand => {
    const u = draw();
    const sku = u < MIX[0] ? PRODUCT_SKUS[0] : u < MIX[0] + MIX[1] ? PRODUCT_SKUS[1] : PRODUCT_SKUS[2];
    const rush = draw() < rushShare;
    seq++;
    return {
      orderNo: `SIM${String(seq).padStart(6, "0")}`,
      day,
      hour: 8 + Math.floor(draw() * 10),
      sku,
      qty: 5 + Math.floor(draw() * 31),
      askedDays: rush ? 3 + Math.floor(draw() * 5) : 10 + Math.floor(draw() * 21),
      rush,
      grade: ["A", "B", "B", "C", "C", "D"][Math.floor(draw() * 6)],
    };
  };
  for (let day = 0; day < o.days; day++) {
    if (!o.working(day)) continue;
    const n = poisson(draw, o.perDay);
    for (let i = 0; i < n; i++) out.push(one(day, 0.15));
    if (o.surge && day >= o.surge.fromDay && day < o.surge.fromDay + 3) {
      for (let i = 0; i < Math.round(o.surge.orders / 3); i++) out.push(one(day, o.surge.rushShare));
    }
  }
  return out.sort((a, b) => a.day - b.day || a.hour - b.hour);
}
