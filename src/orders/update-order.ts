// Use case: change an order's editable fields, each guarded by the roles and stages that may change it.
import type { Kysely } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { Role } from "../core/auth/roles.js";
import type { DB } from "../core/db/schema.js";
import { AppError, notFound, refused } from "../core/errors.js";
import { publishChange } from "../events/publish-change.js";
import { runRulesOnOrder } from "../rules/run-rules-on-order.js";
import { getOrderView } from "./get-order.js";
import { RUSH_TAGS } from "./model/build-order.js";
import { OPEN_STATUSES, type OrderStatus } from "./model/lifecycle.js";
import { plantDay } from "./model/numbering.js";
import { appendEvent, getOrderRow, updateOrderIfVersion } from "./store.js";
import { staleVersion } from "./transition-order.js";

export interface OrderPatch {
  requestedDate?: string | null;
  promisedDate?: string | null;
  rush?: boolean;
  tags?: string[];
  note?: string;
}

export const FIELD_RULES: Record<keyof OrderPatch, { column: string; roles: Role[]; statuses: readonly OrderStatus[] }> = {
  requestedDate: { column: "requested_date", roles: ["sales", "service"], statuses: OPEN_STATUSES },
  promisedDate: { column: "promised_date", roles: ["planner"], statuses: OPEN_STATUSES },
  rush: { column: "rush", roles: ["sales", "service"], statuses: OPEN_STATUSES },
  tags: { column: "tags", roles: ["sales", "service", "planner"], statuses: OPEN_STATUSES },
  note: { column: "note", roles: ["sales", "service", "planner", "warehouse", "finance"], statuses: [...OPEN_STATUSES, "shipped", "delivered"] },
};

export async function updateOrder(db: Kysely<DB>, principal: Principal, orderNo: string, expectedVersion: number, patch: OrderPatch) {
  await db.transaction().execute(async (tx) => {
    const row = await getOrderRow(tx, orderNo, true);
    if (!row) throw notFound("order.not_found", { orderNo }, "orderNo");
    if (row.version !== expectedVersion) throw staleVersion(row.version, expectedVersion);

    const changes: Record<string, unknown> = {};
    const diff: Record<string, { from: unknown; to: unknown }> = {};
    for (const [field, value] of Object.entries(patch) as [keyof OrderPatch, unknown][]) {
      if (value === undefined) continue;
      const rule = FIELD_RULES[field];
      if (!principal.roles.includes("admin") && !principal.roles.some((r) => rule.roles.includes(r))) {
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
    const updated = await updateOrderIfVersion(tx, orderNo, expectedVersion, changes);
    if (!updated) throw staleVersion(row.version + 1, expectedVersion);
    await appendEvent(tx, { orderNo, actor: principal.name, kind: "changed", data: diff });
    await runRulesOnOrder(tx, db, orderNo, { trigger: "order.changed", changedFields: Object.keys(diff) });
    await publishChange(tx, { kind: "order", action: "changed", orderNo, customer: row.customer_code, status: row.status });
  });
  return getOrderView(db, orderNo);
}
