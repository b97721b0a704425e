// Use case: what an engineering change touches, computed now (orders confirmed since the notice was
// raised count too): the open order lines pinned to the versions it leaves and those of the items that
// use it (where-used), how far their work orders have gone, the stock and open purchases of the
// components it frees; each row with its suggestion and the decision taken on it, if any.
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../core/db/schema.js";
import { notFound } from "../core/errors.js";
import { whereUsed } from "../engineering/store.js";
import { type AffectedLine, computeImpact, type Effectivity, lineRef, type Stage, undecided } from "./model/impact.js";
import { affectedOrderLines, type EcnRow, ecnDecisions, ecnLines, getEcnRow, openPurchasesOf, stockOf, versionNumbers, workOrderProgress } from "./store.js";

type Db = Kysely<DB> | Transaction<DB>;

/** Per unit of the changed item, what the old version used that the new one no longer does. */
function freedComponents(lines: Awaited<ReturnType<typeof ecnLines>>) {
  const freed = new Map<string, number>();
  for (const l of lines) {
    if (l.kind === "component_removed") freed.set(l.ref, Number(l.from_value));
    if (l.kind === "quantity" && Number(l.to_value) < Number(l.from_value)) freed.set(l.ref, Number(l.from_value) - Number(l.to_value));
  }
  return freed;
}

export async function impactOf(db: Db, ecn: EcnRow) {
  const parents = [...new Set((await whereUsed(db, ecn.sku, 10)).map((r) => r.parent))];
  const { direct, via } = await affectedOrderLines(db, ecn.sku, ecn.from_bom_version_id, ecn.from_routing_version_id, parents);
  const lines = [...direct.map((l) => ({ ...l, via: null as string | null })), ...via.map((l) => ({ ...l, via: l.sku }))];
  const wos = await workOrderProgress(db, [...new Set(lines.map((l) => l.order_no))], ecn.sku);
  const woOf = new Map(wos.map((w) => [lineRef(w.order_no, w.line_no), w]));
  const changeLines = await ecnLines(db, ecn.ecn_no);
  const freed = freedComponents(changeLines);
  const [stock, purchases, decisions] = await Promise.all([
    stockOf(db, [...freed.keys()]),
    openPurchasesOf(db, [...freed.keys()]),
    ecnDecisions(db, ecn.ecn_no),
  ]);
  const affected: AffectedLine[] = lines.map((l) => {
    const wo = woOf.get(lineRef(l.order_no, l.line_no));
    const started = Number(wo?.started_through ?? 0);
    const stage: Stage = !wo ? "not_released" : wo.status === "done" ? "done" : started > 0 ? "in_progress" : "released";
    return {
      orderNo: l.order_no,
      lineNo: l.line_no,
      sku: l.sku,
      qty: l.qty,
      customer: l.customer_code,
      customerName: l.customer_name,
      status: l.status,
      due: l.promised_date ?? l.requested_date,
      via: l.via,
      workOrder: wo?.wo_no ?? null,
      stage,
      startedThrough: started,
    };
  });
  const rows = computeImpact({
    effectivity: ecn.effectivity as Effectivity,
    effectiveDate: ecn.effective_date,
    lines: affected,
    stock: stock.map((s) => ({ sku: s.sku, onHand: Number(s.on_hand) })),
    purchases: purchases.map((p) => ({ poRef: p.ref, sku: p.sku, qty: Number(p.qty), expectedDate: p.expected_date })),
    freedPerUnit: freed,
  });
  const pins = new Map(direct.map((l) => [lineRef(l.order_no, l.line_no), l]));
  const versions = await versionNumbers(
    db,
    direct.flatMap((l) => (l.bom_version_id ? [l.bom_version_id] : [])),
    direct.flatMap((l) => (l.routing_version_id ? [l.routing_version_id] : [])),
  );
  const decided = new Map(decisions.map((d) => [d.ref, d]));
  const people = new Set(decisions.flatMap((d) => [d.owner, d.decided_by]));
  const names = new Map(
    people.size
      ? (
          await db
            .selectFrom("users")
            .select(["username", "display_name"])
            .where("username", "in", [...people])
            .execute()
        ).map((u) => [u.username, u.display_name])
      : [],
  );
  return {
    rows: rows.map((r) => {
      const d = decided.get(r.ref);
      const pin = pins.get(r.ref);
      return {
        ...r,
        bomVersion: pin?.bom_version_id ? (versions.bom.get(pin.bom_version_id) ?? null) : null,
        routingVersion: pin?.routing_version_id ? (versions.routing.get(pin.routing_version_id) ?? null) : null,
        decision: d?.decision ?? null,
        owner: d?.owner ?? null,
        ownerName: d ? (names.get(d.owner) ?? d.owner) : null,
        decidedBy: d?.decided_by ?? null,
        decidedByName: d ? (names.get(d.decided_by) ?? d.decided_by) : null,
        decidedAt: d?.decided_at ? d.decided_at.toISOString() : null,
      };
    }),
    undecided: undecided(rows, new Set(decided.keys())),
  };
}

export async function getImpact(db: Kysely<DB>, ecnNo: string) {
  const ecn = await getEcnRow(db, ecnNo);
  if (!ecn) throw notFound("ecn.not_found", { ecnNo }, "ecnNo");
  if (ecn.status === "released" || ecn.status === "closed") return frozenImpact(ecn);
  return { ecnNo, status: ecn.status, ...(await impactOf(db, ecn)) };
}

/** After release the rows are what was decided then (the orders have moved on to the new versions). */
async function frozenImpact(ecn: EcnRow) {
  return { ecnNo: ecn.ecn_no, status: ecn.status, rows: (ecn.released_impact ?? []) as ImpactView["rows"], undecided: [] as string[] };
}
export type ImpactView = Awaited<ReturnType<typeof impactOf>>;
