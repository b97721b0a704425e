// What planning calls out to without knowing who answers: the app assembly (src/app.ts) plugs the shop
// floor in, so planning stays below production (which reads the plan) and the graph has no cycle.
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";

export interface PlanningHooks {
  /**
   * Before a re-plan, and on every tick of the background re-planner: the shop floor releases the orders
   * the planner has scheduled (work orders with the current plan's times), so the new plan starts from
   * them. Idempotent.
   */
  beforeReplan(db: Kysely<DB>): Promise<unknown>;
}
