// Use case (read): customers' credit exposure = open receivables + shipped not invoiced + confirmed not
// shipped (each part switchable in the finance settings), against the credit limit plus finance's
// unexpired overrides. The rules' credit check reads it (rules/credit-basis via finance), so does the board.
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../core/db/schema.js";
import { fromFen, toFen } from "../core/money.js";
import { plantDay } from "../core/plant-day.js";
import { customerOrderValues } from "../orders/list-shipped-lines.js";
import { type ExposureParts, type ExposureSwitches, exposure } from "./model/receivables.js";
import { ledgerTotals, overridesFen, readSettings } from "./store.js";

type Db = Kysely<DB> | Transaction<DB>;

export interface CustomerExposure {
  code: string;
  limitFen: bigint;
  overrideFen: bigint;
  effectiveLimitFen: bigint;
  parts: ExposureParts;
  switches: ExposureSwitches;
  totalFen: bigint;
  headroomFen: bigint;
  /** Issued invoices past due and unpaid (the rules may hold new orders on it). */
  overdueFen: bigint;
}

/**
 * Exposure per customer; `excludeOrderNo`: the order being judged, whose amount the caller adds itself.
 * `limits`: each customer's credit limit as the caller has just read it from its row (no second read).
 */
export async function creditExposures(
  db: Db,
  customers: string[],
  options: { excludeOrderNo?: string; at?: Date; limits?: { code: string; credit_limit: string }[] } = {},
): Promise<Map<string, CustomerExposure>> {
  const codes = [...new Set(customers)];
  if (!codes.length) return new Map();
  const settingsRead = readSettings(db);
  const [settings, ledger, orders, overrides, limits] = await Promise.all([
    settingsRead,
    ledgerTotals(db, codes, plantDay(options.at ?? new Date())),
    settingsRead.then((s) => customerOrderValues(db, codes, { excludeOrderNo: options.excludeOrderNo, shippedSince: s.ledgerStart })),
    overridesFen(db, codes, options.at ?? new Date()),
    options.limits ?? db.selectFrom("customers").select(["code", "credit_limit"]).where("code", "in", codes).execute(),
  ]);
  const out = new Map<string, CustomerExposure>();
  for (const { code, credit_limit } of limits) {
    const l = ledger.get(code) ?? { openingFen: 0n, invoicedFen: 0n, invoicedLinesFen: 0n, paymentsFen: 0n, overdueFen: 0n };
    const o = orders.get(code) ?? { shippedFen: 0n, openFen: 0n };
    const parts: ExposureParts = {
      receivablesFen: l.openingFen + l.invoicedFen - l.paymentsFen,
      unbilledFen: o.shippedFen - l.invoicedLinesFen,
      openOrdersFen: o.openFen,
    };
    const switches = { receivables: settings.receivables, unbilled: settings.unbilled, openOrders: settings.openOrders };
    const limitFen = toFen(credit_limit);
    const overrideFen = overrides.get(code) ?? 0n;
    const result = exposure(parts, switches, limitFen, overrideFen);
    out.set(code, { code, limitFen, overrideFen, parts, switches, ...result, overdueFen: l.overdueFen });
  }
  return out;
}

/** One customer's exposure as the order drawer shows it (the orders capability's port). */
export async function exposureView(db: Kysely<DB>, customer: string, excludeOrderNo: string) {
  const e = (await creditExposures(db, [customer], { excludeOrderNo })).get(customer);
  if (!e) return undefined;
  return {
    limit: fromFen(e.effectiveLimitFen),
    receivables: fromFen(e.parts.receivablesFen),
    unbilled: fromFen(e.parts.unbilledFen),
    openOrders: fromFen(e.parts.openOrdersFen),
    exposure: fromFen(e.totalFen),
  };
}
