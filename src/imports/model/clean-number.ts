// Amounts and quantities as people type them: ¥12,345.00, 12,345.5元, 1.2万, (500.00), numbers stored as
// text, 100件, 100 pcs. Amounts stay exact: decimal text in, integer fen out, never a float in between.
import { fromFen } from "../../core/money.js";
import { type Cell, type Cleaned, cellText, fail, ok } from "./cell.js";

const MAX_FEN = 10n ** 14n; // numeric(14,2)

/** "12345.678" with `scale` decimals kept exactly → integer in units of 10^-scale, or undefined. */
function scaled(digits: string, scale: number): bigint | undefined {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(digits);
  if (!match) return undefined;
  const frac = match[2] ?? "";
  if (frac.length > scale) {
    if (/[^0]/.test(frac.slice(scale))) return undefined;
  }
  return BigInt(match[1]) * 10n ** BigInt(scale) + BigInt((frac.slice(0, scale) || "0").padEnd(scale, "0"));
}

/** A float from a workbook: accept it when it is a whole number of fen up to float noise (0.1+0.2). */
function numberToFen(value: number): bigint | undefined {
  if (!Number.isFinite(value)) return undefined;
  const fen = Math.round(value * 100);
  if (Math.abs(value * 100 - fen) > 1e-6 * Math.max(1, Math.abs(value))) return undefined;
  return BigInt(fen);
}

const CURRENCY = /^(¥|￥|RMB|CNY|人民币)|(元|RMB|CNY)$/gi;

/** A GBK file cannot hold ¥: office suites save it as ? (?49,318.70, -?500.00, (?500.00)). */
const LOST_YEN = /^([-−(]?)\?(?=[-−]?[\d,.]+\)?$)/;

/**
 * An amount in CNY as a decimal string with two decimals; negatives (credit notes) are kept.
 * `questionMarkIsYen`: the user said the file lost its ¥ signs to GBK, so a leading ? is read as ¥;
 * without it such an amount fails as `amount.lost_yen`, which the analysis reports once for the file.
 */
export function cleanAmount(cell: Cell, questionMarkIsYen = false): Cleaned<string> {
  if (typeof cell === "number") {
    const fen = numberToFen(cell);
    if (fen === undefined) return fail("amount.precision", String(cell));
    return bounded(fen);
  }
  if (typeof cell !== "string") return fail(cell === null ? "field.required" : "amount.unreadable", cellText(cell));
  let text = cellText(cell).replace(/\s+/g, "");
  if (!text) return fail("field.required");
  const original = text;
  if (LOST_YEN.test(text)) {
    if (!questionMarkIsYen) return fail("amount.lost_yen", original);
    text = text.replace(LOST_YEN, "$1¥");
  }
  let negative = false;
  const parens = /^\((.*)\)$/.exec(text);
  if (parens) {
    negative = true;
    text = parens[1];
  }
  text = text.replace(/^[-−]/, () => {
    negative = !negative;
    return "";
  });
  text = text.replace(CURRENCY, "").replace(CURRENCY, "");
  text = text.replace(/^[-−]/, () => {
    negative = !negative;
    return "";
  });
  let wan = false;
  if (text.endsWith("万")) {
    wan = true;
    text = text.slice(0, -1);
  }
  if (!/^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$/.test(text)) return fail("amount.unreadable", original);
  text = text.replaceAll(",", "");
  // 1.2万 = 12000.00: with 万, up to six decimals still land on whole fen.
  const fen = wan ? scaled(text, 6) : scaled(text, 2);
  if (fen === undefined) return fail("amount.precision", original);
  return bounded(negative ? -fen : fen);
}

function bounded(fen: bigint): Cleaned<string> {
  if (fen >= MAX_FEN || fen <= -MAX_FEN) return fail("amount.too_large", fromFen(fen));
  return ok(fromFen(fen));
}

const UNITS = /(件|个|只|台|套|支|pcs?|pieces?|ea|units?|sets?)$/i;

/** A quantity with an optional unit (100件, 1,000 pcs) as a decimal string with up to 3 decimals; not 0. */
export function cleanQuantity(cell: Cell): Cleaned<string> {
  let text: string;
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return fail("qty.unreadable", String(cell));
    text = String(Math.abs(cell) < 1e-9 ? 0 : cell);
    if (/e/i.test(text)) return fail("qty.unreadable", text);
  } else {
    if (cell === null) return fail("field.required");
    text = cellText(cell).replace(/\s+/g, "");
    if (!text) return fail("field.required");
  }
  const original = text;
  const negative = /^[-−]/.test(text);
  text = text.replace(/^[-−]/, "").replace(UNITS, "");
  if (!/^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$/.test(text)) return fail("qty.unreadable", original);
  const milli = scaled(text.replaceAll(",", ""), 3);
  if (milli === undefined) return fail("qty.precision", original);
  if (milli === 0n) return fail("qty.zero", original);
  if (milli >= 10n ** 14n) return fail("qty.too_large", original);
  const whole = milli / 1000n;
  const frac = (milli % 1000n).toString().padStart(3, "0").replace(/0+$/, "");
  return ok(`${negative ? "-" : ""}${whole}${frac ? `.${frac}` : ""}`);
}
