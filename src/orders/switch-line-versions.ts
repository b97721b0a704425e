// Use case: an engineering change switches an order line to new BOM / routing versions. Through the one
// door: the order's event says which versions it left and took and why (the ECN), the rules listening to
// "versions" run, the boards hear of it. In the caller's transaction (the ECN's release).
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../core/db/schema.js";
import { notFound } from "../core/errors.js";
import { applyOrderChange, lockOrder } from "./apply-order-change.js";
import { getOrderLines, setLineVersions } from "./store.js";

export interface LineVersionSwitch {
  orderNo: string;
  lineNo: number;
  /** The versions to take; undefined keeps the line's current one. */
  bomVersionId?: number;
  routingVersionId?: number;
  actor: string;
  /** Why, for the timeline: the change notice and what was decided. */
  data: Record<string, unknown>;
  reason: string;
}

export async function switchLineVersions(tx: Transaction<DB>, cacheKey: Kysely<DB>, change: LineVersionSwitch) {
  const row = await lockOrder(tx, change.orderNo);
  const line = (await getOrderLines(tx, change.orderNo)).find((l) => l.line_no === change.lineNo);
  if (!line) throw notFound("order.not_found", { orderNo: `${change.orderNo}/${change.lineNo}` }, "lineNo");
  const from = { bom: line.bom_version_id, routing: line.routing_version_id };
  const to = { bom: change.bomVersionId ?? from.bom, routing: change.routingVersionId ?? from.routing };
  await setLineVersions(tx, change.orderNo, change.lineNo, to);
  return applyOrderChange(tx, cacheKey, row, {
    actor: change.actor,
    columns: {},
    events: [{ kind: "changed", reason: change.reason, data: { versions: { line: change.lineNo, from, to }, ...change.data } }],
    trigger: { trigger: "order.changed", changedFields: ["versions"] },
  });
}
