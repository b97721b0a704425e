// Use case: bring older equipment into the installed base from JSON rows. Every row is checked (shape,
// master data, duplicates) and every fault reported with its row number; rows are saved all together
// or not at all.
import type { Kysely } from "kysely";
import { z } from "zod";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { isUniqueViolation } from "../core/db/unique-violation.js";
import { AppError } from "../core/errors.js";
import { isoDate } from "../core/http/schemas.js";
import { checkImportRows, type ImportRow, type RowError, warrantyUntil } from "./model/installed-base.js";

export const importRow = z.strictObject({
  serial: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{1,79}$/, "2–80 letters, digits, . _ / -"),
  sku: z.string().min(1).max(40),
  customer: z.string().min(1).max(20),
  site: z.string().max(200).optional(),
  installedOn: isoDate,
  warrantyUntil: isoDate.optional(),
  orderNo: z
    .string()
    .regex(/^DH\d{11,}$/, "DH + YYYYMMDD + sequence")
    .optional(),
});

function shapeErrors(rows: unknown[]): { valid: ImportRow[]; errors: RowError[] } {
  const valid: ImportRow[] = [];
  const errors: RowError[] = [];
  rows.forEach((raw, i) => {
    const parsed = importRow.safeParse(raw);
    if (parsed.success) valid.push(parsed.data);
    else for (const issue of parsed.error.issues) errors.push({ row: i + 1, field: issue.path.join(".") || "row", reason: issue.message });
  });
  return { valid, errors };
}

export async function importEquipment(db: Kysely<DB>, principal: Principal, rows: unknown[], dryRun: boolean) {
  const shaped = shapeErrors(rows);
  const { valid } = shaped;
  const list = (values: string[]) => (values.length ? [...new Set(values)] : [""]);
  const [skus, customers, serials, orders, months] = await Promise.all([
    db
      .selectFrom("items")
      .select("sku")
      .where("sku", "in", list(valid.map((r) => r.sku)))
      .execute(),
    db
      .selectFrom("customers")
      .select("code")
      .where("code", "in", list(valid.map((r) => r.customer)))
      .execute(),
    db
      .selectFrom("equipment")
      .select("serial")
      .where("serial", "in", list(valid.map((r) => r.serial)))
      .execute(),
    db
      .selectFrom("orders")
      .select("order_no")
      .where("order_no", "in", list(valid.flatMap((r) => (r.orderNo ? [r.orderNo] : []))))
      .execute(),
    db
      .selectFrom("items")
      .select(["sku", "warranty_months"])
      .where("sku", "in", list(valid.map((r) => r.sku)))
      .execute(),
  ]);
  // Rows that failed their shape keep their own numbers in the master-data check.
  const numbered = rows.flatMap((raw, i) => {
    const parsed = importRow.safeParse(raw);
    return parsed.success ? [{ row: i + 1, data: parsed.data }] : [];
  });
  const known = {
    skus: new Set(skus.map((s) => s.sku)),
    customers: new Set(customers.map((c) => c.code)),
    serials: new Set(serials.map((s) => s.serial)),
    orders: new Set(orders.map((o) => o.order_no)),
  };
  const dataErrors = checkImportRows(
    numbered.map((n) => n.data),
    known,
  ).map((e) => ({ ...e, row: numbered[e.row - 1].row }));
  const errors = [...shaped.errors, ...dataErrors].sort((a, b) => a.row - b.row);
  const summary = { rows: rows.length, valid: rows.length - new Set(errors.map((e) => e.row)).size, errors };
  if (dryRun) return { ...summary, imported: 0, dryRun: true };
  if (errors.length) throw new AppError("business_rule", "equipment.import_invalid", { count: errors.length }, undefined, { errors });

  const monthsOf = new Map(months.map((m) => [m.sku, m.warranty_months]));
  const at = new Date();
  await db
    .transaction()
    .execute(async (tx) => {
      await tx
        .insertInto("equipment")
        .values(
          valid.map((r) => ({
            serial: r.serial,
            sku: r.sku,
            customer_code: r.customer,
            order_no: r.orderNo ?? null,
            line_no: null,
            site: r.site ?? "",
            installed_on: r.installedOn,
            warranty_until: r.warrantyUntil ?? warrantyUntil(r.installedOn, monthsOf.get(r.sku)),
            source: "import" as const,
            created_by: principal.name,
          })),
        )
        .execute();
      await tx
        .insertInto("equipment_events")
        .values(
          valid.map((r) => ({ serial: r.serial, at, kind: "imported" as const, actor: principal.name, data: JSON.stringify({ installedOn: r.installedOn }) })),
        )
        .execute();
    })
    .catch((error) => {
      // Another import registered one of these serials after our check: nothing of ours was saved.
      if (isUniqueViolation(error)) throw new AppError("conflict", "conflict.concurrent");
      throw error;
    });
  return { ...summary, imported: valid.length, dryRun: false };
}
