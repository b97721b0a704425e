// Use case: a quote-like proposal for a unit: the spare parts usually replaced on its model (and any
// lines the caller adds), priced from the item master, with the body POST /api/orders accepts; sales
// can have the order created at once.
import type { Kysely } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import { hasPermission, rolesWith } from "../core/auth/roles.js";
import type { DB } from "../core/db/schema.js";
import { AppError, invalid, refused } from "../core/errors.js";
import { lineAmount, sumMoney } from "../core/money.js";
import { createOrder } from "../intake/create-order.js";
import { compatibleModels, loadEquipment, usualSpares } from "./get-equipment.js";

export interface ProposalRequest {
  lines?: { sku: string; qty: number }[];
  includeUsualSpares: boolean;
  /** A usual spare is proposed when at least this share of the model's visits replaced it. */
  minShare: number;
  create: boolean;
}

export async function proposeForEquipment(db: Kysely<DB>, principal: Principal, serial: string, request: ProposalRequest) {
  const unit = await loadEquipment(db, serial);
  const wanted = new Map<string, { qty: number; reason: "usual_spare" | "requested" }>();
  if (request.includeUsualSpares) {
    const spares = await usualSpares(db, unit.sku);
    for (const p of spares.parts.filter((p) => p.share >= request.minShare)) {
      wanted.set(p.sku, { qty: Math.max(1, Math.round(p.qty / p.visits)), reason: "usual_spare" });
    }
  }
  for (const line of request.lines ?? []) {
    const seen = wanted.get(line.sku);
    wanted.set(line.sku, { qty: line.qty + (seen?.reason === "requested" ? seen.qty : 0), reason: "requested" });
  }
  const skus = [...wanted.keys()];
  const items = skus.length ? await db.selectFrom("items").select(["sku", "name", "unit_price"]).where("sku", "in", skus).execute() : [];
  const itemOf = new Map(items.map((i) => [i.sku, i]));
  (request.lines ?? []).forEach((l, i) => {
    if (!itemOf.has(l.sku)) throw invalid(`lines[${i}].sku`, "item.not_found", { sku: l.sku });
  });
  const lines = skus.map((sku) => {
    const item = itemOf.get(sku)!;
    const { qty, reason } = wanted.get(sku)!;
    return { sku, name: item.name, qty, unitPrice: item.unit_price, amount: lineAmount(item.unit_price, qty), reason };
  });
  const alternatives = await compatibleModels(db, unit.sku, unit.family);
  const orderRequest = lines.length
    ? { customer: unit.customer_code, lines: lines.map((l) => ({ sku: l.sku, qty: l.qty })), note: `设备 ${serial} 维修备件建议 / spare parts for ${serial}` }
    : null;
  const proposal = {
    serial,
    customer: { code: unit.customer_code, name: unit.customer_name },
    model: { sku: unit.sku, name: unit.model_name },
    lines,
    total: sumMoney(lines.map((l) => l.amount)),
    alternatives,
    orderRequest,
    order: null as { orderNo: string; status: string } | null,
  };
  if (!request.create) return proposal;
  if (!hasPermission(principal.roles, "orders.create")) {
    throw new AppError("forbidden", "auth.forbidden", { roles: principal.roles.join(","), allowed: rolesWith("orders.create").join(",") });
  }
  if (!orderRequest) throw refused("proposal.empty", { serial }, "lines");
  const { order } = await createOrder(db, principal, orderRequest);
  return { ...proposal, order: { orderNo: order.orderNo, status: order.status } };
}
