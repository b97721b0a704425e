// Use case: place a purchase order with a supplier: schedule lines (item, quantity, requested date,
// price, pegged to a customer order or to stock), unconfirmed until the supplier answers. Each line is
// in-transit supply at once (at its requested date, flagged unconfirmed). A retried request with the
// same Idempotency-Key answers the order it created.
import { type Kysely, sql, type Transaction } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { isUniqueViolation } from "../core/db/unique-violation.js";
import { AppError } from "../core/errors.js";
import { plantDay } from "../core/plant-day.js";
import { publishChange } from "../events/publish-change.js";
import { fulfilPurchaseRequests } from "../planning/fulfil-purchase-requests.js";
import type { CreatePurchaseOrder } from "./schemas.js";
import { getPurchaseOrderView, logLineEvent, mirrorLines, supplyRef } from "./store.js";

export interface LineOrigin {
  proposalKey?: string | null;
  requestId?: number | null;
}

/** Inserts the order and its lines in the caller's transaction; returns the new number. */
export async function insertPurchaseOrder(
  tx: Transaction<DB>,
  principal: Principal,
  input: CreatePurchaseOrder,
  options: { idempotencyKey?: string | null; origins?: LineOrigin[] } = {},
): Promise<string> {
  const supplier = await tx.selectFrom("suppliers").select("code").where("code", "=", input.supplier).executeTakeFirst();
  if (!supplier) throw new AppError("invalid", "supplier.not_found", { code: input.supplier }, "supplier");
  const location = await tx.selectFrom("locations").select("code").where("code", "=", input.location).executeTakeFirst();
  if (!location) throw new AppError("invalid", "location.not_found", { code: input.location }, "location");
  const skus = [...new Set(input.lines.map((l) => l.sku))];
  const [items, prices, orders] = await Promise.all([
    tx.selectFrom("items").select(["sku", "unit_price"]).where("sku", "in", skus).execute(),
    tx.selectFrom("supplier_items").select(["sku", "price_fen"]).where("supplier_code", "=", input.supplier).where("sku", "in", skus).execute(),
    tx
      .selectFrom("orders")
      .select("order_no")
      .where(
        "order_no",
        "in",
        input.lines
          .map((l) => l.orderNo ?? "")
          .filter(Boolean)
          .concat([""]),
      )
      .execute(),
  ]);
  input.lines.forEach((l, i) => {
    if (!items.some((it) => it.sku === l.sku)) throw new AppError("invalid", "item.not_found", { sku: l.sku }, `lines[${i}].sku`);
    if (l.orderNo && !orders.some((o) => o.order_no === l.orderNo))
      throw new AppError("invalid", "field.invalid", { field: `lines[${i}].orderNo`, detail: `no order ${l.orderNo}` }, `lines[${i}].orderNo`);
  });
  const today = plantDay(new Date());
  const { rows } = await sql<{ n: string }>`select nextval('purchase_order_seq') as n`.execute(tx);
  const poNo = `PO${today.replaceAll("-", "")}-${String(rows[0].n).padStart(4, "0")}`;
  await tx
    .insertInto("purchase_orders")
    .values({
      po_no: poNo,
      supplier_code: input.supplier,
      location: input.location,
      note: input.note,
      idempotency_key: options.idempotencyKey ?? null,
      created_by: principal.name,
    })
    .execute();
  const priceOf = (sku: string) => {
    const offered = prices.find((p) => p.sku === sku);
    if (offered) return Number(offered.price_fen);
    return Math.round(Number(items.find((i) => i.sku === sku)?.unit_price ?? 0) * 100);
  };
  await tx
    .insertInto("purchase_order_lines")
    .values(
      input.lines.map((l, i) => ({
        po_no: poNo,
        line_no: i + 1,
        sku: l.sku,
        qty: l.qty,
        price_fen: l.priceFen ?? priceOf(l.sku),
        requested_date: l.requestedDate,
        order_no: l.orderNo,
        request_id: options.origins?.[i]?.requestId ?? null,
        proposal_key: options.origins?.[i]?.proposalKey ?? null,
      })),
    )
    .execute();
  for (const [i, l] of input.lines.entries())
    await logLineEvent(tx, { poNo, line: i + 1, kind: "created", to: l.requestedDate, qty: l.qty, actor: principal.name });
  const supplyIds = await mirrorLines(tx, poNo);
  // A request a promise raised is now on order: the plan counts this line instead of the request.
  const fulfilled = (options.origins ?? []).flatMap((o, i) =>
    o?.requestId ? [{ id: o.requestId, supplyLineId: supplyIds.get(supplyRef(poNo, i + 1))! }] : [],
  );
  if (fulfilled.length) await fulfilPurchaseRequests(tx, fulfilled, principal.name);
  await publishChange(tx, { kind: "master", entity: "purchase_order", key: poNo });
  return poNo;
}

export async function createPurchaseOrder(db: Kysely<DB>, principal: Principal, input: CreatePurchaseOrder, idempotencyKey?: string) {
  const today = plantDay(new Date());
  const replay = async () => {
    if (!idempotencyKey) return undefined;
    const prior = await db
      .selectFrom("purchase_orders")
      .select(["po_no", "supplier_code", "created_by"])
      .where("idempotency_key", "=", idempotencyKey)
      .executeTakeFirst();
    if (!prior) return undefined;
    if (prior.supplier_code !== input.supplier || prior.created_by !== principal.name)
      throw new AppError("conflict", "purchase_order.key_reused", { key: idempotencyKey }, "Idempotency-Key");
    return { created: false, order: await getPurchaseOrderView(db, prior.po_no, today) };
  };
  const prior = await replay();
  if (prior) return prior;
  try {
    const poNo = await db.transaction().execute((tx) => insertPurchaseOrder(tx, principal, input, { idempotencyKey }));
    return { created: true, order: await getPurchaseOrderView(db, poNo, today) };
  } catch (error) {
    if (isUniqueViolation(error, "purchase_orders_idempotency_key_key")) {
      const again = await replay();
      if (again) return again;
    }
    throw error;
  }
}
