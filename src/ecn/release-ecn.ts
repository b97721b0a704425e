// Use case: an approved change notice goes live. Refused (422 naming them) while any affected row has
// no decision. In one transaction: the new versions are released from the effective date; each decision
// is carried out and is an event on its order (a switch re-pins the line through the orders capability
// and replaces only the unstarted operations of a released work order); the ecn.released rules run on
// the orders touched. Then the plan is recomputed, so switched orders are re-promised (a later plan
// date turns the promise "at risk" for sales to re-confirm) and purchasing sees the changed needs.
import type { Kysely } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { AppError, refused } from "../core/errors.js";
import { releaseVersionIn } from "../engineering/release-version.js";
import { getVersionById } from "../engineering/store.js";
import { publishChange } from "../events/publish-change.js";
import { logOrderChange } from "../orders/log-order-change.js";
import { switchLineVersions } from "../orders/switch-line-versions.js";
import { replan } from "../planning/replan.js";
import { switchWorkOrderRouting } from "../production/switch-work-order-routing.js";
import { fireEcnReleased } from "../rules/fire-ecn-released.js";
import { findEcn } from "./find-ecn.js";
import { impactOf } from "./get-impact.js";
import { markDecisionsApplied, updateEcn } from "./store.js";

const SHOWN_REFS = 20;

export async function releaseEcn(db: Kysely<DB>, principal: Principal, ecnNo: string) {
  const actor = principal.name;
  const outcome = await db.transaction().execute(async (tx) => {
    const ecn = await findEcn(tx, ecnNo, true);
    if (ecn.status !== "approved") throw refused("ecn.bad_status", { ecnNo, status: ecn.status, action: "release" }, "status");
    const impact = await impactOf(tx, ecn);
    if (impact.undecided.length) {
      const refs = impact.undecided;
      throw new AppError(
        "business_rule",
        "ecn.undecided",
        { count: refs.length, refs: refs.slice(0, SHOWN_REFS).join(", ") + (refs.length > SHOWN_REFS ? " …" : "") },
        "rows",
        { undecided: refs },
      );
    }
    for (const [table, id] of [
      ["bom_versions", ecn.to_bom_version_id],
      ["routing_versions", ecn.to_routing_version_id],
    ] as const) {
      if (id === null) continue;
      const header = await getVersionById(tx, table, id);
      if (header?.status === "draft") await releaseVersionIn(tx, table, ecn.sku, header.version, actor, ecn.effective_date);
    }
    const touched = new Map<string, string[]>();
    const switched: string[] = [];
    const workOrders: Awaited<ReturnType<typeof switchWorkOrderRouting>>[] = [];
    for (const row of impact.rows) {
      if (row.kind !== "order_line" || !row.decision) continue;
      const why = { ecn: { no: ecnNo, decision: row.decision, owner: row.owner, line: row.lineNo } };
      touched.set(row.orderNo, [...(touched.get(row.orderNo) ?? []), row.decision]);
      if (row.decision === "switch" && row.via === null) {
        await switchLineVersions(tx, db, {
          orderNo: row.orderNo,
          lineNo: row.lineNo,
          bomVersionId: ecn.to_bom_version_id ?? undefined,
          routingVersionId: ecn.to_routing_version_id ?? undefined,
          actor,
          reason: `${ecnNo}: switch`,
          data: why,
        });
      } else {
        await logOrderChange(tx, db, row.orderNo, { actor, field: "ecn", data: why.ecn, reason: `${ecnNo}: ${row.decision}` });
      }
      if (row.decision === "switch") {
        switched.push(row.ref);
        if (row.workOrder && ecn.to_routing_version_id !== null && row.stage !== "done") {
          workOrders.push(await switchWorkOrderRouting(tx, row.workOrder, ecn.to_routing_version_id, actor, ecnNo));
        }
      }
    }
    const at = new Date();
    await updateEcn(tx, ecnNo, { status: "released", released_by: actor, released_at: at, released_impact: JSON.stringify(impact.rows) });
    await markDecisionsApplied(tx, ecnNo, at);
    await fireEcnReleased(tx, db, ecnNo, touched, at);
    await publishChange(tx, { kind: "master", entity: "ecn", key: ecnNo });
    return { switched, workOrders, orders: [...touched.keys()] };
  });
  const plan = outcome.orders.length ? await replan(db, actor, "change") : null;
  const promises = outcome.orders.length
    ? await db
        .selectFrom("orders")
        .select(["order_no", "promised_date", "promise_state", "promise_note"])
        .where("order_no", "in", outcome.orders)
        .orderBy("order_no")
        .execute()
    : [];
  return {
    ecnNo,
    status: "released" as const,
    switched: outcome.switched,
    workOrders: outcome.workOrders,
    planRun: plan?.runId ?? null,
    orders: promises.map((o) => ({
      orderNo: o.order_no,
      promisedDate: o.promised_date,
      promiseState: o.promise_state,
      plannedDate: (o.promise_note as { plannedDate?: string | null } | null)?.plannedDate ?? null,
    })),
  };
}
