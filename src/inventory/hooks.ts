// What inventory calls out to without knowing who listens: the app assembly (src/app.ts) plugs the
// rules engine in, so stock stays below the capabilities that react to it.
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../core/db/schema.js";

export interface InventoryHooks {
  /** Runs inside the sync's transaction (tx) after stock of these SKUs changed; db is for reads outside it. */
  stockChanged(tx: Transaction<DB>, db: Kysely<DB>, skus: string[]): Promise<unknown>;
  /** Runs inside the sync's transaction after the WMS sent purchase lines (a receipt closes the buyer's line). */
  purchaseLinesSynced?(tx: Transaction<DB>, lines: { ref: string; sku: string; status: "open" | "received" | "cancelled" }[]): Promise<unknown>;
}
