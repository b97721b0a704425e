// Status-link tokens: `<link id>.<HMAC-SHA256 of the id and the link's nonce>`, base64url. The key is
// shared by every app instance through the database, so any instance verifies any instance's links,
// and the order page can show the link again without storing the token itself.
import { createHmac, timingSafeEqual } from "node:crypto";

const TOKEN = /^(\d{1,15})\.([A-Za-z0-9_-]{43})$/;

function signature(secret: Uint8Array, id: number, nonce: string): string {
  return createHmac("sha256", secret).update(`status-link:${id}:${nonce}`).digest("base64url");
}

export function signStatusToken(secret: Uint8Array, id: number, nonce: string): string {
  return `${id}.${signature(secret, id, nonce)}`;
}

/** The link id a token names, before its signature is checked (null when it is not even shaped like one). */
export function parseStatusToken(token: string): { id: number; signature: string } | null {
  const match = TOKEN.exec(token);
  if (!match) return null;
  const id = Number(match[1]);
  return Number.isSafeInteger(id) && id > 0 ? { id, signature: match[2] } : null;
}

export function verifyStatusToken(secret: Uint8Array, token: string, nonce: string): boolean {
  const parsed = parseStatusToken(token);
  if (!parsed) return false;
  const expected = Buffer.from(signature(secret, parsed.id, nonce));
  const given = Buffer.from(parsed.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export type LinkState = "active" | "revoked" | "expired";

export function linkState(link: { revoked_at: Date | null; expires_at: Date }, now: Date): LinkState {
  if (link.revoked_at) return "revoked";
  return link.expires_at.getTime() <= now.getTime() ? "expired" : "active";
}
