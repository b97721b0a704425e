// Dry-run of a quote.below_margin rule: what it would have matched and done for the versions below their
// margin floor made between two days, each seen as on the day it was made. Reads only.
import { type Kysely, sql } from "kysely";
import type { DB } from "../core/db/schema.js";
import { judge } from "../rules/judge-order.js";
import type { ActiveRule } from "../rules/model/definition.js";
import { planQuoteEffects, quoteFacts } from "./model/quote-rules.js";

const MAX_VERSIONS = 50_000;

export async function dryRunQuoteRule(db: Kysely<DB>, rule: ActiveRule, range: { from: string; to: string }) {
  // The plant day a version was made on (China Standard Time, whatever the session's zone).
  const madeOn = sql<string>`((quote_versions.created_at at time zone 'UTC') + interval '8 hours')::date::text`;
  const versions = await db
    .selectFrom("quote_versions")
    .innerJoin("quotes", "quotes.quote_no", "quote_versions.quote_no")
    .innerJoin("customers", "customers.code", "quotes.customer_code")
    .select([
      "quote_versions.quote_no",
      "quote_versions.version",
      "quote_versions.price_total",
      "quote_versions.margin_pct",
      "quote_versions.margin_floor_pct",
      "quote_versions.created_by",
      madeOn.as("made_on"),
      "customers.code",
      "customers.grade",
      "customers.credit_limit",
      "customers.open_receivables",
    ])
    .where(madeOn, ">=", range.from)
    .where(madeOn, "<=", range.to)
    .where(sql<boolean>`quote_versions.margin_pct < quote_versions.margin_floor_pct`)
    .orderBy("quote_versions.created_at")
    .limit(MAX_VERSIONS)
    .execute();
  const matches = [];
  for (const v of versions) {
    const facts = quoteFacts(
      {
        quoteNo: v.quote_no,
        version: v.version,
        priceTotal: v.price_total,
        marginPct: Number(v.margin_pct),
        floorPct: Number(v.margin_floor_pct),
        author: v.created_by,
      },
      v,
      v.made_on,
    );
    const { matched, plan } = judge([rule], facts, (m, f) => planQuoteEffects(m, f, new Date()));
    if (!matched.length) continue;
    matches.push({
      quoteNo: v.quote_no,
      version: v.version,
      customer: v.code,
      madeOn: v.made_on,
      actions: plan.log.map((l) => ({ type: l.type, detail: l.detail })),
    });
  }
  return { quotesExamined: versions.length, ordersExamined: 0, matched: matches.length, matches };
}
