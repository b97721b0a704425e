// Use case: engineering (with the owners it names) decides what happens to each affected row: keep the
// old version, switch, rework, scrap, cancel and re-order, ask the customer. A decision may change until
// the notice is released; each names its owner (the decider unless given).
import type { Kysely } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { AppError, refused } from "../core/errors.js";
import { publishChange } from "../events/publish-change.js";
import { findEcn } from "./find-ecn.js";
import { impactOf } from "./get-impact.js";
import { mayDecide } from "./model/lifecycle.js";
import type { DecisionsInput } from "./schemas.js";
import { upsertDecisions } from "./store.js";

export async function decideRows(db: Kysely<DB>, principal: Principal, ecnNo: string, input: DecisionsInput) {
  await db.transaction().execute(async (tx) => {
    const ecn = await findEcn(tx, ecnNo, true);
    if (!mayDecide(ecn.status)) throw refused("ecn.bad_status", { ecnNo, status: ecn.status, action: "decide" }, "status");
    const { rows } = await impactOf(tx, ecn);
    const byRef = new Map(rows.map((r) => [r.ref, r]));
    input.rows.forEach((r, i) => {
      const row = byRef.get(r.ref);
      if (!row) throw new AppError("business_rule", "ecn.unknown_ref", { ref: r.ref }, `rows.${i}.ref`);
      if (!row.allowed.includes(r.decision)) {
        throw new AppError(
          "business_rule",
          "ecn.decision_not_allowed",
          { ref: r.ref, decision: r.decision, allowed: row.allowed.join(", ") },
          `rows.${i}.decision`,
        );
      }
    });
    const owners = [...new Set(input.rows.flatMap((r) => (r.owner ? [r.owner] : [])))];
    const known = new Set(
      owners.length
        ? (await tx.selectFrom("users").select("username").where("username", "in", owners).where("active", "=", true).execute()).map((u) => u.username)
        : [],
    );
    input.rows.forEach((r, i) => {
      if (r.owner && !known.has(r.owner)) throw new AppError("invalid", "ecn.unknown_owner", { owner: r.owner }, `rows.${i}.owner`);
    });
    await upsertDecisions(
      tx,
      ecnNo,
      input.rows.map((r) => ({ ref: r.ref, decision: r.decision, owner: r.owner ?? principal.name })),
      principal.name,
    );
    await tx.updateTable("ecns").set({ updated_at: new Date() }).where("ecn_no", "=", ecnNo).execute();
    await publishChange(tx, { kind: "master", entity: "ecn", key: ecnNo });
  });
}
