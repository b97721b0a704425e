// Use case: the build record of an order (生产指令单), reprinted at any time: for each line the BOM and
// routing versions it is pinned to (what it was, or is being, built to), with their components and
// operations, and what its work orders really carry. An old order shows its old version even after an
// engineering change released a new one.
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import { notFound } from "../core/errors.js";
import { bomLines, getVersionById, routingOperations } from "../engineering/store.js";
import { getOrderLines, getOrderRow } from "../orders/store.js";

export async function getBuildRecord(db: Kysely<DB>, orderNo: string) {
  const order = await getOrderRow(db, orderNo);
  if (!order) throw notFound("order.not_found", { orderNo }, "orderNo");
  const [lines, customer, wos] = await Promise.all([
    getOrderLines(db, orderNo),
    db.selectFrom("customers").select("name").where("code", "=", order.customer_code).executeTakeFirst(),
    db
      .selectFrom("work_orders")
      .select(["id", "wo_no", "line_no", "sku", "qty", "routing_version_id", "status"])
      .where("order_no", "=", orderNo)
      .orderBy("id")
      .execute(),
  ]);
  const ops = wos.length
    ? await db
        .selectFrom("work_order_operations")
        .select(["work_order_id", "seq", "work_centre", "status", "qty_good"])
        .where(
          "work_order_id",
          "in",
          wos.map((w) => w.id),
        )
        .orderBy("seq")
        .execute()
    : [];
  const routingNo = new Map<number, number>();
  for (const id of new Set(wos.flatMap((w) => (w.routing_version_id ? [w.routing_version_id] : [])))) {
    const v = await getVersionById(db, "routing_versions", id);
    if (v) routingNo.set(id, v.version);
  }
  const out = [];
  for (const l of lines) {
    const item = await db.selectFrom("items").select(["name"]).where("sku", "=", l.sku).executeTakeFirst();
    const bom = l.bom_version_id ? await getVersionById(db, "bom_versions", l.bom_version_id) : undefined;
    const routing = l.routing_version_id ? await getVersionById(db, "routing_versions", l.routing_version_id) : undefined;
    out.push({
      lineNo: l.line_no,
      sku: l.sku,
      name: item?.name ?? l.sku,
      qty: l.qty,
      bom: bom
        ? {
            version: bom.version,
            status: bom.status,
            effectiveFrom: bom.effective_from,
            components: (await bomLines(db, bom.id)).map((c) => ({
              sku: c.component_sku,
              name: c.name,
              qtyPer: c.qty_per,
              total: String(Math.round(Number(c.qty_per) * l.qty * 1000) / 1000),
              uom: c.uom,
            })),
          }
        : null,
      routing: routing
        ? {
            version: routing.version,
            status: routing.status,
            operations: (await routingOperations(db, routing.id)).map((o) => ({
              seq: o.seq,
              workCentre: o.work_centre,
              runHoursPerUnit: o.run_hours_per_unit,
            })),
          }
        : null,
      workOrders: wos
        .filter((w) => w.line_no === l.line_no)
        .map((w) => ({
          workOrder: w.wo_no,
          sku: w.sku,
          qty: w.qty,
          status: w.status,
          routingVersion: w.routing_version_id ? (routingNo.get(w.routing_version_id) ?? null) : null,
          operations: ops.filter((o) => o.work_order_id === w.id).map((o) => ({ seq: o.seq, workCentre: o.work_centre, status: o.status, good: o.qty_good })),
        })),
    });
  }
  return {
    orderNo,
    customer: customer?.name ?? order.customer_code,
    status: order.status,
    promisedDate: order.promised_date,
    printedAt: new Date().toISOString(),
    lines: out,
  };
}
