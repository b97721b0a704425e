// Pure generator of an order's lines: items, quantities and parameter values drawn from each item's
// schema, priced exactly with the money helpers.
import { lineAmount } from "../core/money.js";
import { checkParams, type ParamSchema, type ParamSpec, type ParamValues } from "../orders/model/params.js";
import type { Rng } from "./random.js";
import type { ItemRow } from "./rows.js";

export interface DraftLine {
  line_no: number;
  sku: string;
  qty: number;
  unit_price: string;
  amount: string;
  params: ParamValues;
  nonstandard: boolean;
}

const NICE_NUMBERS = [0.5, 1, 3, 5, 10, 15, 20, 30, 50, 150, 200, 300, 500, 1000, 1500, 2000];

function departure(rng: Rng, spec: ParamSpec): string | number | boolean {
  if (spec.type === "enum") return rng.pick(spec.values.filter((v) => v !== spec.default));
  if (spec.type === "boolean") return !spec.default;
  if (spec.type === "number") {
    const fits = NICE_NUMBERS.filter((n) => n !== spec.default && n >= (spec.min ?? 0) && n <= (spec.max ?? Number.POSITIVE_INFINITY));
    return rng.pick(fits);
  }
  return "客户定制";
}

/** Parameter values for one line: standard lines state defaults (or nothing), special ones depart on 1–3 fields. */
export function drawParams(rng: Rng, schema: ParamSchema, special: boolean): ParamValues {
  const names = Object.keys(schema);
  const params: ParamValues = {};
  const departing = special ? new Set(rng.sample(names, rng.int(1, Math.min(3, names.length)))) : new Set<string>();
  const statesDefaults = rng.chance(0.6);
  for (const name of names) {
    const spec = schema[name];
    if (departing.has(name)) params[name] = departure(rng, spec);
    else if (statesDefaults && spec.default !== undefined) params[name] = spec.default;
  }
  return params;
}

export interface LinePools {
  finished: ItemRow[];
  spares: ItemRow[];
}

export function drawLines(rng: Rng, pools: LinePools, wantsSpecial: boolean): DraftLine[] {
  const count = rng.weighted([1, 2, 3, 4, 5, 6], [35, 25, 15, 10, 8, 7]);
  const chosen = new Map<string, ItemRow>();
  while (chosen.size < count) {
    const item = rng.chance(0.9) ? rng.pick(pools.finished) : rng.pick(pools.spares);
    chosen.set(item.sku, item);
  }
  const items = [...chosen.values()];
  const withSchema = items.filter((i) => Object.keys(i.param_schema).length > 0);
  // Of an order that departs from standard, at least one line does; the others only sometimes.
  const specialSkus = new Set<string>();
  if (wantsSpecial && withSchema.length) {
    const first = rng.pick(withSchema);
    specialSkus.add(first.sku);
    for (const item of withSchema) if (rng.chance(0.3)) specialSkus.add(item.sku);
  }
  return items.map((item, i) => {
    const params = drawParams(rng, item.param_schema, specialSkus.has(item.sku));
    const { nonstandard } = checkParams(item.sku, item.param_schema, params, `lines[${i}].params`);
    const qty = item.kind !== "finished" ? rng.int(1, 20) : rng.weighted([rng.int(1, 5), rng.int(6, 20), rng.int(21, 100)], [50, 35, 15]);
    return { line_no: i + 1, sku: item.sku, qty, unit_price: item.unit_price, amount: lineAmount(item.unit_price, qty), params, nonstandard };
  });
}
