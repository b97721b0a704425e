// What a new version is made of, worked out before its transaction: each line checked like an order line
// (customer, item, parameters, dates), its BOM and routing versions chosen, its cost rolled up on them and
// its price set for the margin; then the promise of the whole version (CTP on the current plan, saves nothing).
import type { Kysely } from "kysely";
import { addDays } from "../calendar/model/dates.js";
import type { DB } from "../core/db/schema.js";
import { AppError } from "../core/errors.js";
import type { Lang } from "../core/i18n.js";
import { fromFen, toFen } from "../core/money.js";
import { plantDay } from "../core/plant-day.js";
import { findVersion, readCostingMaster } from "../engineering/costing-master.js";
import { readIntakeContext } from "../orders/intake-context.js";
import { buildOrder, type OrderRequest } from "../orders/model/build-order.js";
import type { ParamValues } from "../orders/model/params.js";
import { promiseNewOrder } from "../planning/promise-order.js";
import { type LineCost, lineCost, marginOf, priceForMargin } from "./model/costing.js";
import { DEFAULT_VALID_DAYS, promiseValidUntil } from "./model/quote.js";
import { marginFloor } from "./store.js";

export interface VersionLineInput {
  sku: string;
  qty: number;
  params?: ParamValues;
  unitPrice?: string;
  outsourcingPerUnit?: string;
  bomVersion?: number;
  routingVersion?: number;
}
export interface VersionInput {
  lines: VersionLineInput[];
  validUntil?: string;
  requestedDate?: string;
  /** The margin (% of the price) prices are set for where a line gives none; default: the floor + 10. */
  marginPct?: number;
  note?: string;
}

export interface CostedLine {
  sku: string;
  qty: number;
  params: ParamValues;
  bomVersionId: number | null;
  routingVersionId: number | null;
  cost: LineCost;
  unitPriceFen: number;
}
export interface CostedVersion {
  today: string;
  customer: { code: string; grade: string };
  lines: CostedLine[];
  validUntil: string;
  requestedDate: string | null;
  costTotalFen: number;
  priceTotalFen: number;
  marginPct: number;
  floorPct: number;
  promise: { date: string | null; validUntil: string; note: { zh: string; en: string } | null };
}

const DEFAULT_MARGIN_ABOVE_FLOOR = 10;

/** The order request a version's lines make: what the promise is asked for and the order is built from. */
export function orderRequestOf(
  customer: string,
  lines: { sku: string; qty: number; params: ParamValues; unitPriceFen: number; bomVersionId: number | null; routingVersionId: number | null }[],
  requestedDate: string | null,
  note?: string,
): OrderRequest {
  return {
    customer,
    lines: lines.map((l) => ({
      sku: l.sku,
      qty: l.qty,
      params: l.params,
      unitPrice: fromFen(BigInt(l.unitPriceFen)),
      pinned: { bomVersionId: l.bomVersionId, routingVersionId: l.routingVersionId },
    })),
    ...(requestedDate ? { requestedDate } : {}),
    ...(note ? { note } : {}),
  };
}

/** The date a promise answers: the requested date when it holds, else the earliest feasible one. */
export async function promiseFor(db: Kysely<DB>, request: OrderRequest, lang: Lang) {
  const answer = await promiseNewOrder(db, request, lang);
  const date = answer.feasible && request.requestedDate ? request.requestedDate : answer.earliestDate;
  return { date, note: answer.explanations };
}

export async function costVersion(db: Kysely<DB>, customerCode: string, input: VersionInput, lang: Lang): Promise<CostedVersion> {
  const today = plantDay(new Date());
  const validUntil = input.validUntil ?? addDays(today, DEFAULT_VALID_DAYS);
  if (validUntil < today) throw new AppError("invalid", "quote.valid_until_past", { date: validUntil }, "validUntil");
  const ctx = await readIntakeContext(
    db,
    [customerCode],
    input.lines.map((l) => l.sku),
    today,
  );
  // The checks an order's lines get (customer, items, parameters, duplicate lines, requested date).
  const built = buildOrder(
    {
      customer: customerCode,
      requestedDate: input.requestedDate,
      lines: input.lines.map((l) => ({ sku: l.sku, qty: l.qty, params: l.params, unitPrice: l.unitPrice })),
    },
    ctx,
  );
  const pins: { sku: string; bomVersionId: number | null; routingVersionId: number | null }[] = [];
  for (const [i, line] of input.lines.entries()) {
    const bom = await findVersion(db, "bom_versions", line.sku, today, line.bomVersion);
    if (line.bomVersion !== undefined && !bom)
      throw new AppError("invalid", "quote.no_such_version", { sku: line.sku, version: line.bomVersion }, `lines[${i}].bomVersion`);
    const routing = await findVersion(db, "routing_versions", line.sku, today, line.routingVersion);
    if (line.routingVersion !== undefined && !routing)
      throw new AppError("invalid", "quote.no_such_version", { sku: line.sku, version: line.routingVersion }, `lines[${i}].routingVersion`);
    pins.push({ sku: line.sku, bomVersionId: bom?.id ?? null, routingVersionId: routing?.id ?? null });
  }
  const master = await readCostingMaster(db, pins, today);
  const floorPct = await marginFloor(db, built.customer_grade);
  const target = input.marginPct ?? floorPct + DEFAULT_MARGIN_ABOVE_FLOOR;
  const lines = input.lines.map((line, i): CostedLine => {
    const pin = pins[i];
    const madeHere = pin.bomVersionId !== null || pin.routingVersionId !== null;
    const outsourcingFen = Number(toFen(line.outsourcingPerUnit ?? "0"));
    // Bought in and sold on (no BOM, no routing): its cost is its own price.
    const cost = madeHere
      ? lineCost({ qty: line.qty, bomVersionId: pin.bomVersionId, routingVersionId: pin.routingVersionId, outsourcingFen }, master)
      : { material: Number(toFen(master.items.get(line.sku)?.unitPrice ?? "0")), labour: 0, outsourcing: outsourcingFen, unit: 0 };
    if (!madeHere) cost.unit = cost.material + cost.outsourcing;
    const unitPriceFen = line.unitPrice !== undefined ? Number(toFen(line.unitPrice)) : priceForMargin(cost.unit, target);
    return { qty: line.qty, params: built.lines[i].params, ...pin, cost, unitPriceFen };
  });
  const costTotalFen = lines.reduce((s, l) => s + l.cost.unit * l.qty, 0);
  const priceTotalFen = lines.reduce((s, l) => s + l.unitPriceFen * l.qty, 0);
  const promise = await promiseFor(db, orderRequestOf(customerCode, lines, input.requestedDate ?? null), lang);
  return {
    today,
    customer: { code: built.customer_code, grade: built.customer_grade },
    lines,
    validUntil,
    requestedDate: input.requestedDate ?? null,
    costTotalFen,
    priceTotalFen,
    marginPct: marginOf(priceTotalFen, costTotalFen),
    floorPct,
    promise: { date: promise.date, validUntil: promiseValidUntil(today, validUntil), note: promise.note },
  };
}
