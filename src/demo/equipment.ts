// The demo plant's installed base: the serialised units of recently delivered orders, and a year of
// service visits on some of them (parts from the model's own BOM, a photo, a warranty card, the
// replenishment request and the lifecycle), so the nameplate look-up has history to show. Pure.
import { plantDay } from "../core/plant-day.js";
import { addMonths, DEFAULT_PART_WARRANTY_MONTHS, deliveredSerials, warrantyUntil } from "../service/model/installed-base.js";
import { newVerificationCode } from "../service/model/verification-code.js";
import { addDays, plantInstant } from "./dates.js";
import type { Engineering } from "./engineering.js";
import type { OrderBook } from "./orders.js";
import type { Rng } from "./random.js";
import type { CustomerRow, ItemRow } from "./rows.js";

export interface InstalledBase {
  equipment: {
    serial: string;
    sku: string;
    customer_code: string;
    order_no: string;
    line_no: number;
    site: string;
    installed_on: string;
    warranty_until: string;
    source: "delivery";
    created_by: string;
    created_at: Date;
  }[];
  visits: { id: number; serial: string; visited_on: string; engineer: string; notes: string; created_at: Date }[];
  parts: { visit_id: number; sku: string; qty: number }[];
  photos: { visit_id: number; mime: "image/png"; size: number; bytes: Buffer }[];
  cards: {
    code: string;
    visit_id: number;
    serial: string;
    valid_from: string;
    valid_until: string;
    pdf: null;
    rendered_at: null;
    notified_at: Date;
    created_at: Date;
  }[];
  replenishment: { visit_id: number; sku: string; qty: number; status: "open" | "done"; created_at: Date }[];
  events: { serial: string; at: Date; kind: "installed" | "visit"; actor: string; data: Record<string, unknown> }[];
}

const MAX_UNITS = 320;
const NOTES = [
  "零点漂移，更换芯片后校准",
  "密封圈老化渗漏，已更换",
  "接线端子松动氧化，更换并紧固",
  "显示异常，更换电路板",
  "例行巡检，更换易损件",
  "现场雷击后损坏，更换模块",
];
/** A real 1×1 PNG: the demo's visit photo. */
const PHOTO = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

/** Parts a model's repairs use: its BOM's purchased parts, two levels down (the first few most often). */
function sparesByModel(engineering: Engineering, items: Map<string, ItemRow>): Map<string, string[]> {
  const latest = new Map<string, number>();
  for (const v of engineering.bomVersions) if ((latest.get(v.sku) ?? -1) < v.id) latest.set(v.sku, v.id);
  const components = new Map<number, string[]>();
  for (const l of engineering.bomLines) components.set(l.bom_version_id, [...(components.get(l.bom_version_id) ?? []), l.component_sku]);
  const below = (sku: string) => components.get(latest.get(sku) ?? -1) ?? [];
  const out = new Map<string, string[]>();
  for (const [sku, item] of items) {
    if (item.kind !== "finished") continue;
    const parts = below(sku).flatMap((c) => [c, ...below(c)]);
    out.set(sku, [...new Set(parts.filter((p) => items.get(p)?.kind === "purchased"))].slice(0, 5));
  }
  return out;
}

export function generateInstalledBase(
  rng: Rng,
  input: { book: OrderBook; items: ItemRow[]; customers: CustomerRow[]; engineering: Engineering; now: Date },
): InstalledBase {
  const today = plantDay(input.now);
  const items = new Map(input.items.map((i) => [i.sku, i]));
  const region = new Map(input.customers.map((c) => [c.code, c.region]));
  const spares = sparesByModel(input.engineering, items);
  const linesOf = new Map<string, OrderBook["lines"]>();
  for (const l of input.book.lines) if (items.get(l.sku)?.serialised) linesOf.set(l.order_no, [...(linesOf.get(l.order_no) ?? []), l]);
  // Orders delivered across the whole history, so units are of every age and the older ones have visits.
  const delivered = rng.shuffle(input.book.orders.filter((o) => o.delivered_at && linesOf.has(o.order_no)));

  const base: InstalledBase = { equipment: [], visits: [], parts: [], photos: [], cards: [], replenishment: [], events: [] };
  for (const order of delivered) {
    const lines = linesOf.get(order.order_no) ?? [];
    const units = deliveredSerials(order.order_no, lines);
    if (base.equipment.length + units.length > MAX_UNITS) continue;
    const at = order.delivered_at as Date;
    const installedOn = plantDay(at);
    for (const u of units) {
      const until = warrantyUntil(installedOn, null);
      const actor = "warehouse";
      base.equipment.push({
        serial: u.serial,
        sku: u.sku,
        customer_code: order.customer_code,
        order_no: order.order_no,
        line_no: u.lineNo,
        site: region.get(order.customer_code) ?? "",
        installed_on: installedOn,
        warranty_until: until,
        source: "delivery",
        created_by: actor,
        created_at: at,
      });
      base.events.push({ serial: u.serial, at, kind: "installed", actor, data: { orderNo: order.order_no, warrantyUntil: until } });
      visitsOf(rng, base, u.serial, installedOn, today, spares.get(u.sku) ?? []);
    }
  }
  return base;
}

function visitsOf(rng: Rng, base: InstalledBase, serial: string, installedOn: string, today: string, spares: string[]) {
  if (!spares.length || !rng.chance(0.35)) return;
  const count = rng.chance(0.3) ? 2 : 1;
  let from = addDays(installedOn, 20);
  for (let n = 0; n < count && from < today; n++) {
    const span = Math.max(1, Math.round((Date.parse(today) - Date.parse(from)) / 86_400_000));
    const visitedOn = addDays(from, rng.int(0, span - 1));
    const at = plantInstant(visitedOn, rng.float(9, 17));
    const id = base.visits.length + 1;
    const notes = rng.pick(NOTES);
    base.visits.push({ id, serial, visited_on: visitedOn, engineer: "engineering", notes, created_at: at });
    // The first spares of a model wear most: they are drawn far more often.
    const used = rng.sample(spares, rng.chance(0.6) ? 1 : 2).map((sku) => ({ sku, qty: rng.weighted([1, 2], [4, 1]) }));
    const chosen = rng.chance(0.7) ? [{ sku: spares[0], qty: 1 }, ...used.filter((p) => p.sku !== spares[0])] : used;
    for (const p of chosen) base.parts.push({ visit_id: id, ...p });
    base.photos.push({ visit_id: id, mime: "image/png", size: PHOTO.length, bytes: PHOTO });
    const code = newVerificationCode(Uint8Array.from({ length: 10 }, () => rng.int(0, 255)));
    base.cards.push({
      code,
      visit_id: id,
      serial,
      valid_from: visitedOn,
      valid_until: addMonths(visitedOn, DEFAULT_PART_WARRANTY_MONTHS),
      pdf: null,
      rendered_at: null,
      notified_at: at,
      created_at: at,
    });
    const old = visitedOn < addDays(today, -14);
    for (const p of chosen) base.replenishment.push({ visit_id: id, sku: p.sku, qty: p.qty, status: old ? "done" : "open", created_at: at });
    base.events.push({ serial, at, kind: "visit", actor: "engineering", data: { visitId: id, visitedOn, parts: chosen, warrantyCode: code, notes } });
    from = addDays(visitedOn, 30);
  }
}
