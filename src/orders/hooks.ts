// What the orders capability calls out to without knowing who answers. The capabilities above orders
// (equipment, ...) depend on it; the app assembly (src/app.ts) plugs them in here, so orders stays
// below them and the graph has no cycle.
import type { Transaction } from "kysely";
import type { DB } from "../core/db/schema.js";

export interface OrderHooks {
  /** In the delivery's transaction: the delivered order's serialised units join the installed base. */
  delivered(tx: Transaction<DB>, orderNo: string, actor: string, at: Date): Promise<unknown>;
}

const notPlugged = (name: keyof OrderHooks) => () => {
  // A programming error, not a business refusal: an entry point that skipped src/app.ts.
  throw new Error(`orders hook "${name}" is not plugged in (import src/app.ts)`);
};

const hooks: OrderHooks = { delivered: notPlugged("delivered") };

/** Called once by the app assembly. */
export function plugOrderHooks(plugged: OrderHooks): void {
  Object.assign(hooks, plugged);
}

export const orderHooks: Readonly<OrderHooks> = hooks;
