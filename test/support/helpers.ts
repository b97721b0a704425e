// Small helpers shared by integration tests: dates relative to today, placing orders, finding rules, counting rows.
import { type Kysely, sql } from "kysely";
import { expect } from "vitest";
import type { DB } from "../../src/core/db/schema.js";
import { plantDay } from "../../src/orders/model/numbering.js";
import type { TestApp } from "./test-app.js";

export const inDays = (n: number) => plantDay(new Date(Date.now() + n * 86_400_000));

/** Places an order as sales and expects it to be taken in. */
export async function placeOrder(t: TestApp, body: Record<string, unknown>) {
  const res = await t.api("POST", "/api/orders", { as: "sales", body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** Pressure-sensor orders of C-A1 (each needs `qty` chips), due in the given days, some rush; their numbers. */
export async function placeSensorOrders(t: TestApp, qty: number, dues: [days: number, rush: boolean][]): Promise<string[]> {
  const orderNos: string[] = [];
  for (const [days, rush] of dues) {
    orderNos.push((await placeOrder(t, { customer: "C-A1", rush, lines: [{ sku: "PS-100", qty }], requestedDate: inDays(days) })).orderNo);
  }
  return orderNos;
}

/** Saves a rule through the API (as admin); its stored view. */
export async function saveRule(t: TestApp, rule: Record<string, unknown>) {
  const res = await t.api("POST", "/api/rules", { body: rule });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

export async function ruleIdByName(t: TestApp, name: string): Promise<number> {
  return (await t.api("GET", "/api/rules")).body.rules.find((r: { name: string }) => r.name === name).id;
}

/** Row counts of the given tables: compare before and after to prove nothing was written. */
export async function rowCounts(db: Kysely<DB>, tables: readonly string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of tables) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db);
    out[table] = rows[0].n;
  }
  return out;
}
