// Use case: the customer buys one version — it becomes an order through the one intake path, with the
// version's lines, parameters and pinned BOM and routing versions (production builds what was quoted) and
// the version's promise re-checked on the current plan. Past its validity the price is re-run on today's
// costs at the margin quoted, and past the promise's validity the date is promised afresh. The quote is
// won; its other live versions are superseded (their promise holds released). A version that holds its
// promise converts through the hold: the held date, nothing booked twice. Converting a won version again
// answers its order.
import type { Kysely, Transaction } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { notFound, refused } from "../core/errors.js";
import type { Lang } from "../core/i18n.js";
import { fromFen, toFen } from "../core/money.js";
import { plantDay } from "../core/plant-day.js";
import { readCostingMaster } from "../engineering/costing-master.js";
import { convertPromiseHold } from "../intake/convert-promise-hold.js";
import { readIntakeInputs, takeIn } from "../intake/take-in.js";
import { getOrderView } from "../orders/get-order.js";
import { buildOrder } from "../orders/model/build-order.js";
import type { ParamValues } from "../orders/model/params.js";
import { findHold, holdView } from "../planning/promise-holds.js";
import { orderRequestOf, promiseFor } from "./cost-version.js";
import { releaseVersionHolds, versionHoldIds } from "./hold-version-promise.js";
import { lineCost, marginOf, priceForMargin } from "./model/costing.js";
import { conversionReruns } from "./model/quote.js";
import { closeLiveVersions, getLines, getQuoteRow, getVersions, setVersion, touchQuote } from "./store.js";

export interface Conversion {
  orderNo: string;
  at: string;
  by: string;
  /** Lines whose price was re-run because the version had expired: from the quoted to today's price. */
  repriced: { lineNo: number; from: string; to: string }[] | null;
  /** The date re-promised because the promise had expired: from the quoted date to today's answer. */
  repromised: { from: string | null; to: string | null } | null;
  superseded: number[];
}

const fen = (money: string) => Number(toFen(money));

export async function convertVersion(db: Kysely<DB>, principal: Principal, quoteNo: string, versionNo: number, lang: Lang) {
  const quote = await getQuoteRow(db, quoteNo);
  if (!quote) throw notFound("quote.not_found", { quoteNo }, "quoteNo");
  const version = (await getVersions(db, quoteNo)).find((v) => v.version === versionNo);
  if (!version) throw notFound("quote.version_not_found", { quoteNo, version: versionNo }, "v");
  if (version.status === "won" && quote.order_no) return { order: await getOrderView(db, quote.order_no), conversion: version.conversion as Conversion };
  if (quote.status !== "open") throw refused("quote.closed", { quoteNo, status: quote.status });
  if (version.status !== "sent") throw refused("quote.not_sent", { quoteNo, version: versionNo, status: version.status });

  // Its promise held in the plan: the order comes in through the hold, with the held date.
  if (version.promise_hold_id !== null) {
    const hold = await findHold(db, Number(version.promise_hold_id));
    const status = hold ? holdView(hold).status : null;
    if (status === "held" || (status === "converted" && hold?.order_no))
      return convertThroughHold(db, principal, quoteNo, versionNo, Number(version.promise_hold_id));
  }

  const today = plantDay(new Date());
  const reruns = conversionReruns(version, today);
  const stored = await getLines(db, quoteNo, versionNo);
  const lines = stored.map((l) => ({
    lineNo: l.line_no,
    sku: l.sku,
    qty: l.qty,
    params: l.params as ParamValues,
    unitPriceFen: fen(l.unit_price),
    bomVersionId: l.bom_version_id,
    routingVersionId: l.routing_version_id,
  }));
  let repriced: Conversion["repriced"] = null;
  if (reruns.price) {
    const master = await readCostingMaster(db, lines, today);
    repriced = [];
    for (const [i, line] of lines.entries()) {
      const was = stored[i];
      const made = line.bomVersionId !== null || line.routingVersionId !== null;
      const unit = made
        ? lineCost({ ...line, outsourcingFen: fen(was.outsourcing_cost) }, master).unit
        : fen(master.items.get(line.sku)?.unitPrice ?? was.material_cost) + fen(was.outsourcing_cost);
      const price = priceForMargin(unit, marginOf(fen(was.unit_price), fen(was.unit_cost)));
      repriced.push({ lineNo: line.lineNo, from: was.unit_price, to: fromFen(BigInt(price)) });
      line.unitPriceFen = price;
    }
  }
  const quotedDate = version.promise_date !== null && version.promise_date >= today ? version.promise_date : null;
  let requestedDate = quotedDate;
  let repromised: Conversion["repromised"] = null;
  if (reruns.date || quotedDate === null) {
    const asked = version.requested_date !== null && version.requested_date >= today ? version.requested_date : null;
    const answer = await promiseFor(db, orderRequestOf(quote.customer_code, lines, asked), lang);
    requestedDate = answer.date;
    repromised = { from: version.promise_date, to: answer.date };
  }
  const request = orderRequestOf(quote.customer_code, lines, requestedDate, `报价 ${quoteNo} V${versionNo}`);
  const inputs = await readIntakeInputs(db, [request]);
  const built = buildOrder(request, inputs.master);

  const result = await db.transaction().execute(async (tx) => {
    const locked = await getQuoteRow(tx, quoteNo, { lock: true });
    if (locked?.status !== "open") return { already: locked?.order_no ?? null };
    const now = (await getVersions(tx, quoteNo)).find((v) => v.version === versionNo);
    if (now?.status !== "sent") throw refused("quote.not_sent", { quoteNo, version: versionNo, status: now?.status ?? "" });
    // One order per quote, whoever converts and however often: the key is the quote's.
    const { stored: order } = await takeIn(tx, inputs, [{ built, idempotencyKey: `quote#${quoteNo}` }], {
      actor: principal.name,
      source: "ui",
      live: "per_order",
    });
    const orderNo = order.orders[0].order_no;
    return { conversion: await winVersion(tx, principal, quoteNo, versionNo, orderNo, repriced, repromised) };
  });
  if ("already" in result) {
    if (!result.already) throw refused("quote.closed", { quoteNo, status: "lost" });
    const won = (await getVersions(db, quoteNo)).find((v) => v.status === "won");
    if (won?.version !== versionNo) throw refused("quote.closed", { quoteNo, status: "won" });
    return { order: await getOrderView(db, result.already), conversion: won.conversion as Conversion };
  }
  await releaseVersionHolds(db, principal, result.conversion.holds);
  return { order: await getOrderView(db, result.conversion.orderNo), conversion: result.conversion };
}

