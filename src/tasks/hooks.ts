// What closing a task calls out to without knowing who listens: the orders capability settles the blocks
// that waited on the task. The app assembly (src/app.ts) plugs it in, so tasks stay below orders (orders
// open review tasks and read them; tasks never import orders).
import type { Kysely, Transaction } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";

export type BlockSettlement = { kind: "clear" } | { kind: "keep"; reason: string } | { kind: "wait_on"; taskId: number; reason: string };

export interface TaskDecision {
  taskId: number;
  outcome: "done" | "approve" | "reject" | "needs_input";
  note: string | null;
  settlement: BlockSettlement;
}

export interface TaskHooks {
  /** In the task's transaction: what the decision means for what waited on the task; answers the order numbers touched. */
  decided(tx: Transaction<DB>, cacheKey: Kysely<DB>, principal: Principal, decision: TaskDecision): Promise<string[]>;
}
