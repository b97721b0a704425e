// Use case: take a WMS batch of stock balances and in-transit lines; all or nothing unless the caller
// asks for partial mode, and a retried batch id applies nothing twice.
import { createHash } from "node:crypto";
import { type Kysely, sql } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { isUniqueViolation } from "../core/db/unique-violation.js";
import { AppError } from "../core/errors.js";
import type { Lang } from "../core/i18n.js";
import { reasonMessage } from "../core/row-reasons.js";
import type { InventoryHooks } from "./hooks.js";
import { checkBatch, type SyncBatch } from "./model/sync-lines.js";

export interface SyncResult {
  batchId: string;
  partial: boolean;
  applied: { balances: number; inTransit: number };
  rejected: { line: string; field: string; reason: string; message: string }[];
  replayed: boolean;
}

export async function syncInventory(
  db: Kysely<DB>,
  principal: Principal,
  batch: SyncBatch,
  options: { partial: boolean; lang: Lang; hooks: InventoryHooks },
): Promise<SyncResult> {
  const hash = createHash("sha256")
    .update(JSON.stringify([batch.balances, batch.inTransit, options.partial]))
    .digest("hex");
  const replay = async () => {
    const prior = await db.selectFrom("inventory_sync_batches").selectAll().where("batch_id", "=", batch.batchId).executeTakeFirst();
    if (!prior) return undefined;
    if (prior.request_hash !== hash) throw new AppError("conflict", "sync.batch_mismatch", { batchId: batch.batchId }, "batchId");
    return { ...(prior.result as unknown as SyncResult), replayed: true };
  };
  const prior = await replay();
  if (prior) return prior;
  try {
    return await db.transaction().execute(async (tx) => {
      const skus = [...new Set([...batch.balances, ...batch.inTransit].map((l) => l.sku))];
      const locations = [...new Set([...batch.balances, ...batch.inTransit].map((l) => l.location))];
      const items = await tx.selectFrom("items").select("sku").where("sku", "in", skus).execute();
      const locs = await tx.selectFrom("locations").select("code").where("code", "in", locations).execute();
      // Lock the balances in a fixed order (as reservations do) so a concurrent reservation waits.
      const balances = batch.balances.length
        ? await sql<{ sku: string; location: string; reserved: string }>`
            select sku, location, reserved::text as reserved from inventory_balances
            where (sku, location) in (select * from unnest(${batch.balances.map((b) => b.sku)}::text[], ${batch.balances.map((b) => b.location)}::text[]))
            order by sku, location for no key update`.execute(tx)
        : { rows: [] };
      const rejected = checkBatch(batch, {
        skus: new Set(items.map((i) => i.sku)),
        locations: new Set(locs.map((l) => l.code)),
        reserved: new Map(balances.rows.map((b) => [`${b.sku}|${b.location}`, b.reserved])),
      });
      const messages = rejected.map((r) => ({ line: r.line, field: r.field, reason: r.reason, message: reasonMessage(options.lang, r.reason, r.detail) }));
      if (rejected.length && !options.partial) {
        throw new AppError("business_rule", "sync.rejected", { count: rejected.length }, rejected[0].field, { rejected: messages });
      }
      const bad = new Set(rejected.map((r) => r.line));
      const okBalances = batch.balances.filter((_, i) => !bad.has(`balances[${i}]`));
      const okTransit = batch.inTransit.filter((_, i) => !bad.has(`inTransit[${i}]`));
      if (okBalances.length) {
        await sql`
          insert into inventory_balances (sku, location, on_hand, updated_at)
          select sku, location, on_hand, now() from unnest(${okBalances.map((b) => b.sku)}::text[], ${okBalances.map((b) => b.location)}::text[],
            ${okBalances.map((b) => b.onHand)}::numeric[]) as u(sku, location, on_hand)
          on conflict (sku, location) do update set on_hand = excluded.on_hand, updated_at = now()`.execute(tx);
      }
      if (okTransit.length) {
        await sql`
          insert into supply_lines (kind, ref, sku, location, qty, expected_date, status)
          select * from unnest(${okTransit.map((t) => t.kind)}::text[], ${okTransit.map((t) => t.ref)}::text[], ${okTransit.map((t) => t.sku)}::text[],
            ${okTransit.map((t) => t.location)}::text[], ${okTransit.map((t) => t.qty)}::numeric[], ${okTransit.map((t) => t.expectedDate)}::date[],
            ${okTransit.map((t) => t.status)}::text[])
          on conflict (kind, ref, sku) do update
            set location = excluded.location, qty = excluded.qty, expected_date = excluded.expected_date, status = excluded.status, updated_at = now()`.execute(
          tx,
        );
      }
      const purchases = okTransit.filter((t) => t.kind === "purchase");
      if (purchases.length) await options.hooks.purchaseLinesSynced?.(tx, purchases);
      // Stock moved: the inventory.changed rules look again at the open orders that need these items.
      await options.hooks.stockChanged(tx, db, [...new Set([...okBalances, ...okTransit].map((l) => l.sku))]);
      const result: SyncResult = {
        batchId: batch.batchId,
        partial: options.partial,
        applied: { balances: okBalances.length, inTransit: okTransit.length },
        rejected: messages,
        replayed: false,
      };
      await tx
        .insertInto("inventory_sync_batches")
        .values({ batch_id: batch.batchId, request_hash: hash, result: JSON.stringify(result), created_by: principal.name })
        .execute();
      return result;
    });
  } catch (error) {
    // Another instance took the same batch at the same moment: answer with its result.
    if (isUniqueViolation(error, "inventory_sync_batches")) {
      const again = await replay();
      if (again) return again;
    }
    throw error;
  }
}
