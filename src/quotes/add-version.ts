// Use case: revise a quote — the next version (V2, V3, …) as a draft, costed and promised afresh. The
// versions before it are left exactly as they are: a sent one is what the customer holds.
import type { Kysely } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { isUniqueViolation } from "../core/db/unique-violation.js";
import { notFound, refused } from "../core/errors.js";
import type { Lang } from "../core/i18n.js";
import { publishChange } from "../events/publish-change.js";
import { costVersion, type VersionInput } from "./cost-version.js";
import { quoteKey } from "./create-quote.js";
import { findByKey, getQuoteRow, nextVersionNo, touchQuote } from "./store.js";
import { writeVersion } from "./write-version.js";

export async function addVersion(
  db: Kysely<DB>,
  principal: Principal,
  quoteNo: string,
  input: VersionInput,
  options: { lang: Lang; idempotencyKey?: string },
): Promise<{ version: number; replayed: boolean }> {
  const key = options.idempotencyKey ? `${quoteKey(principal, options.idempotencyKey)}#${quoteNo}` : null;
  const replay = async () => {
    const found = key ? await findByKey(db, "quote_versions", key) : undefined;
    return found && "version" in found ? { version: found.version, replayed: true } : undefined;
  };
  const earlier = await replay();
  if (earlier) return earlier;
  const quote = await getQuoteRow(db, quoteNo);
  if (!quote) throw notFound("quote.not_found", { quoteNo }, "quoteNo");
  const costed = await costVersion(db, quote.customer_code, input, options.lang);
  try {
    const version = await db.transaction().execute(async (tx) => {
      const locked = await getQuoteRow(tx, quoteNo, { lock: true });
      if (locked?.status !== "open") throw refused("quote.closed", { quoteNo, status: locked?.status ?? "" });
      const next = await nextVersionNo(tx, quoteNo);
      await writeVersion(tx, quoteNo, next, costed, { actor: principal.name, note: input.note ?? "", idempotencyKey: key });
      await touchQuote(tx, quoteNo);
      await publishChange(tx, { kind: "master", entity: "quote", key: quoteNo });
      return next;
    });
    return { version, replayed: false };
  } catch (error) {
    if (isUniqueViolation(error, "quote_versions_idempotency_key_key")) {
      const winner = await replay();
      if (winner) return winner;
    }
    throw error;
  }
}
