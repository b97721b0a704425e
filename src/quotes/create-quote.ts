// Use case: quote an inquiry — a new quote number (BJ + day + sequence) with its first version V1 as a
// draft, costed and promised. A retried request with the same Idempotency-Key answers the same quote.
import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { isUniqueViolation } from "../core/db/unique-violation.js";
import { AppError } from "../core/errors.js";
import type { Lang } from "../core/i18n.js";
import { publishChange } from "../events/publish-change.js";
import { costVersion, type VersionInput } from "./cost-version.js";
import { allocateQuoteNo, findByKey } from "./store.js";
import { writeVersion } from "./write-version.js";

export interface CreateQuoteInput extends VersionInput {
  customer: string;
  title?: string;
}

export const quoteKey = (principal: Principal, key: string) => `quote#${principal.name}#${key}`;
const hashOf = (body: unknown) => createHash("sha256").update(JSON.stringify(body)).digest("hex");

export async function createQuote(
  db: Kysely<DB>,
  principal: Principal,
  input: CreateQuoteInput,
  options: { lang: Lang; idempotencyKey?: string },
): Promise<{ quoteNo: string; replayed: boolean }> {
  const key = options.idempotencyKey ? quoteKey(principal, options.idempotencyKey) : null;
  const hash = hashOf(input);
  const replay = async () => {
    if (!key) return undefined;
    const found = await findByKey(db, "quotes", key);
    if (!found) return undefined;
    if ("request_hash" in found && found.request_hash !== hash)
      throw new AppError("conflict", "order.idempotency_mismatch", { key: options.idempotencyKey ?? "" }, "Idempotency-Key");
    return { quoteNo: found.quote_no, replayed: true };
  };
  const earlier = await replay();
  if (earlier) return earlier;

  const costed = await costVersion(db, input.customer, input, options.lang);
  try {
    const quoteNo = await db.transaction().execute(async (tx) => {
      const no = await allocateQuoteNo(tx, costed.today);
      await tx
        .insertInto("quotes")
        .values({
          quote_no: no,
          customer_code: costed.customer.code,
          title: input.title ?? "",
          lost_reason: null,
          won_version: null,
          order_no: null,
          idempotency_key: key,
          request_hash: key ? hash : null,
          created_by: principal.name,
        })
        .execute();
      await writeVersion(tx, no, 1, costed, { actor: principal.name, note: input.note ?? "", idempotencyKey: null });
      await publishChange(tx, { kind: "master", entity: "quote", key: no });
      return no;
    });
    return { quoteNo, replayed: false };
  } catch (error) {
    if (isUniqueViolation(error, "quotes_idempotency_key_key")) {
      const winner = await replay();
      if (winner) return winner;
    }
    throw error;
  }
}
