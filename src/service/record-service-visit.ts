// Use case: an engineer records a service visit. One transaction stores the visit, the parts replaced and
// the photo, and runs the visit.recorded rules, whose default actions issue the warranty card (its PDF
// rendered by the outbox worker), ask the warehouse to replenish the parts used, and add the visit to
// the equipment's lifecycle.
import type { Kysely } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { invalid } from "../core/errors.js";
import { plantDay } from "../core/plant-day.js";
import { loadEquipment } from "./get-equipment.js";
import { addMonths, DEFAULT_PART_WARRANTY_MONTHS } from "./model/installed-base.js";
import { visitFacts } from "./model/visit-facts.js";
import type { VisitUpload } from "./read-visit-upload.js";
import { runVisitRules } from "./run-visit-rules.js";
import { warrantyCardPath } from "./warranty-cards.js";

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
  const [customer, previous] = await Promise.all([
    db.selectFrom("customers").select(["code", "grade", "credit_limit", "open_receivables"]).where("code", "=", unit.customer_code).executeTakeFirstOrThrow(),
    db
      .selectFrom("service_visits")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("serial", "=", serial)
      .executeTakeFirstOrThrow(),
  ]);
  const partsUsed = parts.map((p) => ({ sku: p.sku, qty: p.qty }));

  const { visitId, effects } = await db.transaction().execute(async (tx) => {
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
    // What the visit leads to (card, replenishment, lifecycle, notices) is decided by the visit.recorded rules.
    const facts = visitFacts({ id, engineer: principal.name, notes: fields.notes, parts: partsUsed }, unit, customer, Number(previous.n), today);
    const run = await runVisitRules(tx, db, { facts, visitedOn, actor: principal.name, notes: fields.notes, parts: partsUsed, validUntil, at: now });
    return { visitId: id, effects: run };
  });
  const card = effects.plan.card;
  return {
    id: visitId,
    serial,
    visitedOn,
    engineer: principal.name,
    notes: fields.notes,
    parts: parts.map((p) => ({ sku: p.sku, name: itemOf.get(p.sku)?.name ?? "", qty: p.qty, warrantyUntil: p.validUntil })),
    photo: { mime: photo.mime, size: photo.bytes.length },
    warrantyCard: card ? { code: card.code, validFrom: visitedOn, validUntil, url: warrantyCardPath(card.code) } : null,
    replenishmentRequested: effects.plan.replenishment !== null,
    lifecycleEntry: effects.plan.lifecycle !== null,
    rules: effects.matched,
  };
}
