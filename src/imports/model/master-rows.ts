// Rows of the master-data imports: customers, items, and stock balances.
import { type Cell, type Cleaned, cellText, fail, ok } from "./cell.js";
import { cleanAmount, cleanQuantity } from "./clean-number.js";
import type { RowChecker } from "./issues.js";

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

const GRADES = new Map([
  ["A", "A"],
  ["B", "B"],
  ["C", "C"],
  ["D", "D"],
  ["A级", "A"],
  ["B级", "B"],
  ["C级", "C"],
  ["D级", "D"],
]);

const KINDS = new Map<string, ItemRow["kind"]>([
  ["成品", "finished"],
  ["产成品", "finished"],
  ["finished", "finished"],
  ["半成品", "subassembly"],
  ["组件", "subassembly"],
  ["subassembly", "subassembly"],
  ["外购件", "purchased"],
  ["原材料", "purchased"],
  ["原料", "purchased"],
  ["采购件", "purchased"],
  ["purchased", "purchased"],
]);

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
    grade = GRADES.get(check.text("grade").toUpperCase());
    if (!grade) check.fail("grade", "grade.unknown", check.text("grade"));
  }
  const creditLimit = check.has("creditLimit") ? check.take("creditLimit", nonNegative(cleanAmount)) : undefined;
  const contactName = bounded(check, "contactName", 60);
  const contactPhone = bounded(check, "contactPhone", 30);
  const region = bounded(check, "region", 60);
  if (check.issues.length) return undefined;
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
    kind = KINDS.get(check.text("kind").toLowerCase());
    if (!kind) check.fail("kind", "kind.unknown", check.text("kind"));
  }
  const unitPrice = check.has("unitPrice") ? check.take("unitPrice", nonNegative(cleanAmount)) : "0.00";
  let leadTimeDays = 0;
  if (check.has("leadTimeDays")) {
    const text = check.text("leadTimeDays").replace(/天|days?$/i, "");
    if (/^\d{1,4}$/.test(text)) leadTimeDays = Number(text);
    else check.fail("leadTimeDays", "number.unreadable", check.text("leadTimeDays"));
  }
  const family = bounded(check, "family", 60);
  const uom = bounded(check, "uom", 10) || "pcs";
  if (check.issues.length || !sku || !kind || unitPrice === undefined) return undefined;
  return { row: check.row, sku, name, kind, family, uom, unitPrice, leadTimeDays };
}

export function cleanStockRow(check: RowChecker): StockRow | undefined {
  const sku = check.take("sku", code(/^[A-Z0-9][A-Z0-9._-]{1,39}$/));
  const location = bounded(check, "location", 40, true).toUpperCase();
  const onHand = check.take("onHand", (cell) => (cellText(cell) === "0" || cell === 0 ? ok("0") : nonNegative(cleanQuantity)(cell)));
  if (check.issues.length || !sku || onHand === undefined) return undefined;
  return { row: check.row, sku, location, onHand };
}
