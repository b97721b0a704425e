// Use cases of replenishment requests (parts used by service visits): the warehouse's list, and done.
import type { Kysely } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { notFound, refused } from "../core/errors.js";

export async function listReplenishment(db: Kysely<DB>, status: "open" | "done" | "cancelled") {
  const rows = await db
    .selectFrom("replenishment_requests")
    .innerJoin("service_visits", "service_visits.id", "replenishment_requests.visit_id")
    .innerJoin("items", "items.sku", "replenishment_requests.sku")
    .select([
      "replenishment_requests.id",
      "replenishment_requests.visit_id",
      "service_visits.serial",
      "replenishment_requests.sku",
      "items.name",
      "replenishment_requests.qty",
      "replenishment_requests.status",
      "replenishment_requests.created_at",
    ])
    .where("replenishment_requests.status", "=", status)
    .orderBy("replenishment_requests.id")
    .limit(1000)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    visitId: r.visit_id,
    serial: r.serial,
    sku: r.sku,
    name: r.name,
    qty: r.qty,
    status: r.status,
    createdAt: r.created_at.toISOString(),
  }));
}

export async function completeReplenishment(db: Kysely<DB>, _principal: Principal, id: number) {
  const row = await db.selectFrom("replenishment_requests").select(["id", "status"]).where("id", "=", id).executeTakeFirst();
  if (!row) throw notFound("replenishment.not_found", { id }, "id");
  const updated = await db
    .updateTable("replenishment_requests")
    .set({ status: "done" })
    .where("id", "=", id)
    .where("status", "=", "open")
    .returning(["id", "status"])
    .executeTakeFirst();
  if (!updated) throw refused("replenishment.not_open", { id, status: row.status }, "id");
  return updated;
}
