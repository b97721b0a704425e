// Use cases: a sent version's promised date held in the plan (material and capacity) while the promise
// is valid, at most a week (a promise hold's 168 h) — through planning's holdPromise, not a copy of it.
// Losing the quote or superseding the version releases it (releaseHold); converting the version takes the
// order in through the hold (intake's convertPromiseHold): the held date, nothing booked twice. A version
// whose promise lapses lets its hold lapse with it (the hours end with the promise's validity).
import type { Kysely, Transaction } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { AppError, notFound, refused } from "../core/errors.js";
import type { Lang } from "../core/i18n.js";
import { toFen } from "../core/money.js";
import { plantDay } from "../core/plant-day.js";
import type { ParamValues } from "../orders/model/params.js";
import { findHold, holdPromise, holdView, releaseHold } from "../planning/promise-holds.js";
import { orderRequestOf } from "./cost-version.js";
import { getLines, getQuoteRow, getVersions, setVersion } from "./store.js";

const MAX_HOURS = 168;

/** Hours from `at` to the end of the plant day `lastDay` (China Standard Time), at most a week. */
export function holdHours(lastDay: string, at: Date): number {
  const end = Date.parse(`${lastDay}T00:00:00+08:00`) + 24 * 3_600_000;
  return Math.min(MAX_HOURS, Math.floor((end - at.getTime()) / 3_600_000));
}

/** What a version can hold — its promised date, for the hours left of the promise's validity — or why not. */
export function holdable(quoteNo: string, version: { version: number; promise_date: string | null; promise_valid_until: string }, at: Date) {
  if (version.promise_date === null) throw refused("quote.no_promise_date", { quoteNo, version: version.version }, "holdPromise");
  const hours = holdHours(version.promise_valid_until, at);
  if (hours < 1) throw refused("quote.promise_expired", { quoteNo, version: version.version, date: version.promise_valid_until }, "holdPromise");
  return { date: version.promise_date, hours };
}

export async function holdVersionPromise(db: Kysely<DB>, principal: Principal, quoteNo: string, versionNo: number, lang: Lang) {
  const quote = await getQuoteRow(db, quoteNo);
  if (!quote) throw notFound("quote.not_found", { quoteNo }, "quoteNo");
  const version = (await getVersions(db, quoteNo)).find((v) => v.version === versionNo);
  if (!version) throw notFound("quote.version_not_found", { quoteNo, version: versionNo }, "v");
  if (version.status !== "sent") throw refused("quote.not_sent", { quoteNo, version: versionNo, status: version.status }, "v");
  // Held already (a retried send): the same hold.
  if (version.promise_hold_id !== null) {
    const existing = await findHold(db, Number(version.promise_hold_id));
    if (existing && holdView(existing).status === "held") return holdView(existing);
  }
  const at = new Date();
  const today = plantDay(at);
  const { date, hours } = holdable(quoteNo, version, at);
  const lines = (await getLines(db, quoteNo, versionNo)).map((l) => ({
    sku: l.sku,
    qty: l.qty,
    params: l.params as ParamValues,
    unitPriceFen: Number(toFen(l.unit_price)),
    bomVersionId: l.bom_version_id,
    routingVersionId: l.routing_version_id,
  }));
  const asked = date >= today ? date : null;
  const request = orderRequestOf(quote.customer_code, lines, asked, `报价 ${quoteNo} V${versionNo}`);
  const { hold } = await holdPromise(db, principal, { ...request, hours }, lang);
  await setVersion(db, quoteNo, versionNo, { promise_hold_id: hold.id });
  return hold;
}

/** The holds of these versions, for releasing once the versions are closed. */
export async function versionHoldIds(tx: Kysely<DB> | Transaction<DB>, quoteNo: string, versions: number[]): Promise<number[]> {
  if (!versions.length) return [];
  const rows = await tx
    .selectFrom("quote_versions")
    .select("promise_hold_id")
    .where("quote_no", "=", quoteNo)
    .where("version", "in", versions)
    .where("promise_hold_id", "is not", null)
    .execute();
  return rows.map((r) => Number(r.promise_hold_id));
}

/** Gives the holds back; one already released, converted or expired is left as it is. */
export async function releaseVersionHolds(db: Kysely<DB>, principal: Principal, holdIds: number[]) {
  for (const id of holdIds) {
    try {
      await releaseHold(db, principal, id);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
  }
}
