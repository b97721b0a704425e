// Use case: a customer opens a status link. A valid, active link shows its own order and nothing else;
// anything else gets the same refusal page, which names no order (404 unknown or tampered, 410 gone).
import { type Kysely, sql } from "kysely";
import type { DB } from "../core/db/schema.js";
import type { Lang } from "../core/i18n.js";
import { plantDay } from "../core/plant-day.js";
import { renderRefusalPage, renderStatusPage } from "./model/status-page.js";
import { linkState, parseStatusToken, verifyStatusToken } from "./model/status-token.js";
import { sharedSecret } from "./shared-secret.js";
import { STATUS_LINK_SECRET, statusLinkPath } from "./status-links.js";

export async function openStatusPage(db: Kysely<DB>, token: string, lang: Lang): Promise<{ status: number; html: string }> {
  const parsed = parseStatusToken(token);
  const link = parsed ? await db.selectFrom("status_links").selectAll().where("id", "=", parsed.id).executeTakeFirst() : undefined;
  if (!link || !verifyStatusToken(await sharedSecret(db, STATUS_LINK_SECRET), token, link.nonce)) {
    return { status: 404, html: renderRefusalPage("invalid", lang) };
  }
  const now = new Date();
  if (linkState(link, now) !== "active") return { status: 410, html: renderRefusalPage("gone", lang) };

  const order = await db.selectFrom("orders").selectAll().where("order_no", "=", link.order_no).executeTakeFirstOrThrow();
  const [lines, shipments] = await Promise.all([
    db
      .selectFrom("order_lines")
      .innerJoin("items", "items.sku", "order_lines.sku")
      .select(["items.name", "order_lines.qty"])
      .where("order_no", "=", order.order_no)
      .orderBy("line_no")
      .execute(),
    db.selectFrom("shipments").selectAll().where("order_no", "=", order.order_no).orderBy("shipped_at").execute(),
  ]);
  await db.updateTable("status_links").set({ opens: sql`opens + 1`, last_opened_at: now }).where("id", "=", link.id).execute();
  const html = renderStatusPage(
    {
      orderNo: order.order_no,
      status: order.status,
      requestedDate: order.requested_date,
      promisedDate: order.promised_date,
      deliveredOn: order.delivered_at ? plantDay(order.delivered_at) : null,
      lines: lines.map((l) => ({ name: l.name, qty: l.qty })),
      shipments: shipments.map((s) => ({ carrier: s.carrier, trackingNo: s.tracking_no, shippedOn: plantDay(s.shipped_at) })),
      updatedAt: `${new Date(order.updated_at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace("T", " ")} (UTC+8)`,
    },
    lang,
    statusLinkPath(token),
  );
  return { status: 200, html };
}
