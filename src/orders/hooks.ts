// What the orders capability calls out to without knowing who answers. The capabilities above orders
// (rules, equipment, ...) depend on it; the app assembly (src/app.ts) plugs them in here, so orders stays
// below them and the graph has no cycle.
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../core/db/schema.js";
import type { OrderRow } from "./store.js";

/** A change to a stored order that rules may listen to: an edit (which fields) or a transition (from, to). */
export interface OrderRuleEvent {
  trigger: "order.changed" | "order.transition";
  changedFields?: string[];
  from?: string | null;
  to?: string | null;
}

export interface OrderHooks {
  /** In the delivery's transaction: the delivered order's serialised units join the installed base. */
  delivered(tx: Transaction<DB>, orderNo: string, actor: string, at: Date): Promise<unknown>;
  /**
   * In the change's transaction, once the change is written: the rules listening to it judge the order
   * (locked, at its new version) and what they decide is written. Answers the order's row as it then stands.
   * `cacheKey`: the pool-level Kysely instance (compiled rules are cached per instance).
   */
  changed(tx: Transaction<DB>, cacheKey: Kysely<DB>, row: OrderRow, event: OrderRuleEvent, at: Date): Promise<OrderRow>;
  /**
   * The customer's credit exposure as finance keeps it (without `excludeOrderNo`), shown beside hold and
   * release. Undefined when no ledger answers: the drawer then falls back to the typed receivables.
   */
  creditExposure(db: Kysely<DB>, customer: string, excludeOrderNo: string): Promise<CreditExposureView | undefined>;
}

export interface CreditExposureView {
  /** The credit limit with finance's unexpired overrides. */
  limit: string;
  receivables: string;
  unbilled: string;
  openOrders: string;
  exposure: string;
}

const notPlugged = (name: keyof OrderHooks) => () => {
  // A programming error, not a business refusal: an entry point that skipped src/app.ts.
  throw new Error(`orders hook "${name}" is not plugged in (import src/app.ts)`);
};

const hooks: OrderHooks = { delivered: notPlugged("delivered"), changed: notPlugged("changed"), creditExposure: async () => undefined };

/** Called once by the app assembly. */
export function plugOrderHooks(plugged: OrderHooks): void {
  Object.assign(hooks, plugged);
}

export const orderHooks: Readonly<OrderHooks> = hooks;