/** The version won with its order; the other live versions superseded (their holds to release after commit). */
async function winVersion(
  tx: Transaction<DB>,
  principal: Principal,
  quoteNo: string,
  versionNo: number,
  orderNo: string,
  repriced: Conversion["repriced"],
  repromised: Conversion["repromised"],
) {
  const superseded = await closeLiveVersions(tx, quoteNo, "superseded", versionNo);
  const conversion: Conversion = { orderNo, at: new Date().toISOString(), by: principal.name, repriced, repromised, superseded };
  await setVersion(tx, quoteNo, versionNo, { status: "won", conversion: JSON.stringify(conversion) });
  await touchQuote(tx, quoteNo, { status: "won", won_version: versionNo, order_no: orderNo });
  return { ...conversion, holds: await versionHoldIds(tx, quoteNo, superseded) };
}

/**
 * Converts through the version's promise hold (intake's convertPromiseHold): the order gets the held date
 * and the hold's booking, nothing is booked twice; its key is the hold's, so a retry (even one after the
 * order was made but before the quote was marked won) answers the same order.
 */
async function convertThroughHold(db: Kysely<DB>, principal: Principal, quoteNo: string, versionNo: number, holdId: number) {
  const { order, hold } = await convertPromiseHold(db, principal, holdId);
  const version = (await getVersions(db, quoteNo)).find((v) => v.version === versionNo);
  const repromised = version && version.promise_date !== hold.heldDate ? { from: version.promise_date, to: hold.heldDate } : null;
  const result = await db.transaction().execute(async (tx) => {
    const locked = await getQuoteRow(tx, quoteNo, { lock: true });
    if (locked?.status === "won" && locked.won_version === versionNo) return { already: true as const };
    if (locked?.status !== "open") throw refused("quote.closed", { quoteNo, status: locked?.status ?? "" });
    return { conversion: await winVersion(tx, principal, quoteNo, versionNo, order.orderNo, null, repromised) };
  });
  if ("already" in result) {
    const won = (await getVersions(db, quoteNo)).find((v) => v.version === versionNo);
    return { order: await getOrderView(db, order.orderNo), conversion: won?.conversion as Conversion };
  }
  await releaseVersionHolds(db, principal, result.conversion.holds);
  return { order: await getOrderView(db, order.orderNo), conversion: result.conversion };
}
