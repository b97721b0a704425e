// Purchasing fixtures: a bought-in part and a product made from it (one per test, so tests never share
// stock or supply), and a supplier selling the part.
import { expect } from "vitest";
import type { TestApp } from "./test-app.js";

/** `PM-<tag>` (purchased, lead time `lead` days, `onHand` in WH-MAIN) and `PF-<tag>` made of one of it on the assembly line. */
export async function partAndProduct(t: TestApp, tag: string, options: { lead?: number; onHand?: number } = {}) {
  const db = t.database.db;
  const part = `PM-${tag}`;
  const product = `PF-${tag}`;
  await db
    .insertInto("items")
    .values([
      {
        sku: part,
        name: `外购件 ${tag}`,
        kind: "purchased",
        family: "",
        uom: "pcs",
        unit_price: "12.00",
        lead_time_days: options.lead ?? 30,
        serialised: false,
        param_schema: "{}",
      },
      {
        sku: product,
        name: `成品 ${tag}`,
        kind: "finished",
        family: "测试",
        uom: "pcs",
        unit_price: "500.00",
        lead_time_days: 0,
        serialised: false,
        param_schema: "{}",
      },
    ])
    .execute();
  const [bom] = await db.insertInto("bom_versions").values({ sku: product, version: 1, effective_from: "2025-01-01" }).returning("id").execute();
  await db.insertInto("bom_lines").values({ bom_version_id: bom.id, component_sku: part, qty_per: "1" }).execute();
  const [routing] = await db.insertInto("routing_versions").values({ sku: product, version: 1, effective_from: "2025-01-01" }).returning("id").execute();
  await db
    .insertInto("routing_operations")
    .values({ routing_version_id: routing.id, seq: 10, work_centre: "WC-ASM", setup_hours: "0.2", run_hours_per_unit: "0.01" })
    .execute();
  if (options.onHand)
    await db
      .insertInto("inventory_balances")
      .values({ sku: part, location: "WH-MAIN", on_hand: String(options.onHand), reserved: "0" })
      .execute();
  return { part, product };
}

export async function supplierFor(t: TestApp, code: string, sku: string, body: Record<string, unknown> = {}) {
  const res = await t.api("POST", "/api/suppliers", {
    as: "purchasing",
    body: { code, name: `供应商 ${code}`, contacts: [{ name: "刘经理", phone: "0512-66880000" }], items: [{ sku, priceFen: 1200, preferred: true }], ...body },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

export async function placePo(t: TestApp, supplier: string, lines: Record<string, unknown>[]) {
  const res = await t.api("POST", "/api/purchase-orders", { as: "purchasing", body: { supplier, location: "WH-MAIN", lines } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}
