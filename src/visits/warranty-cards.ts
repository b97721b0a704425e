// Warranty cards: the outbox handler that renders a visit's card and tells customer service, and the
// public download, which renders on demand if the worker has not got to it yet.
import type { Kysely } from "kysely";
import { readConfig } from "../core/config.js";
import type { DB } from "../core/db/schema.js";
import type { OutboxHandler } from "../core/outbox/drain-outbox.js";
import { addMonths, DEFAULT_PART_WARRANTY_MONTHS } from "../equipment/model/installed-base.js";
import { CODE_PATTERN } from "./model/verification-code.js";
import { renderWarrantyCard } from "./render-warranty-card.js";

export const warrantyCardPath = (code: string) => `/w/${code}`;

async function renderAndStore(db: Kysely<DB>, code: string): Promise<Buffer | null> {
  const card = await db
    .selectFrom("warranty_cards")
    .innerJoin("service_visits", "service_visits.id", "warranty_cards.visit_id")
    .innerJoin("equipment", "equipment.serial", "warranty_cards.serial")
    .innerJoin("items", "items.sku", "equipment.sku")
    .innerJoin("customers", "customers.code", "equipment.customer_code")
    .select([
      "warranty_cards.code",
      "warranty_cards.visit_id",
      "warranty_cards.serial",
      "warranty_cards.valid_from",
      "warranty_cards.valid_until",
      "service_visits.visited_on",
      "service_visits.engineer",
      "equipment.sku",
      "equipment.site",
      "items.name as model_name",
      "customers.name as customer_name",
    ])
    .where("warranty_cards.code", "=", code)
    .executeTakeFirst();
  if (!card) return null;
  const parts = await db
    .selectFrom("visit_parts")
    .innerJoin("items", "items.sku", "visit_parts.sku")
    .select(["visit_parts.sku", "visit_parts.qty", "items.name", "items.warranty_months"])
    .where("visit_id", "=", card.visit_id)
    .orderBy("visit_parts.sku")
    .execute();
  const pdf = await renderWarrantyCard({
    code: card.code,
    serial: card.serial,
    model: { sku: card.sku, name: card.model_name },
    customer: card.customer_name,
    site: card.site,
    visitedOn: card.visited_on,
    engineer: card.engineer,
    validFrom: card.valid_from,
    validUntil: card.valid_until,
    parts: parts.map((p) => ({
      sku: p.sku,
      name: p.name,
      qty: p.qty,
      validUntil: addMonths(card.visited_on, p.warranty_months ?? DEFAULT_PART_WARRANTY_MONTHS),
    })),
    verifyUrl: `${readConfig().publicUrl ?? ""}${warrantyCardPath(card.code)}`,
  });
  // The first rendering wins; a card never changes once issued.
  await db.updateTable("warranty_cards").set({ pdf, rendered_at: new Date() }).where("code", "=", code).where("pdf", "is", null).execute();
  return pdf;
}

/** Idempotent: the PDF is rendered once, and the holder is told once (notified_at), however often it is retried. */
export const deliverWarrantyCard: OutboxHandler = async (db, { payload }) => {
  const code = String(payload.code);
  const toRole = typeof payload.toRole === "string" ? payload.toRole : "service";
  const existing = await db.selectFrom("warranty_cards").select(["pdf", "serial"]).where("code", "=", code).executeTakeFirst();
  if (!existing) return { ok: false, retryable: false, error: `warranty card ${code} does not exist` };
  const pdf = existing.pdf ?? (await renderAndStore(db, code));
  const told = await db.transaction().execute(async (tx) => {
    const claimed = await tx
      .updateTable("warranty_cards")
      .set({ notified_at: new Date() })
      .where("code", "=", code)
      .where("notified_at", "is", null)
      .returning("code")
      .executeTakeFirst();
    if (!claimed) return false;
    await tx
      .insertInto("notifications")
      .values({
        to_role: toRole,
        to_user: null,
        level: "info",
        message: `设备 ${existing.serial} 的电子保修卡已生成：${readConfig().publicUrl ?? ""}${warrantyCardPath(code)}，请发给客户`,
        order_no: null,
        rule_id: null,
      })
      .execute();
    return true;
  });
  return { ok: true, detail: { code, bytes: pdf?.length ?? 0, notified: told ? toRole : "already" } };
};

/** The card's PDF, or null for a code that is malformed or unknown. */
export async function warrantyCardPdf(db: Kysely<DB>, code: string): Promise<Uint8Array | null> {
  if (!CODE_PATTERN.test(code)) return null;
  const row = await db.selectFrom("warranty_cards").select("pdf").where("code", "=", code).executeTakeFirst();
  if (!row) return null;
  return row.pdf ?? renderAndStore(db, code);
}
