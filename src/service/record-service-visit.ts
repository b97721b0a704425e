// Use case: an engineer records a service visit. That one record, in one transaction, stores the parts
// replaced and the photo, issues a warranty card (its PDF rendered by the outbox worker), asks the
// warehouse to replenish the parts used, and adds the visit to the equipment's lifecycle.
import type { Kysely } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { invalid } from "../core/errors.js";
import { plantDay } from "../orders/model/numbering.js";
import { loadEquipment } from "./get-equipment.js";
import { addMonths } from "./model/installed-base.js";
import { newVerificationCode } from "./model/verification-code.js";
import type { VisitUpload } from "./read-visit-upload.js";

/** Months of warranty on a replaced part when its item names none. */
export const DEFAULT_PART_WARRANTY_MONTHS = 6;

export async function recordServiceVisit(db: Kysely<DB>, principal: Principal, serial: string, upload: VisitUpload, now = new Date()) {
  const unit = await loadEquipment(db, serial);
  const { fields, photo } = upload;
  const today = plantDay(now);
  const visitedOn = fields.visitedOn ?? today;
  if (visitedOn > today) throw invalid("visitedOn", "field.too_big", { max: today });
  if (visitedOn < unit.installed_on) throw invalid("visitedOn", "field.too_small", { min: unit.installed_on });
  const merged = new Map<string, number>();
  for (const p of fields.parts) merged.set(p.sku, (merged.get(p.sku) ?? 0) + p.qty);
  const items = await db
    .selectFrom("items")
    .select(["sku", "name", "warranty_months"])
    .where("sku", "in", [...merged.keys()])
    .execute();
  const itemOf = new Map(items.map((i) => [i.sku, i]));
  fields.parts.forEach((p, i) => {
    if (!itemOf.has(p.sku)) throw invalid(`parts[${i}].sku`, "item.not_found", { sku: p.sku });
  });
  const parts = [...merged].map(([sku, qty]) => ({
    sku,
    qty,
    validUntil: addMonths(visitedOn, itemOf.get(sku)?.warranty_months ?? DEFAULT_PART_WARRANTY_MONTHS),
  }));
  const validUntil = parts
    .map((p) => p.validUntil)
    .sort()
    .at(-1)!;
  const code = newVerificationCode();

  const visitId = await db.transaction().execute(async (tx) => {
    const { id } = await tx
      .insertInto("service_visits")
      .values({ serial, visited_on: visitedOn, engineer: principal.name, notes: fields.notes })
      .returning("id")
      .executeTakeFirstOrThrow();
    await tx
      .insertInto("visit_parts")
      .values(parts.map((p) => ({ visit_id: id, sku: p.sku, qty: p.qty })))
      .execute();
    await tx.insertInto("visit_photos").values({ visit_id: id, mime: photo.mime, size: photo.bytes.length, bytes: photo.bytes }).execute();
    await tx
      .insertInto("warranty_cards")
      .values({ code, visit_id: id, serial, valid_from: visitedOn, valid_until: validUntil, pdf: null, rendered_at: null })
      .execute();
    await tx
      .insertInto("replenishment_requests")
      .values(parts.map((p) => ({ visit_id: id, sku: p.sku, qty: p.qty })))
      .execute();
    await tx
      .insertInto("notifications")
      .values({
        to_role: "warehouse",
        to_user: null,
        level: "info",
        message: `补货申请：服务单 ${id}（设备 ${serial}）用掉 ${parts.map((p) => `${p.sku} × ${p.qty}`).join("，")}`,
        order_no: unit.order_no,
        rule_id: null,
      })
      .execute();
    await tx
      .insertInto("equipment_events")
      .values({
        serial,
        at: now,
        kind: "visit",
        actor: principal.name,
        data: JSON.stringify({ visitId: id, visitedOn, parts: parts.map((p) => ({ sku: p.sku, qty: p.qty })), warrantyCode: code, notes: fields.notes }),
      })
      .execute();
    await tx
      .insertInto("outbox")
      .values({ topic: "warranty_card", payload: JSON.stringify({ code, visitId: id, serial }), order_no: unit.order_no, rule_action_id: null })
      .execute();
    return id;
  });
  return {
    id: visitId,
    serial,
    visitedOn,
    engineer: principal.name,
    notes: fields.notes,
    parts: parts.map((p) => ({ sku: p.sku, name: itemOf.get(p.sku)?.name ?? "", qty: p.qty, warrantyUntil: p.validUntil })),
    photo: { mime: photo.mime, size: photo.bytes.length },
    warrantyCard: { code, validFrom: visitedOn, validUntil, url: `/w/${code}` },
  };
}
