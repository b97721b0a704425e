// Use case: the customer bought elsewhere or not at all — the quote is lost, with the reason, and its
// live versions with it. Marking a lost quote lost again changes nothing.
import type { Kysely } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { notFound, refused } from "../core/errors.js";
import { publishChange } from "../events/publish-change.js";
import type { LostReason } from "./model/quote.js";
import { closeLiveVersions, getQuoteRow, touchQuote } from "./store.js";

export async function markLost(db: Kysely<DB>, _principal: Principal, quoteNo: string, input: { reason: LostReason; note?: string }) {
  return db.transaction().execute(async (tx) => {
    const quote = await getQuoteRow(tx, quoteNo, { lock: true });
    if (!quote) throw notFound("quote.not_found", { quoteNo }, "quoteNo");
    if (quote.status === "lost") return;
    if (quote.status !== "open") throw refused("quote.closed", { quoteNo, status: quote.status });
    await closeLiveVersions(tx, quoteNo, "lost");
    await touchQuote(tx, quoteNo, { status: "lost", lost_reason: input.reason, lost_note: input.note ?? "" });
    await publishChange(tx, { kind: "master", entity: "quote", key: quoteNo });
  });
}
