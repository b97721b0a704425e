// Use case: a quote as sales sees it — every version with its lines, costs, promise, approval and what
// became of it, people by name and BOM/routing versions by number; and the difference between two versions.
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import { notFound } from "../core/errors.js";
import { plantDay } from "../core/plant-day.js";
import { versionNumbers } from "../engineering/costing-master.js";
import { findHold, holdView } from "../planning/promise-holds.js";
import { type DiffVersion, diffVersions } from "./model/diff.js";
import { versionStatus } from "./model/quote.js";
import { getLines, getQuoteRow, getVersions } from "./store.js";

async function displayNames(db: Kysely<DB>, usernames: (string | null)[]) {
  const wanted = [...new Set(usernames.filter((u): u is string => !!u))];
  if (!wanted.length) return new Map<string, string>();
  const rows = await db.selectFrom("users").select(["username", "display_name"]).where("username", "in", wanted).execute();
  return new Map(rows.map((r) => [r.username, r.display_name]));
}

export async function getQuote(db: Kysely<DB>, quoteNo: string) {
  const quote = await getQuoteRow(db, quoteNo);
  if (!quote) throw notFound("quote.not_found", { quoteNo }, "quoteNo");
  const versions = await getVersions(db, quoteNo);
  const lines = await getLines(db, quoteNo);
  const customer = await db.selectFrom("customers").select(["name", "grade"]).where("code", "=", quote.customer_code).executeTakeFirst();
  const skus = [...new Set(lines.map((l) => l.sku))];
  const items = skus.length ? await db.selectFrom("items").select(["sku", "name", "uom"]).where("sku", "in", skus).execute() : [];
  const itemBySku = new Map(items.map((i) => [i.sku, i]));
  const boms = await versionNumbers(
    db,
    "bom_versions",
    lines.map((l) => l.bom_version_id).filter((n): n is number => n !== null),
  );
  const routings = await versionNumbers(
    db,
    "routing_versions",
    lines.map((l) => l.routing_version_id).filter((n): n is number => n !== null),
  );
  const names = await displayNames(db, [quote.created_by, ...versions.flatMap((v) => [v.created_by, v.sent_by, v.approved_by])]);
  const name = (u: string | null) => (u ? (names.get(u) ?? u) : null);
  const today = plantDay(new Date());
  const holds = new Map<number, ReturnType<typeof holdView>>();
  for (const v of versions) {
    const row = v.promise_hold_id === null ? undefined : await findHold(db, Number(v.promise_hold_id));
    if (row) holds.set(v.version, holdView(row));
  }
  return {
    quoteNo: quote.quote_no,
    customer: quote.customer_code,
    customerName: customer?.name ?? quote.customer_code,
    customerGrade: customer?.grade ?? "",
    title: quote.title,
    status: quote.status,
    lostReason: quote.lost_reason,
    lostNote: quote.lost_note,
    wonVersion: quote.won_version,
    orderNo: quote.order_no,
    createdBy: name(quote.created_by) ?? "",
    createdAt: quote.created_at.toISOString(),
    updatedAt: quote.updated_at.toISOString(),
    versions: versions.map((v) => ({
      version: v.version,
      label: `V${v.version}`,
      status: versionStatus(v.status, v.valid_until, today),
      requestedDate: v.requested_date,
      validUntil: v.valid_until,
      costTotal: v.cost_total,
      priceTotal: v.price_total,
      marginPct: Number(v.margin_pct),
      marginFloorPct: Number(v.margin_floor_pct),
      belowMargin: Number(v.margin_pct) < Number(v.margin_floor_pct),
      promise: { date: v.promise_date, validUntil: v.promise_valid_until, note: v.promise_note },
      hold: heldView(holds.get(v.version)),
      approval: { state: v.approval, taskId: v.approval_task_id, approvedBy: name(v.approved_by), approvedAt: v.approved_at?.toISOString() ?? null },
      note: v.note,
      createdBy: name(v.created_by) ?? "",
      createdAt: v.created_at.toISOString(),
      sentBy: name(v.sent_by),
      sentAt: v.sent_at?.toISOString() ?? null,
      conversion: v.conversion as Record<string, unknown> | null,
      lines: lines
        .filter((l) => l.version === v.version)
        .map((l) => ({
          lineNo: l.line_no,
          sku: l.sku,
          itemName: itemBySku.get(l.sku)?.name ?? l.sku,
          uom: itemBySku.get(l.sku)?.uom ?? "",
          params: l.params,
          qty: l.qty,
          bomVersionId: l.bom_version_id,
          routingVersionId: l.routing_version_id,
          bomVersion: l.bom_version_id === null ? null : (boms.get(l.bom_version_id) ?? null),
          routingVersion: l.routing_version_id === null ? null : (routings.get(l.routing_version_id) ?? null),
          materialCost: l.material_cost,
          labourCost: l.labour_cost,
          outsourcingCost: l.outsourcing_cost,
          unitCost: l.unit_cost,
          unitPrice: l.unit_price,
          amount: l.amount,
        })),
    })),
  };
}

/** The promise hold a sent version keeps, as sales sees it: the date, until when, and what became of it. */
function heldView(hold: ReturnType<typeof holdView> | undefined) {
  return hold ? { heldDate: hold.heldDate, expiresAt: hold.expiresAt, status: hold.status, orderNo: hold.orderNo } : null;
}

export type QuoteView = Awaited<ReturnType<typeof getQuote>>;

const asDiff = (v: QuoteView["versions"][number]): DiffVersion => ({
  version: v.version,
  validUntil: v.validUntil,
  requestedDate: v.requestedDate,
  promiseDate: v.promise.date,
  priceTotal: v.priceTotal,
  costTotal: v.costTotal,
  marginPct: v.marginPct,
  note: v.note,
  lines: v.lines.map((l) => ({
    sku: l.sku,
    params: l.params,
    qty: l.qty,
    unitPrice: l.unitPrice,
    unitCost: l.unitCost,
    bomVersion: l.bomVersion,
    routingVersion: l.routingVersion,
  })),
});

export async function diffQuoteVersions(db: Kysely<DB>, quoteNo: string, from: number, to: number) {
  const quote = await getQuote(db, quoteNo);
  const a = quote.versions.find((v) => v.version === from);
  if (!a) throw notFound("quote.version_not_found", { quoteNo, version: from }, "from");
  const b = quote.versions.find((v) => v.version === to);
  if (!b) throw notFound("quote.version_not_found", { quoteNo, version: to }, "to");
  return diffVersions(asDiff(a), asDiff(b));
}
