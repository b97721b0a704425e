// Use cases: read and save the finance settings — which parts make up the exposure the credit check
// reads, and the tax platform's workbook layout when a newer template replaces the built-in one.
import type { Kysely } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { AppError } from "../core/errors.js";
import { readLayout } from "./export-invoices.js";
import { layoutProblems, type WorkbookLayout } from "./model/fapiao-layout.js";
import { readSettings } from "./store.js";

export async function getFinanceSettings(db: Kysely<DB>) {
  const [s, layout] = await Promise.all([readSettings(db), readLayout(db)]);
  return {
    receivables: s.receivables,
    unbilled: s.unbilled,
    openOrders: s.openOrders,
    ledgerStart: s.ledgerStart.toISOString(),
    layoutVersion: layout.version,
    updatedBy: s.updatedBy,
    updatedAt: s.updatedAt,
  };
}

export async function saveFinanceSettings(
  db: Kysely<DB>,
  principal: Principal,
  input: { receivables: boolean; unbilled: boolean; openOrders: boolean; ledgerStart?: string; layout?: WorkbookLayout | null },
) {
  if (input.layout) {
    const problems = layoutProblems(input.layout);
    if (problems.length) throw new AppError("invalid", "finance.layout", { detail: problems[0] }, "layout", { problems });
  }
  await db
    .updateTable("finance_settings")
    .set({
      include_receivables: input.receivables,
      include_unbilled: input.unbilled,
      include_open_orders: input.openOrders,
      ...(input.ledgerStart ? { ledger_start: new Date(input.ledgerStart) } : {}),
      ...(input.layout !== undefined ? { workbook_layout: input.layout === null ? null : JSON.stringify(input.layout) } : {}),
      updated_by: principal.name,
      updated_at: new Date(),
    })
    .where("id", "=", 1)
    .execute();
  return getFinanceSettings(db);
}
