// Use case: change an order's editable fields, each guarded by the roles and stages that may change it.
import type { Kysely } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { AppError, refused } from "../core/errors.js";
import { applyOrderChange, lockOrder } from "./apply-order-change.js";
import { getOrderView } from "./get-order.js";
import { RUSH_TAGS } from "./model/build-order.js";
import { FIELD_RULES, mayChangeField, type OrderPatch } from "./model/field-rules.js";
import type { OrderStatus } from "./model/lifecycle.js";
import { plantDay } from "./model/numbering.js";
import type { OrderColumns } from "./store.js";

export type { OrderPatch };

export async function updateOrder(db: Kysely<DB>, principal: Principal, orderNo: string, expectedVersion: number, patch: OrderPatch) {
  await db.transaction().execute(async (tx) => {
    const row = await lockOrder(tx, orderNo, expectedVersion);

    const changes: Record<string, unknown> = {};
    const diff: Record<string, { from: unknown; to: unknown }> = {};
    for (const [field, value] of Object.entries(patch) as [keyof OrderPatch, unknown][]) {
      if (value === undefined) continue;
      const rule = FIELD_RULES[field];
      if (!mayChangeField(principal.roles, field)) {
        throw new AppError("forbidden", "order.field_role", { roles: principal.roles.join(","), field, allowed: rule.roles.join(",") }, field);
      }
      if (!rule.statuses.includes(row.status as OrderStatus)) {
        throw refused("order.not_editable", { status: row.status, field }, field);
      }
      const before = (row as Record<string, unknown>)[rule.column];
      if (JSON.stringify(before) === JSON.stringify(value)) continue;
      changes[rule.column] = value;
      diff[field] = { from: before, to: value };
    }
    if (typeof patch.requestedDate === "string" && patch.requestedDate < plantDay(new Date())) {
      throw new AppError("invalid", "order.requested_in_past", { date: patch.requestedDate }, "requestedDate");
    }
    const rush = patch.rush ?? row.rush;
    const tags = patch.tags ?? row.tags;
    if ((rush || tags.some((t) => RUSH_TAGS.includes(t))) && (diff.rush || diff.tags)) {
      const customer = await tx.selectFrom("customers").select("grade").where("code", "=", row.customer_code).executeTakeFirstOrThrow();
      if (customer.grade === "D") throw refused("order.rush_grade_d", { customer: row.customer_code }, diff.rush ? "rush" : "tags");
    }
    if (!Object.keys(diff).length) return;
    await applyOrderChange(tx, db, row, {
      actor: principal.name,
      columns: changes as OrderColumns,
      events: [{ kind: "changed", data: diff }],
      trigger: { trigger: "order.changed", changedFields: Object.keys(diff) },
    });
  });
  return getOrderView(db, orderNo);
}
