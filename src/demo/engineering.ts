// Pure generator of BOM and routing versions: every made item has version 1, some a later
// engineering change, a few a change that takes effect after today.

import { addDays, daysBetween } from "./dates.js";
import { BOTTLENECK, type ItemMaster } from "./items.js";
import type { Rng } from "./random.js";
import type { BomLineRow, ItemRow, RoutingOperationRow, VersionRow } from "./rows.js";
import type { SubassemblyRole } from "./subassembly-types.js";
import { SUBASSEMBLY_TYPES } from "./subassembly-types.js";

export interface Engineering {
  bomVersions: VersionRow[];
  bomLines: BomLineRow[];
  routingVersions: VersionRow[];
  routingOperations: RoutingOperationRow[];
}

export const FIRST_EFFECTIVE = "2025-01-01";
/** Scale of drawn setup and run hours (see `op` below). */
const TIME_SCALE = 0.1;

type Line = [sku: string, qty: string];
/** A purchased component: category prefix and the quantity range per unit. */
type Part = [prefix: string, min: number, max: number, decimals?: number];

const SUB_PARTS: Record<SubassemblyRole, Part[]> = {
  core: [
    ["SEN", 1, 1],
    ["DIA", 1, 2],
    ["OIL", 0.005, 0.05, 3],
    ["ORG", 1, 2],
    ["FIT", 1, 1],
  ],
  housing: [
    ["HSG", 1, 1],
    ["SCR", 2, 6],
    ["ORG", 1, 2],
    ["LBL", 1, 1],
    ["FIT", 1, 1],
  ],
  board: [
    ["PCB", 1, 1],
    ["IC", 1, 3],
    ["RES", 5, 30],
    ["CAP", 4, 20],
    ["CON", 1, 1],
  ],
  display: [
    ["LCD", 1, 1],
    ["PCB", 1, 1],
    ["SCR", 2, 4],
    ["RES", 2, 10],
    ["CAP", 2, 8],
  ],
  connection: [
    ["FIT", 1, 1],
    ["FLG", 1, 1],
    ["ORG", 1, 2],
    ["SCR", 4, 8],
    ["MAG", 1, 1],
  ],
  cable: [
    ["CBL", 1, 10, 1],
    ["CON", 1, 1],
    ["ORG", 1, 1],
    ["LBL", 1, 1],
  ],
  probe: [
    ["HSG", 1, 1],
    ["CBL", 0.5, 3, 1],
    ["ORG", 1, 2],
    ["SCR", 2, 4],
  ],
};
const FINISHED_PARTS: Part[] = [
  ["ORG", 1, 3],
  ["SCR", 2, 6],
  ["LBL", 1, 1],
  ["BOX", 1, 1],
  ["CBL", 1, 5, 1],
  ["CON", 1, 1],
];
const ECN_NOTES = ["更换密封圈材质", "电路板改版", "壳体加工工艺优化", "替换停产芯片", "增加防水格兰头", "调整校准工序工时"];

function qty(rng: Rng, min: number, max: number, decimals = 0): string {
  if (decimals === 0) return String(rng.int(min, max));
  return String(Number(rng.float(min, max).toFixed(decimals)) || min);
}

