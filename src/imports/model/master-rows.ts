// Rows of the master-data imports: customers, items, and stock balances.
import { type Cell, type Cleaned, cellText, fail, ok } from "./cell.js";
import { cleanQuantity } from "./clean-number.js";
import type { RowChecker } from "./issues.js";
import { lookupWord } from "./value-words.js";
import { GRADE_VOCABULARY, ITEM_KIND_VOCABULARY } from "./vocabularies.js";

export interface CustomerRow {
  row: number;
  code?: string;
  name: string;
  grade?: string;
  creditLimit?: string;
  contactName: string;
  contactPhone: string;
  region: string;
}

export interface ItemRow {
  row: number;
  sku: string;
  name: string;
  kind: "finished" | "subassembly" | "purchased";
  family: string;
  uom: string;
  unitPrice: string;
  leadTimeDays: number;
}

export interface StockRow {
  row: number;
  sku: string;
  location: string;
  onHand: string;
}

const code = (pattern: RegExp) => (cell: Cell) => {
  const text = cellText(cell).toUpperCase();
  return pattern.test(text) ? ok(text) : fail("code.format", text);
};

function bounded(check: RowChecker, field: string, max: number, required = false): string {
  const text = check.text(field);
  if (!text && required) check.fail(field, "field.required");
  else if (text.length > max) check.fail(field, "text.too_long", String(max));
  return text;
}

function nonNegative(clean: (cell: Cell) => Cleaned<string>) {
  return (cell: Cell): Cleaned<string> => {
    const result = clean(cell);
    if (result.ok && result.value.startsWith("-")) return fail("qty.negative", result.value);
    return result;
  };
}

export function cleanCustomerRow(check: RowChecker): CustomerRow | undefined {
  const codeValue = check.has("code") ? check.take("code", code(/^[A-Z0-9-]{2,20}$/)) : undefined;
  const name = bounded(check, "name", 100, true);
  let grade: string | undefined;
  if (check.has("grade")) {
    const found = lookupWord(GRADE_VOCABULARY, check.text("grade"), check.answers.grade);
    if (found.ok) grade = found.value;
    else check.ask("grade");
  }
  const creditLimit = check.has("creditLimit") ? check.take("creditLimit", nonNegative(check.amount)) : undefined;
  const contactName = bounded(check, "contactName", 60);
  const contactPhone = bounded(check, "contactPhone", 30);
  const region = bounded(check, "region", 60);
  if (check.issues.length || check.questions.length || check.lostYen.length) return undefined;
  return {
    row: check.row,
    ...(codeValue ? { code: codeValue } : {}),
    name,
    ...(grade ? { grade } : {}),
    ...(creditLimit ? { creditLimit } : {}),
    contactName,
    contactPhone,
    region,
  };
}

export function cleanItemRow(check: RowChecker): ItemRow | undefined {
  const sku = check.take("sku", code(/^[A-Z0-9][A-Z0-9._-]{1,39}$/));
  const name = bounded(check, "name", 100, true);
  let kind: ItemRow["kind"] | undefined = "finished";
  if (check.has("kind")) {
    const found = lookupWord(ITEM_KIND_VOCABULARY, check.text("kind"), check.answers.kind);
    kind = found.ok ? (found.value as ItemRow["kind"]) : undefined;
    if (!found.ok) check.ask("kind");
  }
  const unitPrice = check.has("unitPrice") ? check.take("unitPrice", nonNegative(check.amount)) : "0.00";
  let leadTimeDays = 0;
  if (check.has("leadTimeDays")) {
    const text = check.text("leadTimeDays").replace(/天|days?$/i, "");
    if (/^\d{1,4}$/.test(text)) leadTimeDays = Number(text);
    else check.fail("leadTimeDays", "number.unreadable", check.text("leadTimeDays"));
  }
  const family = bounded(check, "family", 60);
  const uom = bounded(check, "uom", 10) || "pcs";
  if (check.issues.length || check.lostYen.length || !sku || !kind || unitPrice === undefined) return undefined;
  return { row: check.row, sku, name, kind, family, uom, unitPrice, leadTimeDays };
}

export function cleanStockRow(check: RowChecker): StockRow | undefined {
  const sku = check.take("sku", code(/^[A-Z0-9][A-Z0-9._-]{1,39}$/));
  const location = bounded(check, "location", 40, true).toUpperCase();
  const onHand = check.take("onHand", (cell) => (cellText(cell) === "0" || cell === 0 ? ok("0") : nonNegative(cleanQuantity)(cell)));
  if (check.issues.length || !sku || onHand === undefined) return undefined;
  return { row: check.row, sku, location, onHand };
}
