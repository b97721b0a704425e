// Pure generators of the plant's places, work centres and item master.
import { fromFen } from "../core/money.js";
import type { ParamSchema } from "../orders/model/params.js";
import { CABLE_LENGTH, FAMILIES } from "./products.js";
import { PURCHASED_CATEGORIES } from "./purchased-categories.js";
import type { Rng } from "./random.js";
import type { ItemRow, LocationRow, WorkCentreRow } from "./rows.js";
import { SUBASSEMBLY_TYPES, type SubassemblyRole } from "./subassembly-types.js";

export const LOCATIONS: LocationRow[] = [
  { code: "WH-MAIN", name: "主仓" },
  { code: "WH-SH", name: "上海分仓" },
];

export const BOTTLENECK = "WC-CAL";

// Hourly rates (yuan) are what a plant like this charges itself: machine, energy and operator together.
const CENTRES: [code: string, name: string, shifts: number, units: number, rate: number][] = [
  ["WC-CNC1", "数控车床一组", 2, 3, 150],
  ["WC-CNC2", "数控车床二组", 2, 2, 150],
  ["WC-CNC3", "立式加工中心", 2, 2, 180],
  ["WC-MILL", "铣削工位", 1, 2, 120],
  ["WC-GRIND", "磨削工位", 1, 1, 130],
  ["WC-EDM", "线切割", 2, 1, 160],
  ["WC-WELD", "激光焊接", 2, 2, 140],
  ["WC-CLEAN", "超声清洗", 1, 2, 60],
  ["WC-SMT", "SMT贴片线", 2, 1, 220],
  ["WC-DIP", "插件波峰焊", 1, 2, 110],
  ["WC-COAT", "三防涂覆", 1, 1, 90],
  ["WC-CHIP", "芯体封装", 2, 2, 200],
  ["WC-AGING", "高温老化房", 3, 3, 40],
  ["WC-ASM1", "总装一线", 2, 3, 75],
  ["WC-ASM2", "总装二线", 1, 2, 70],
  ["WC-SEAL", "密封检漏", 2, 2, 80],
  [BOTTLENECK, "校准台", 2, 2, 160],
  ["WC-TEST", "终检测试", 2, 2, 120],
  ["WC-MARK", "激光打标", 1, 1, 70],
  ["WC-PACK", "包装", 2, 3, 50],
];

export function workCentres(): WorkCentreRow[] {
  return CENTRES.map(([code, name, shifts, units, rate]) => ({
    code,
    name,
    shifts,
    hours_per_shift: "8",
    parallel_units: units,
    load_threshold: "0.85",
    hourly_rate: rate.toFixed(2),
  }));
}

/** A price in yuan rounded the way a price list is: whole yuan above 100, fen below 1. */
export function priceBetween(rng: Rng, min: number, max: number, step?: number): string {
  const value = rng.float(min, max);
  const stepFen = step !== undefined ? step * 100 : value >= 100 ? 100 : value >= 10 ? 50 : value >= 1 ? 10 : 1;
  const fen = Math.max(1, Math.round((value * 100) / stepFen) * stepFen);
  return fromFen(BigInt(fen));
}

export interface ItemMaster {
  items: ItemRow[];
  finished: ItemRow[];
  subassemblies: ItemRow[];
  purchased: ItemRow[];
  /** Subassembly skus by role, and the purchased skus by category prefix: for building BOMs. */
  subsByRole: Map<SubassemblyRole, string[]>;
  purchasedByPrefix: Map<string, string[]>;
}

/** Item names must tell items apart: a repeated name gets a variant letter (B款, C款…). */
function uniqueNames() {
  const seen = new Map<string, number>();
  return (name: string): string => {
    const n = seen.get(name) ?? 0;
    seen.set(name, n + 1);
    return n === 0 ? name : `${name} ${n < 26 ? String.fromCharCode(65 + n) : n + 1}款`;
  };
}

export function generateItems(rng: Rng): ItemMaster {
  const unique = uniqueNames();
  const finished: ItemRow[] = [];
  for (const fam of FAMILIES) {
    for (let series = 0; series < 12; series++) {
      const model = fam.models[series % fam.models.length];
      const base = rng.float(fam.price[0], fam.price[1] * 0.7);
      fam.ranges.forEach((range, v) => {
        const schema: ParamSchema = structuredClone(fam.schema);
        if (rng.chance(fam.cableShare)) schema.cableLength = { ...CABLE_LENGTH };
        const price = Math.min(fam.price[1], base * (1 + v * 0.1));
        finished.push({
          sku: `${fam.prefix}-${1000 + series * 100}-${String(v + 1).padStart(2, "0")}`,
          name: unique(`${model} ${range}`),
          kind: "finished",
          family: fam.family,
          uom: fam.family === "流量计" ? "台" : "pcs",
          unit_price: priceBetween(rng, price * 0.98, price * 1.02, 10),
          lead_time_days: rng.int(7, 20),
          serialised: rng.chance(0.9),
          param_schema: schema,
        });
      });
    }
  }

  const subassemblies: ItemRow[] = [];
  const subsByRole = new Map<SubassemblyRole, string[]>();
  for (const type of SUBASSEMBLY_TYPES) {
    const skus: string[] = [];
    for (let i = 1; i <= type.count; i++) {
      const sku = `${type.prefix}-${String(i).padStart(4, "0")}`;
      skus.push(sku);
      subassemblies.push({
        sku,
        name: unique(`${type.name} ${rng.pick(type.variants)}`),
        kind: "subassembly",
        family: type.name,
        uom: "pcs",
        unit_price: priceBetween(rng, type.price[0], type.price[1]),
        lead_time_days: rng.int(2, 7),
        serialised: type.role === "core" && rng.chance(0.5),
        param_schema: {},
      });
    }
    subsByRole.set(type.role, skus);
  }

  const purchased: ItemRow[] = [];
  const purchasedByPrefix = new Map<string, string[]>();
  for (const cat of PURCHASED_CATEGORIES) {
    const skus: string[] = [];
    for (let i = 1; i <= cat.count; i++) {
      const sku = `${cat.prefix}-${String(i).padStart(4, "0")}`;
      skus.push(sku);
      purchased.push({
        sku,
        name: unique(cat.parts.map((options) => rng.pick(options)).join(" ")),
        kind: "purchased",
        family: cat.parts[0][0],
        uom: cat.uom,
        unit_price: priceBetween(rng, cat.price[0], cat.price[1]),
        lead_time_days: rng.int(cat.lead[0], cat.lead[1]),
        serialised: false,
        param_schema: {},
      });
    }
    purchasedByPrefix.set(cat.prefix, skus);
  }
  return { items: [...finished, ...subassemblies, ...purchased], finished, subassemblies, purchased, subsByRole, purchasedByPrefix };
}
