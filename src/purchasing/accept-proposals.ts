// Use case: purchasing accepts proposals: one purchase order per supplier, a line per proposal, pegged to
// the customer order it is for; requests a promise raised are fulfilled by these lines. Accepting the
// same proposal twice creates nothing new (its key is on the line it became; accepts take turns).
import { type Kysely, sql } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { AppError } from "../core/errors.js";
import { plantDay } from "../core/plant-day.js";
import { insertPurchaseOrder, type LineOrigin } from "./create-purchase-order.js";
import { computeProposals } from "./list-proposals.js";
import type { ProposalLine } from "./model/proposals.js";

export async function acceptProposals(db: Kysely<DB>, principal: Principal, input: { keys: string[]; location?: string }) {
  const today = plantDay(new Date());
  return db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(hashtext('lvyue.purchasing.accept'))`.execute(tx);
    const location = input.location ?? (await tx.selectFrom("locations").select("code").orderBy("code").executeTakeFirst())?.code ?? "";
    const { groups } = await computeProposals(tx, today);
    const byKey = new Map<string, ProposalLine>(groups.flatMap((g) => g.lines.map((l) => [l.key, l] as const)));
    const keys = [...new Set(input.keys)];
    const ordered = new Set(
      (await tx.selectFrom("purchase_order_lines").select("proposal_key").where("proposal_key", "in", keys).where("state", "!=", "cancelled").execute()).map(
        (r) => r.proposal_key!,
      ),
    );
    const alreadyOrdered: string[] = [];
    const chosen: ProposalLine[] = [];
    for (const [i, key] of input.keys.entries()) {
      if (ordered.has(key)) {
        if (!alreadyOrdered.includes(key)) alreadyOrdered.push(key);
        continue;
      }
      const line = byKey.get(key);
      if (!line) throw new AppError("business_rule", "purchase.proposal_unknown", { key }, `keys[${i}]`);
      if (!line.supplierCode) throw new AppError("business_rule", "purchase.no_supplier", { sku: line.sku }, `keys[${i}]`);
      if (!chosen.includes(line)) chosen.push(line);
    }
    const bySupplier = new Map<string, ProposalLine[]>();
    for (const l of chosen) bySupplier.set(l.supplierCode!, [...(bySupplier.get(l.supplierCode!) ?? []), l]);
    const created: { poNo: string; supplier: string; lines: number; keys: string[] }[] = [];
    for (const [supplier, lines] of [...bySupplier].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const origins: LineOrigin[] = lines.map((l) => ({ proposalKey: l.key, requestId: l.requestId }));
      const poNo = await insertPurchaseOrder(
        tx,
        principal,
        {
          supplier,
          location,
          note: "",
          lines: lines.map((l) => ({ sku: l.sku, qty: l.qty, requestedDate: l.requestedDate, priceFen: l.priceFen ?? undefined, orderNo: l.orderNo })),
        },
        { origins },
      );
      created.push({ poNo, supplier, lines: lines.length, keys: lines.map((l) => l.key) });
    }
    return { created, alreadyOrdered };
  });
}
