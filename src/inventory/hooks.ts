// What inventory calls out to without knowing who listens: the app assembly (src/app.ts) plugs the
// rules engine in, so stock stays below the capabilities that react to it.
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../core/db/schema.js";

export interface InventoryHooks {
  /** Runs inside the sync's transaction (tx) after stock of these SKUs changed; db is for reads outside it. */
  stockChanged(tx: Transaction<DB>, db: Kysely<DB>, skus: string[]): Promise<unknown>;
}
