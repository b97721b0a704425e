// Use case: a change notice moves through review: submitted, approved (who and when kept), sent back,
// closed after release. Release itself is release-ecn.ts.
import type { Kysely } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { refused } from "../core/errors.js";
import { publishChange } from "../events/publish-change.js";
import { findEcn } from "./find-ecn.js";
import { type EcnStatus, mayMove } from "./model/lifecycle.js";
import { updateEcn } from "./store.js";

export async function moveEcn(db: Kysely<DB>, principal: Principal, ecnNo: string, to: Exclude<EcnStatus, "released">) {
  await db.transaction().execute(async (tx) => {
    const ecn = await findEcn(tx, ecnNo, true);
    if (!mayMove(ecn.status, to)) throw refused("ecn.bad_status", { ecnNo, status: ecn.status, action: to }, "to");
    await updateEcn(tx, ecnNo, {
      status: to,
      ...(to === "approved" ? { approved_by: principal.name, approved_at: new Date() } : {}),
      ...(to === "draft" ? { approved_by: null, approved_at: null } : {}),
    });
    await publishChange(tx, { kind: "master", entity: "ecn", key: ecnNo });
  });
}
