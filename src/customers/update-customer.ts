// Use case: change customer master fields under optimistic concurrency, logging who changed what.
import { type Kysely, sql } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { AppError, notFound } from "../core/errors.js";
import { assertCreditFieldsAllowed } from "./create-customer.js";
import type { CustomerPatch } from "./schemas.js";
import { getCustomer, recordMasterChange } from "./store.js";

const COLUMNS: Record<keyof CustomerPatch, string> = {
  name: "name",
  grade: "grade",
  creditLimit: "credit_limit",
  openReceivables: "open_receivables",
  specialTerms: "special_terms",
  contactName: "contact_name",
  contactPhone: "contact_phone",
  region: "region",
};

export async function updateCustomer(db: Kysely<DB>, principal: Principal, code: string, expectedVersion: number, patch: CustomerPatch) {
  assertCreditFieldsAllowed(principal, Object.keys(patch));
  await db.transaction().execute(async (tx) => {
    const current = await getCustomer(tx, code);
    if (!current) throw notFound("customer.not_found", { code }, "code");
    if (current.version !== expectedVersion) {
      throw new AppError("stale_version", "order.stale_version", { current: current.version, given: expectedVersion }, "If-Match", {
        currentVersion: current.version,
      });
    }
    const set: Record<string, unknown> = {};
    const diff: Record<string, { from: unknown; to: unknown }> = {};
    for (const [field, value] of Object.entries(patch) as [keyof CustomerPatch, string][]) {
      if (value === undefined || current[field] === value) continue;
      set[COLUMNS[field]] = value;
      diff[field] = { from: current[field], to: value };
    }
    if (!Object.keys(diff).length) return;
    const updated = await tx
      .updateTable("customers")
      .set({ ...set, version: sql`version + 1`, updated_at: new Date() })
      .where("code", "=", code)
      .where("version", "=", expectedVersion)
      .executeTakeFirst();
    if (!updated.numUpdatedRows) throw new AppError("conflict", "conflict.concurrent");
    await recordMasterChange(tx, { entity: "customer", key: code, actor: principal.name, roles: principal.roles, data: diff });
  });
  return (await getCustomer(db, code))!;
}
