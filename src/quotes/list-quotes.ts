// Use case: the quotes sales works on, newest first, each with its latest version's figures; and the
// win rate and lost reasons over the quotes decided in a period (the sales board's figures).
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import { plantDay } from "../core/plant-day.js";
import { versionStatus } from "./model/quote.js";

export async function listQuotes(db: Kysely<DB>, filter: { status?: "open" | "won" | "lost"; customer?: string; limit: number }) {
  let query = db
    .selectFrom("quotes")
    .innerJoin("customers", "customers.code", "quotes.customer_code")
    .select([
      "quotes.quote_no",
      "quotes.customer_code",
      "customers.name as customer_name",
      "quotes.title",
      "quotes.status",
      "quotes.order_no",
      "quotes.updated_at",
    ]);
  if (filter.status) query = query.where("quotes.status", "=", filter.status);
  if (filter.customer) query = query.where("quotes.customer_code", "=", filter.customer);
  const quotes = await query.orderBy("quotes.updated_at", "desc").orderBy("quotes.quote_no", "desc").limit(filter.limit).execute();
  const nos = quotes.map((q) => q.quote_no);
  const versions = nos.length
    ? await db
        .selectFrom("quote_versions")
        .select(["quote_no", "version", "status", "valid_until", "price_total", "margin_pct", "margin_floor_pct", "promise_date", "approval"])
        .where("quote_no", "in", nos)
        .orderBy("version")
        .execute()
    : [];
  const today = plantDay(new Date());
  return quotes.map((q) => {
    const mine = versions.filter((v) => v.quote_no === q.quote_no);
    const latest = mine[mine.length - 1];
    return {
      quoteNo: q.quote_no,
      customer: q.customer_code,
      customerName: q.customer_name,
      title: q.title,
      status: q.status,
      orderNo: q.order_no,
      updatedAt: q.updated_at.toISOString(),
      versions: mine.map((v) => ({ version: v.version, status: versionStatus(v.status, v.valid_until, today) })),
      latest: latest
        ? {
            version: latest.version,
            status: versionStatus(latest.status, latest.valid_until, today),
            priceTotal: latest.price_total,
            marginPct: Number(latest.margin_pct),
            belowMargin: Number(latest.margin_pct) < Number(latest.margin_floor_pct),
            promiseDate: latest.promise_date,
            validUntil: latest.valid_until,
            approval: latest.approval,
          }
        : null,
    };
  });
}

/** Quotes decided (won or lost) since `from`: the win rate and why the others were lost. */
export async function quoteOutcomes(db: Kysely<DB>, from: Date) {
  const rows = await db
    .selectFrom("quotes")
    .select(["status", "lost_reason", (eb) => eb.fn.countAll<string>().as("n")])
    .where("status", "in", ["won", "lost"])
    .where("updated_at", ">=", from)
    .groupBy(["status", "lost_reason"])
    .execute();
  const won = rows.filter((r) => r.status === "won").reduce((s, r) => s + Number(r.n), 0);
  const lost = rows.filter((r) => r.status === "lost").reduce((s, r) => s + Number(r.n), 0);
  const open = await db
    .selectFrom("quotes")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("status", "=", "open")
    .executeTakeFirstOrThrow();
  return {
    won,
    lost,
    open: Number(open.n),
    winRate: won + lost ? Math.round((won / (won + lost)) * 1000) / 10 : null,
    lostReasons: rows
      .filter((r) => r.status === "lost")
      .map((r) => ({ reason: r.lost_reason ?? "other", count: Number(r.n) }))
      .sort((a, b) => b.count - a.count),
  };
}
