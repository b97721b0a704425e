// Use case: the nameplate look-up. A serial brings up the unit (model, customer, site, warranty), its
// repair history and lifecycle, the spare parts usually replaced on this model (from every unit's
// visits), and the compatible sensor models (same family, or built on the same sub-assembly).
import { type Kysely, sql } from "kysely";
import type { DB } from "../core/db/schema.js";
import { notFound } from "../core/errors.js";
import { plantDay } from "../core/plant-day.js";

export async function loadEquipment(db: Kysely<DB>, serial: string) {
  const unit = await db
    .selectFrom("equipment")
    .innerJoin("items", "items.sku", "equipment.sku")
    .innerJoin("customers", "customers.code", "equipment.customer_code")
    .selectAll("equipment")
    .select(["items.name as model_name", "items.family", "customers.name as customer_name"])
    .where("equipment.serial", "=", serial)
    .executeTakeFirst();
  if (!unit) throw notFound("equipment.not_found", { serial }, "serial");
  return unit;
}

/** Spare parts replaced on units of this model, most often first, with the share of visits that needed them. */
export async function usualSpares(db: Kysely<DB>, sku: string, limit = 10) {
  const visits = await db
    .selectFrom("service_visits")
    .innerJoin("equipment", "equipment.serial", "service_visits.serial")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("equipment.sku", "=", sku)
    .executeTakeFirstOrThrow();
  const total = Number(visits.n);
  const rows = await db
    .selectFrom("visit_parts")
    .innerJoin("service_visits", "service_visits.id", "visit_parts.visit_id")
    .innerJoin("equipment", "equipment.serial", "service_visits.serial")
    .innerJoin("items", "items.sku", "visit_parts.sku")
    .select(["visit_parts.sku", "items.name", "items.unit_price"])
    .select((eb) => [eb.fn.countAll<number>().as("visits"), eb.fn.sum<number>("visit_parts.qty").as("qty")])
    .where("equipment.sku", "=", sku)
    .groupBy(["visit_parts.sku", "items.name", "items.unit_price"])
    .orderBy("visits", "desc")
    .orderBy("visit_parts.sku")
    .limit(limit)
    .execute();
  return {
    visitsOfModel: total,
    parts: rows.map((r) => ({
      sku: r.sku,
      name: r.name,
      unitPrice: r.unit_price,
      visits: Number(r.visits),
      qty: Number(r.qty),
      share: total ? Math.round((Number(r.visits) / total) * 100) / 100 : 0,
    })),
  };
}

/** Finished models of the same family, or whose current BOM uses one of this model's sub-assemblies. */
export async function compatibleModels(db: Kysely<DB>, sku: string, family: string) {
  const sameFamily = family
    ? await db
        .selectFrom("items")
        .select(["sku", "name", "family"])
        .where("family", "=", family)
        .where("kind", "=", "finished")
        .where("sku", "!=", sku)
        .orderBy("sku")
        .execute()
    : [];
  const sharedCore = await sql<{ sku: string; name: string; family: string; component: string }>`
    with latest as (
      select distinct on (sku) id, sku from bom_versions where effective_from <= current_date order by sku, version desc
    ), mine as (
      select bl.component_sku from latest l join bom_lines bl on bl.bom_version_id = l.id
      join items c on c.sku = bl.component_sku and c.kind = 'subassembly'
      where l.sku = ${sku}
    )
    select distinct i.sku, i.name, i.family, bl.component_sku as component
    from latest l join bom_lines bl on bl.bom_version_id = l.id join items i on i.sku = l.sku
    where bl.component_sku in (select component_sku from mine) and i.sku <> ${sku} and i.kind = 'finished'
    order by i.sku`.execute(db);
  const out = new Map<string, { sku: string; name: string; family: string; reasons: string[] }>();
  for (const m of sameFamily) out.set(m.sku, { ...m, reasons: ["same_family"] });
  for (const m of sharedCore.rows) {
    const entry = out.get(m.sku) ?? { sku: m.sku, name: m.name, family: m.family, reasons: [] };
    const reason = `shares ${m.component}`;
    if (!entry.reasons.includes(reason)) entry.reasons.push(reason);
    out.set(m.sku, entry);
  }
  return [...out.values()].sort((a, b) => a.sku.localeCompare(b.sku));
}

export async function getEquipment(db: Kysely<DB>, serial: string, now = new Date()) {
  const unit = await loadEquipment(db, serial);
  const [visits, parts, cards, events, spares, compatible, unitsOfModel] = await Promise.all([
    db.selectFrom("service_visits").selectAll().where("serial", "=", serial).orderBy("id", "desc").execute(),
    db
      .selectFrom("visit_parts")
      .innerJoin("service_visits", "service_visits.id", "visit_parts.visit_id")
      .innerJoin("items", "items.sku", "visit_parts.sku")
      .select(["visit_parts.visit_id", "visit_parts.sku", "visit_parts.qty", "items.name"])
      .where("service_visits.serial", "=", serial)
      .execute(),
    db.selectFrom("warranty_cards").select(["visit_id", "code", "valid_until"]).where("serial", "=", serial).execute(),
    db.selectFrom("equipment_events").selectAll().where("serial", "=", serial).orderBy("id").execute(),
    usualSpares(db, unit.sku),
    compatibleModels(db, unit.sku, unit.family),
    db
      .selectFrom("equipment")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("sku", "=", unit.sku)
      .executeTakeFirstOrThrow(),
  ]);
  const photos = visits.length
    ? await db
        .selectFrom("visit_photos")
        .select("visit_id")
        .where(
          "visit_id",
          "in",
          visits.map((v) => v.id),
        )
        .execute()
    : [];
  const withPhoto = new Set(photos.map((p) => p.visit_id));
  return {
    serial: unit.serial,
    model: { sku: unit.sku, name: unit.model_name, family: unit.family },
    customer: { code: unit.customer_code, name: unit.customer_name },
    site: unit.site,
    orderNo: unit.order_no,
    source: unit.source,
    installedOn: unit.installed_on,
    warrantyUntil: unit.warranty_until,
    underWarranty: unit.warranty_until >= plantDay(now),
    repairHistory: visits.map((v) => ({
      id: v.id,
      visitedOn: v.visited_on,
      engineer: v.engineer,
      notes: v.notes,
      parts: parts.filter((p) => p.visit_id === v.id).map((p) => ({ sku: p.sku, name: p.name, qty: p.qty })),
      photo: withPhoto.has(v.id) ? `/api/equipment/${encodeURIComponent(serial)}/visits/${v.id}/photo` : null,
      warrantyCard: cards.filter((c) => c.visit_id === v.id).map((c) => ({ code: c.code, validUntil: c.valid_until, url: `/w/${c.code}` }))[0] ?? null,
    })),
    modelHistory: { units: Number(unitsOfModel.n), visits: spares.visitsOfModel },
    usualSpares: spares.parts,
    compatibleModels: compatible,
    lifecycle: events.map((e) => ({ id: e.id, at: e.at.toISOString(), kind: e.kind, actor: e.actor, data: e.data })),
  };
}
