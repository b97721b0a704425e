// Use case: when an order is delivered, each unit of its serialised items joins the installed base,
// with a deterministic serial, the customer, the install date and the warranty end. Runs inside the
// delivery's transaction, so a delivered order never lacks its equipment.
import type { Transaction } from "kysely";
import type { DB } from "../core/db/schema.js";
import { plantDay } from "../core/plant-day.js";
import { deliveredSerials, warrantyUntil } from "./model/installed-base.js";

export async function registerDeliveredEquipment(tx: Transaction<DB>, orderNo: string, actor: string, at: Date): Promise<string[]> {
  const lines = await tx
    .selectFrom("order_lines")
    .innerJoin("items", "items.sku", "order_lines.sku")
    .select(["order_lines.line_no", "order_lines.sku", "order_lines.qty", "items.warranty_months"])
    .where("order_lines.order_no", "=", orderNo)
    .where("items.serialised", "=", true)
    .execute();
  if (!lines.length) return [];
  const order = await tx
    .selectFrom("orders")
    .innerJoin("customers", "customers.code", "orders.customer_code")
    .select(["orders.customer_code", "customers.region"])
    .where("orders.order_no", "=", orderNo)
    .executeTakeFirstOrThrow();
  const installedOn = plantDay(at);
  const months = new Map(lines.map((l) => [l.sku, l.warranty_months]));
  const units = deliveredSerials(orderNo, lines);
  const inserted = await tx
    .insertInto("equipment")
    .values(
      units.map((u) => ({
        serial: u.serial,
        sku: u.sku,
        customer_code: order.customer_code,
        order_no: orderNo,
        line_no: u.lineNo,
        site: order.region,
        installed_on: installedOn,
        warranty_until: warrantyUntil(installedOn, months.get(u.sku)),
        source: "delivery" as const,
        created_by: actor,
      })),
    )
    // A unit already registered (imported before its order was delivered) keeps its record.
    .onConflict((oc) => oc.column("serial").doNothing())
    .returning(["serial", "warranty_until"])
    .execute();
  if (inserted.length) {
    await tx
      .insertInto("equipment_events")
      .values(
        inserted.map((e) => ({ serial: e.serial, at, kind: "installed" as const, actor, data: JSON.stringify({ orderNo, warrantyUntil: e.warranty_until }) })),
      )
      .execute();
  }
  return inserted.map((e) => e.serial);
}
