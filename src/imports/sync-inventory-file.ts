// Use case: the WMS sync from a spreadsheet or CSV export (sku, location, on hand): the file's rows are
// cleaned like an import, then applied as one sync batch with the same all-or-nothing rule.
import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { AppError } from "../core/errors.js";
import type { Lang } from "../core/i18n.js";
import { reasonMessage } from "../core/row-reasons.js";
import type { InventoryHooks } from "../inventory/hooks.js";
import { type SyncResult, syncInventory } from "../inventory/sync-inventory.js";
import { analyseSheet } from "./model/analyse-sheet.js";
import type { StockRow } from "./model/master-rows.js";
import { readUploadOffThread } from "./read/read-off-thread.js";

export async function syncInventoryFile(
  db: Kysely<DB>,
  principal: Principal,
  file: { buffer: Buffer; name: string },
  options: { batchId?: string; sheet?: string; partial: boolean; lang: Lang; hooks: InventoryHooks },
): Promise<SyncResult & { rows: { line: string; row: number }[] }> {
  const data = await readUploadOffThread(file.buffer, file.name, options.sheet);
  const analysis = analyseSheet(data, { kind: "inventory" });
  const fileErrors = analysis.issues.map((i) => ({
    line: `row ${i.row}`,
    field: i.field,
    reason: i.reason,
    message: `第 ${i.row} 行 ${i.column}: ${reasonMessage(options.lang, i.reason, i.detail)}`,
  }));
  if (fileErrors.length && !options.partial) {
    throw new AppError("business_rule", "sync.rejected", { count: fileErrors.length }, fileErrors[0].field, { rejected: fileErrors });
  }
  const rows = analysis.valid as StockRow[];
  const batchId = options.batchId ?? `file:${createHash("sha256").update(file.buffer).digest("hex")}`;
  const balances = rows.map((r) => ({ sku: r.sku, location: r.location, onHand: r.onHand }));
  const lineRows = rows.map((r, i) => ({ line: `balances[${i}]`, row: r.row }));
  if (!balances.length) return { batchId, partial: options.partial, applied: { balances: 0, inTransit: 0 }, rejected: fileErrors, replayed: false, rows: [] };
  try {
    const result = await syncInventory(db, principal, { batchId, balances, inTransit: [] }, options);
    return { ...result, rejected: [...fileErrors, ...result.rejected], rows: lineRows };
  } catch (error) {
    // Name the spreadsheet rows behind refused lines, so the user can find them.
    if (error instanceof AppError && error.details?.rejected) {
      const rejected = (error.details.rejected as { line: string }[]).map((r) => ({ ...r, row: lineRows.find((l) => l.line === r.line)?.row }));
      throw new AppError(error.code, error.messageKey, error.params, error.field, { rejected: [...fileErrors, ...rejected] });
    }
    throw error;
  }
}
