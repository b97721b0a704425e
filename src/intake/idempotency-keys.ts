// Where a retry-safety key is stored: scoped by kind (one order, a batch's order) and by who sent it, so
// one caller's key can never name another caller's order, and a single order's key can never look like a
// batch's. Keys and batch ids have a declared alphabet without `#`, the separator; the caller's name comes
// between the kind and the key, so each stored key reads back one way only (split from the right).
import { z } from "zod";
import type { Principal } from "../core/auth/principal.js";

/** What an Idempotency-Key or a batchId may hold: letters, digits and `._~:/+=@-` (UUIDs, ULIDs, PO numbers). */
export const KEY_ALPHABET = /^[A-Za-z0-9._~:/+=@-]+$/;
const ALPHABET_HINT = "letters, digits and . _ ~ : / + = @ -";

export const idempotencyKeyHeader = z.string().min(8).max(100).regex(KEY_ALPHABET, ALPHABET_HINT);
export const batchIdField = z.string().min(1).max(100).regex(KEY_ALPHABET, ALPHABET_HINT);

export function orderKey(principal: Principal, key: string): string {
  return `order#${principal.name}#${key}`;
}

export function bulkBatchKey(principal: Principal, batchId: string): string {
  return `bulk#${principal.name}#${batchId}`;
}

export function bulkOrderKey(principal: Principal, batchId: string, index: number): string {
  return `${bulkBatchKey(principal, batchId)}#${index}`;
}

/** The index in its batch of a stored bulk key, or undefined when the key is not one of that batch's. */
export function bulkOrderIndex(stored: string, principal: Principal, batchId: string, size: number): number | undefined {
  const prefix = `${bulkBatchKey(principal, batchId)}#`;
  if (!stored.startsWith(prefix)) return undefined;
  const rest = stored.slice(prefix.length);
  if (!/^\d{1,6}$/.test(rest)) return undefined;
  const index = Number(rest);
  return index < size ? index : undefined;
}
