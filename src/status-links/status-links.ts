// Use cases of customer status links: create (one active link per order), revoke, and the active
// link shown on the order page. The token is never stored: it is re-signed from the link's row.
import { randomBytes } from "node:crypto";
import { type Kysely, sql, type Transaction } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import { insertUnnestTogether, type TogetherWrite, unnestPart } from "../core/db/insert-unnest.js";
import type { DB } from "../core/db/schema.js";
import { notFound } from "../core/errors.js";
import { publishChange } from "../events/publish-change.js";
import { signStatusToken } from "./model/status-token.js";
import { sharedSecret } from "./shared-secret.js";

export const STATUS_LINK_SECRET = "status_link";
export const DEFAULT_LINK_DAYS = 30;

type Db = Kysely<DB> | Transaction<DB>;

export const statusLinkPath = (token: string) => `/s/${token}`;

/**
 * A new link for each order, revoking the order's earlier links, as one statement's insert part and
 * update (see `runTogether`): the part returns the new ids.
 */
export function statusLinkParts(links: { orderNo: string; expiresAt: Date; actor: string }[]) {
  const part = unnestPart({
    table: "status_links",
    columns: { order_no: "text", nonce: "text", expires_at: "timestamptz", created_by: "text" },
    rows: links.map((l) => ({ order_no: l.orderNo, nonce: randomBytes(16).toString("base64url"), expires_at: l.expiresAt, created_by: l.actor })),
    returningId: true,
  });
  const orderNos = links.map((l) => l.orderNo);
  const revoke: TogetherWrite = sql`update status_links set revoked_at = now(), revoked_by = ${links[0]?.actor ?? null}
      where order_no = any(${orderNos}::text[]) and revoked_at is null`;
  return { part, writes: links.length ? [revoke] : [] };
}

/** Inserts a new link for each order, revoking the order's earlier links; returns the new ids. */
export async function insertStatusLinks(tx: Transaction<DB>, links: { orderNo: string; expiresAt: Date; actor: string }[]): Promise<number[]> {
  if (!links.length) return [];
  const { part, writes } = statusLinkParts(links);
  const [ids] = await insertUnnestTogether(tx, [part], [], writes);
  return ids;
}

export async function linkToken(db: Db, link: { id: number; nonce: string }): Promise<string> {
  return signStatusToken(await sharedSecret(db, STATUS_LINK_SECRET), link.id, link.nonce);
}

export async function createStatusLink(db: Kysely<DB>, principal: Principal, orderNo: string, expiresInDays: number, baseUrl: string) {
  const id = await db.transaction().execute(async (tx) => {
    const order = await tx
      .selectFrom("orders")
      .select(["order_no", "customer_code", "status"])
      .where("order_no", "=", orderNo)
      .forNoKeyUpdate()
      .executeTakeFirst();
    if (!order) throw notFound("order.not_found", { orderNo }, "orderNo");
    const [linkId] = await insertStatusLinks(tx, [{ orderNo, expiresAt: new Date(Date.now() + expiresInDays * 86_400_000), actor: principal.name }]);
    // Open drawers of the order show the new link (and stop showing the one it replaces).
    await publishChange(tx, { kind: "order", action: "status_link", orderNo, customer: order.customer_code, status: order.status });
    return linkId;
  });
  const link = await db.selectFrom("status_links").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  return describeLink(db, link, baseUrl);
}

export async function revokeStatusLinks(db: Kysely<DB>, principal: Principal, orderNo: string): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const order = await tx.selectFrom("orders").select(["order_no", "customer_code", "status"]).where("order_no", "=", orderNo).executeTakeFirst();
    if (!order) throw notFound("order.not_found", { orderNo }, "orderNo");
    const result = await tx
      .updateTable("status_links")
      .set({ revoked_at: new Date(), revoked_by: principal.name })
      .where("order_no", "=", orderNo)
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    await publishChange(tx, { kind: "order", action: "status_link", orderNo, customer: order.customer_code, status: order.status });
    return Number(result.numUpdatedRows);
  });
}

/** The order's link that still opens, or null. */
export async function activeStatusLink(db: Kysely<DB>, orderNo: string, baseUrl: string) {
  const link = await db
    .selectFrom("status_links")
    .selectAll()
    .where("order_no", "=", orderNo)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", new Date())
    .orderBy("id", "desc")
    .executeTakeFirst();
  return link ? describeLink(db, link, baseUrl) : null;
}

async function describeLink(db: Db, link: StatusLinkRow, baseUrl: string) {
  const token = await linkToken(db, link);
  return {
    id: link.id,
    url: `${baseUrl}${statusLinkPath(token)}`,
    expiresAt: link.expires_at.toISOString(),
    createdAt: link.created_at.toISOString(),
    createdBy: link.created_by,
    opens: link.opens,
  };
}

interface StatusLinkRow {
  id: number;
  nonce: string;
  expires_at: Date;
  created_at: Date;
  created_by: string;
  opens: number;
}
