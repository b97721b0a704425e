// Use case: the sales manager lets a version below the margin floor be sent. Never one's own version
// (four eyes); the approval task is closed with the decision.
import type { Kysely } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { notFound, refused } from "../core/errors.js";
import { publishChange } from "../events/publish-change.js";
import { closeTask } from "../tasks/close-task.js";
import { getQuoteRow, getVersions, setVersion } from "./store.js";

export async function approveVersion(db: Kysely<DB>, principal: Principal, quoteNo: string, versionNo: number, note: string) {
  return db.transaction().execute(async (tx) => {
    const quote = await getQuoteRow(tx, quoteNo, { lock: true });
    if (!quote) throw notFound("quote.not_found", { quoteNo }, "quoteNo");
    const version = (await getVersions(tx, quoteNo)).find((v) => v.version === versionNo);
    if (!version) throw notFound("quote.version_not_found", { quoteNo, version: versionNo }, "v");
    if (version.approval === "approved") return { approval: "approved" as const };
    if (version.approval !== "pending" || version.status !== "draft") throw refused("quote.no_approval_asked", { quoteNo, version: versionNo });
    if (version.created_by === principal.name) throw refused("quote.self_approval", { quoteNo, version: versionNo });
    await setVersion(tx, quoteNo, versionNo, { approval: "approved", approved_by: principal.name, approved_at: new Date() });
    if (version.approval_task_id !== null)
      await closeTask(tx, version.approval_task_id, { actor: principal.name, note: note || `批准 ${quoteNo} V${versionNo}`, outcome: "approve" });
    await publishChange(tx, { kind: "master", entity: "quote", key: quoteNo });
    return { approval: "approved" as const };
  });
}
