// Use case: the demo's quotes — sales at work on inquiries through the real quote use cases: a draft,
// a sent quote being revised, one below the margin floor waiting for the sales manager, two won (one
// customer bought the first version while a second was live) and two lost, with their reasons.
// Run once, after the morning's orders and the default rules.
import type { Kysely } from "kysely";
import { addDays } from "../calendar/model/dates.js";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { plantDay } from "../core/plant-day.js";
import type { ParamSchema, ParamValues } from "../orders/model/params.js";
import { addVersion } from "../quotes/add-version.js";
import { convertVersion } from "../quotes/convert-version.js";
import { createQuote } from "../quotes/create-quote.js";
import { markLost } from "../quotes/mark-lost.js";
import { sendVersion } from "../quotes/send-version.js";

/** A non-default value of the first enum parameter: a quote is usually for a configured product. */
function configured(schema: ParamSchema): ParamValues {
  for (const [name, spec] of Object.entries(schema)) {
    if (spec.type === "enum" && spec.values.length > 1) return { [name]: spec.values[1] };
  }
  return {};
}

export async function takeDemoQuotes(db: Kysely<DB>, now = new Date()) {
  const today = plantDay(now);
  const user = await db.selectFrom("users").select(["id", "username"]).where("username", "=", "sales").executeTakeFirst();
  const sales: Principal = user
    ? { kind: "user", id: user.id, name: user.username, roles: ["sales"] }
    : { kind: "user", id: 0, name: "system", roles: ["admin"] };
  const customers = await db.selectFrom("customers").select(["code", "grade"]).where("grade", "in", ["A", "B"]).orderBy("code").limit(7).execute();
  const items = await db
    .selectFrom("items")
    .innerJoin("bom_versions", "bom_versions.sku", "items.sku")
    .select(["items.sku", "items.param_schema"])
    .distinct()
    .where("items.kind", "=", "finished")
    .where("bom_versions.effective_from", "<=", today)
    .orderBy("items.sku")
    .limit(40)
    .execute();
  if (customers.length < 7 || items.length < 12) return { quotes: 0 };
  const pick = (i: number) => ({ sku: items[i * 3].sku, params: configured(items[i * 3].param_schema as ParamSchema) });
  const options = { lang: "zh" as const };
  const open = async (c: number, title: string, lines: { sku: string; params: ParamValues; qty: number; unitPrice?: string }[], days = 35) =>
    (await createQuote(db, sales, { customer: customers[c].code, title, requestedDate: addDays(today, days), lines }, options)).quoteNo;

  // A draft still being worked on.
  await open(0, "新产线配套询价", [
    { ...pick(0), qty: 20 },
    { ...pick(1), qty: 8 },
  ]);
  // Sent; the customer asked for more, so V2 is being prepared.
  const revised = await open(1, "年度框架询价", [{ ...pick(2), qty: 30 }]);
  await sendVersion(db, sales, revised, 1);
  await addVersion(db, sales, revised, { requestedDate: addDays(today, 40), lines: [{ ...pick(2), qty: 50 }] }, options);
  // Priced under the floor to win a new account: waits for the sales manager.
  const cheap = await open(2, "新客户首单", [{ ...pick(3), qty: 15 }]);
  const [line] = (await db.selectFrom("quote_lines").select("unit_cost").where("quote_no", "=", cheap).execute()).map((l) => Number(l.unit_cost));
  await addVersion(
    db,
    sales,
    cheap,
    { requestedDate: addDays(today, 35), lines: [{ ...pick(3), qty: 15, unitPrice: Math.ceil(line * 1.05).toFixed(2) }] },
    options,
  );
  await sendVersion(db, sales, cheap, 2);
  // Won: the customer bought V1 while V2 (a cheaper variant) was also on the table.
  const won = await open(3, "改造项目询价", [{ ...pick(4), qty: 10 }]);
  await sendVersion(db, sales, won, 1);
  await addVersion(db, sales, won, { requestedDate: addDays(today, 35), lines: [{ ...pick(5), qty: 10 }] }, options);
  await sendVersion(db, sales, won, 2);
  await convertVersion(db, sales, won, 1, "zh");
  const won2 = await open(4, "备件补单", [{ ...pick(6), qty: 6 }], 45);
  await sendVersion(db, sales, won2, 1);
  await convertVersion(db, sales, won2, 1, "zh");
  // Lost, with why.
  const lostPrice = await open(5, "招标报价", [{ ...pick(7), qty: 40 }]);
  await sendVersion(db, sales, lostPrice, 1);
  await markLost(db, sales, lostPrice, { reason: "price", note: "竞争对手报价低约 8%" });
  const lostDate = await open(6, "紧急项目", [{ ...pick(8), qty: 12 }], 20);
  await sendVersion(db, sales, lostDate, 1);
  await markLost(db, sales, lostDate, { reason: "lead_time", note: "客户要求两周内交货" });
  return { quotes: 7 };
}
