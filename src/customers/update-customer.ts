// Use case: change customer master fields under optimistic concurrency, logging who changed what (and,
// for grade and credit, why) as a master-data change, and telling every open board.
import { type Kysely, sql } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { AppError, notFound } from "../core/errors.js";
import { publishChange } from "../events/publish-change.js";
import { assertCreditFieldsAllowed } from "./create-customer.js";
import { CREDIT_FIELDS, type CustomerPatch } from "./schemas.js";
import { getCustomer, recordMasterChange } from "./store.js";

type Field = Exclude<keyof CustomerPatch, "reason">;
const COLUMNS: Record<Field, string> = {
  name: "name",
  grade: "grade",
  creditLimit: "credit_limit",
  openReceivables: "open_receivables",
  specialTerms: "special_terms",
  contactName: "contact_name",
  contactPhone: "contact_phone",
  region: "region",
  addresses: "addresses",
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export async function updateCustomer(db: Kysely<DB>, principal: Principal, code: string, expectedVersion: number, patch: CustomerPatch) {
  const { reason, ...fields } = patch;
  assertCreditFieldsAllowed(principal, Object.keys(fields));
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
    for (const [field, value] of Object.entries(fields) as [Field, unknown][]) {
      if (value === undefined || same(current[field], value)) continue;
      set[COLUMNS[field]] = field === "addresses" ? JSON.stringify(value) : value;
      diff[field] = { from: current[field], to: value };
    }
    if (!Object.keys(diff).length) return;
    const credit = Object.keys(diff).find((f) => (CREDIT_FIELDS as readonly string[]).includes(f));
    if (credit && !reason) throw new AppError("invalid", "customer.reason_required", { field: credit }, "reason");
    const updated = await tx
      .updateTable("customers")
      .set({ ...set, version: sql`version + 1`, updated_at: new Date() })
      .where("code", "=", code)
      .where("version", "=", expectedVersion)
      .executeTakeFirst();
    if (!updated.numUpdatedRows) throw new AppError("conflict", "conflict.concurrent");
    await recordMasterChange(tx, { entity: "customer", key: code, actor: principal.name, roles: principal.roles, data: reason ? { ...diff, reason } : diff });
    await publishChange(tx, { kind: "master", entity: "customer", key: code });
  });
  return (await getCustomer(db, code))!;
}
