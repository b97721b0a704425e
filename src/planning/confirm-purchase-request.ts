// Use case: purchasing confirms a purchase request a promise depends on, with the supplier's date. It
// becomes an open supply line (what the plan counts from then on); a request is decided once.
import type { Kysely } from "kysely";
import { now } from "../core/clock.js";
import type { DB } from "../core/db/schema.js";
import { AppError } from "../core/errors.js";

export interface ConfirmPurchase {
  id: number;
  expectedDate: string;
  location: string;
  /** The supplier's reference (a PO number); defaults to PR-<id>. */
  ref?: string;
  qty?: number;
}

export async function confirmPurchaseRequest(db: Kysely<DB>, input: ConfirmPurchase, actor: string) {
  return db.transaction().execute(async (tx) => {
    const pr = await tx.selectFrom("purchase_requests").selectAll().where("id", "=", input.id).forUpdate().executeTakeFirst();
    if (!pr) throw new AppError("not_found", "purchase_request.not_found", { id: input.id });
    if (pr.status !== "requested") throw new AppError("conflict", "purchase_request.decided", { id: input.id, status: pr.status });
    const location = await tx.selectFrom("locations").select("code").where("code", "=", input.location).executeTakeFirst();
    if (!location) throw new AppError("invalid", "purchase_request.location", { location: input.location, field: "location" }, "location");
    const line = await tx
      .insertInto("supply_lines")
      .values({
        kind: "purchase",
        ref: input.ref ?? `PR-${pr.id}`,
        sku: pr.sku,
        location: input.location,
        qty: String(input.qty ?? Number(pr.qty)),
        expected_date: input.expectedDate,
        created_at: now(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await tx
      .updateTable("purchase_requests")
      .set({ status: "confirmed", decided_by: actor, decided_at: now(), supply_line_id: line.id })
      .where("id", "=", pr.id)
      .execute();
    return { id: pr.id, sku: pr.sku, orderNo: pr.order_no, qty: input.qty ?? Number(pr.qty), expectedDate: input.expectedDate, supplyLineId: line.id };
  });
}

/** Open requests, oldest need first, with the order and its customer's promise. */
export async function listPurchaseRequests(db: Kysely<DB>, status: "requested" | "confirmed" | "cancelled" = "requested") {
  const rows = await db
    .selectFrom("purchase_requests as pr")
    .innerJoin("items", "items.sku", "pr.sku")
    .innerJoin("orders", "orders.order_no", "pr.order_no")
    .select([
      "pr.id",
      "pr.sku",
      "items.name",
      "pr.qty",
      "pr.need_date",
      "pr.order_no",
      "pr.lead_time_days",
      "pr.requested_at",
      "orders.promised_date",
      "orders.rush",
    ])
    .where("pr.status", "=", status)
    .orderBy("pr.need_date")
    .orderBy("pr.id")
    .limit(500)
    .execute();
  return {
    requests: rows.map((r) => ({
      id: r.id,
      sku: r.sku,
      name: r.name,
      qty: Number(r.qty),
      needDate: r.need_date,
      orderNo: r.order_no,
      leadTimeDays: r.lead_time_days,
      requestedAt: r.requested_at.toISOString(),
      promisedDate: r.promised_date,
      rush: r.rush,
    })),
  };
}
