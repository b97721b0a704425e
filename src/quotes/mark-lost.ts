// Use case: the customer bought elsewhere or not at all — the quote is lost, with the reason, and its
// live versions with it, and the promise holds they kept are released. Marking a lost quote lost again
// changes nothing.
import type { Kysely } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { notFound, refused } from "../core/errors.js";
import { publishChange } from "../events/publish-change.js";
import { releaseVersionHolds, versionHoldIds } from "./hold-version-promise.js";
import type { LostReason } from "./model/quote.js";
import { closeLiveVersions, getQuoteRow, getVersions, touchQuote } from "./store.js";

export async function markLost(db: Kysely<DB>, principal: Principal, quoteNo: string, input: { reason: LostReason; note?: string }) {
  const holds = await db.transaction().execute(async (tx) => {
    const quote = await getQuoteRow(tx, quoteNo, { lock: true });
    if (!quote) throw notFound("quote.not_found", { quoteNo }, "quoteNo");
    // Lost already (a retry): give back any hold a failed first attempt left.
    if (quote.status === "lost")
      return versionHoldIds(
        tx,
        quoteNo,
        (await getVersions(tx, quoteNo)).map((v) => v.version),
      );
    if (quote.status !== "open") throw refused("quote.closed", { quoteNo, status: quote.status });
    const closed = await closeLiveVersions(tx, quoteNo, "lost");
    await touchQuote(tx, quoteNo, { status: "lost", lost_reason: input.reason, lost_note: input.note ?? "" });
    await publishChange(tx, { kind: "master", entity: "quote", key: quoteNo });
    return versionHoldIds(tx, quoteNo, closed);
  });
  // The dates its versions held go back to the plan.
  await releaseVersionHolds(db, principal, holds);
}