export function generateEngineering(rng: Rng, master: ItemMaster, today: string): Engineering {
  const out: Engineering = { bomVersions: [], bomLines: [], routingVersions: [], routingOperations: [] };
  const partSku = (prefix: string) => rng.pick(master.purchasedByPrefix.get(prefix) ?? []);
  const subSku = (role: SubassemblyRole) => rng.pick(master.subsByRole.get(role) ?? []);
  const roleOf = new Map(SUBASSEMBLY_TYPES.flatMap((t) => (master.subsByRole.get(t.role) ?? []).map((sku) => [sku, t] as const)));

  // Engineering changes land between eight months ago and yesterday; the next ones within two months.
  const changeSpan = Math.max(1, Math.min(240, daysBetween(FIRST_EFFECTIVE, today) - 1));
  const pastChange = () => addDays(today, -rng.int(1, changeSpan));
  const futureChange = () => addDays(today, rng.int(3, 60));

  const addVersions = (sku: string, v1: Line[], ops: [string, number, number][]) => {
    const bomDates = [FIRST_EFFECTIVE];
    if (changeSpan > 1 && rng.chance(0.15)) bomDates.push(pastChange());
    if (bomDates.length === 2 && rng.chance(0.2)) bomDates.push(futureChange());
    let lines = v1;
    bomDates.forEach((effective, i) => {
      if (i > 0) lines = changeBom(rng, lines, partSku);
      const id = out.bomVersions.length + 1;
      out.bomVersions.push(header(id, sku, i + 1, effective));
      for (const [component, q] of lines) out.bomLines.push({ bom_version_id: id, component_sku: component, qty_per: q });
    });
    const routingDates = [FIRST_EFFECTIVE];
    if (changeSpan > 1 && rng.chance(0.1)) routingDates.push(pastChange());
    routingDates.forEach((effective, i) => {
      const id = out.routingVersions.length + 1;
      out.routingVersions.push(header(id, sku, i + 1, effective));
      // A later routing is a process improvement: the same steps, shorter run times.
      const factor = i === 0 ? 1 : 0.8;
      ops.forEach(([wc, setup, run], seq) => {
        out.routingOperations.push({
          routing_version_id: id,
          seq: (seq + 1) * 10,
          work_centre: wc,
          setup_hours: setup.toFixed(3),
          run_hours_per_unit: Math.max(0.01, run * factor).toFixed(5),
        });
      });
    });
  };
  const header = (id: number, sku: string, version: number, effective: string): VersionRow => ({
    id,
    sku,
    version,
    effective_from: effective,
    note: version === 1 ? "初始版本" : `ECN-${effective.slice(0, 4)}-${String(rng.int(1, 999)).padStart(3, "0")} ${rng.pick(ECN_NOTES)}`,
    created_by: version === 1 ? "system" : "engineering",
  });
  // Times are drawn as before and scaled, so every other demo row stays the same; scaled so that the open
  // order book loads the plant for weeks, not years, with the calibration bench as its bottleneck.
  const op = (wc: string, runMin = 0.01, runMax = 0.5): [string, number, number] => [
    wc,
    rng.float(0.2, 2) * TIME_SCALE,
    rng.float(runMin, runMax) * TIME_SCALE,
  ];

  // Subassemblies first: a probe may contain a sensor core, never the other way round.
  for (const item of master.subassemblies) {
    const type = roleOf.get(item.sku);
    if (!type) continue;
    const parts = SUB_PARTS[type.role];
    const count = rng.int(2, Math.min(5, parts.length));
    const lines = distinct([...parts.slice(0, 2), ...rng.shuffle(parts.slice(2))].slice(0, count).map(([p, a, b, d]) => [partSku(p), qty(rng, a, b, d)]));
    if (type.role === "probe") lines.unshift([subSku("core"), "1"]);
    const ops = type.route.map((step) => op(rng.pick(step.split("|"))));
    addVersions(item.sku, lines, ops);
  }

  for (const item of master.finished) {
    const lines: Line[] = [
      [subSku("core"), "1"],
      [subSku("housing"), "1"],
      [subSku("board"), "1"],
    ];
    const extras: Line[] = [];
    if (rng.chance(0.3)) extras.push([subSku("display"), "1"]);
    if (rng.chance(0.4)) extras.push([subSku("connection"), "1"]);
    if (item.param_schema.cableLength) extras.push([subSku("cable"), "1"]);
    if ((item.family === "温度变送器" || item.family === "液位计") && rng.chance(0.5)) extras.push([subSku("probe"), "1"]);
    for (const [p, a, b, d] of rng.shuffle(FINISHED_PARTS)) extras.push([partSku(p), qty(rng, a, b, d)]);
    const total = rng.int(3, 8);
    addVersions(item.sku, distinct([...lines, ...extras.slice(0, total - 3)]), finishedRoute(rng, op));
  }
  return out;
}

function finishedRoute(rng: Rng, op: (wc: string, runMin?: number, runMax?: number) => [string, number, number]) {
  const ops = [op(rng.pick(["WC-ASM1", "WC-ASM2"]), 0.1, 0.5)];
  if (rng.chance(0.5)) ops.push(op("WC-SEAL", 0.02, 0.2));
  if (rng.chance(0.3)) ops.push(op("WC-MARK", 0.01, 0.05));
  if (rng.chance(0.85)) ops.push(op(BOTTLENECK, 0.15, 0.5));
  ops.push(op("WC-TEST", 0.05, 0.3), op("WC-PACK", 0.01, 0.05));
  return ops;
}

function changeBom(rng: Rng, lines: Line[], partSku: (prefix: string) => string): Line[] {
  const next = lines.map(([sku, q]): Line => [sku, q]);
  const purchased = next.map((l, i) => [l, i] as const).filter(([[sku]]) => !sku.startsWith("SA-"));
  if (purchased.length && rng.chance(0.6)) {
    // Swap a purchased part for another of its category (a substitute or a redesigned part).
    const [[sku], i] = rng.pick(purchased);
    next[i] = [partSku(sku.split("-")[0]), next[i][1]];
  } else {
    next.push([partSku(rng.pick(["ORG", "LBL", "CON", "SCR"])), "1"]);
  }
  return distinct(next);
}

function distinct(lines: Line[]): Line[] {
  const seen = new Set<string>();
  return lines.filter(([sku]) => {
    if (seen.has(sku)) return false;
    seen.add(sku);
    return true;
  });
}

/** True when no item reaches itself through the BOM lines of any of its versions. */
export function bomIsAcyclic(items: ItemRow[], eng: Engineering): boolean {
  const skuOfVersion = new Map(eng.bomVersions.map((v) => [v.id, v.sku]));
  const edges = new Map<string, string[]>();
  for (const line of eng.bomLines) {
    const parent = skuOfVersion.get(line.bom_version_id) ?? "";
    edges.set(parent, [...(edges.get(parent) ?? []), line.component_sku]);
  }
  const state = new Map<string, "visiting" | "done">();
  const visit = (sku: string): boolean => {
    const s = state.get(sku);
    if (s === "visiting") return false;
    if (s === "done") return true;
    state.set(sku, "visiting");
    const ok = (edges.get(sku) ?? []).every(visit);
    state.set(sku, "done");
    return ok;
  };
  return items.every((i) => visit(i.sku));
}
