// Pure rules of the installed base: serial numbers of delivered units, warranty dates, import rows.
export const DEFAULT_WARRANTY_MONTHS = 12;
/** Months of warranty on a part replaced in a service visit when its item names none. */
export const DEFAULT_PART_WARRANTY_MONTHS = 6;

/** `<SKU>-<orderNo>-<n>`: the same order always yields the same serials, n counting units of one SKU. */
export function deliveredSerials(orderNo: string, lines: { line_no: number; sku: string; qty: number }[]) {
  const counters = new Map<string, number>();
  const units: { serial: string; sku: string; lineNo: number }[] = [];
  for (const line of [...lines].sort((a, b) => a.line_no - b.line_no)) {
    for (let i = 0; i < line.qty; i++) {
      const n = (counters.get(line.sku) ?? 0) + 1;
      counters.set(line.sku, n);
      units.push({ serial: `${line.sku}-${orderNo}-${n}`, sku: line.sku, lineNo: line.line_no });
    }
  }
  return units;
}

/** The same day `months` later; the 31st of a shorter month becomes its last day. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split("-").map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

export function warrantyUntil(installedOn: string, months: number | null | undefined): string {
  return addMonths(installedOn, months ?? DEFAULT_WARRANTY_MONTHS);
}

export interface ImportRow {
  serial: string;
  sku: string;
  customer: string;
  site?: string;
  installedOn: string;
  warrantyUntil?: string;
  orderNo?: string;
}

export interface RowError {
  row: number;
  field: string;
  reason: string;
}

/** Checks the rows against master data and each other; rows are numbered from 1 as a person counts them. */
export function checkImportRows(
  rows: ImportRow[],
  known: { skus: Set<string>; customers: Set<string>; serials: Set<string>; orders: Set<string> },
): RowError[] {
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  rows.forEach((r, i) => {
    const row = i + 1;
    if (!known.skus.has(r.sku)) errors.push({ row, field: "sku", reason: `unknown item ${r.sku}` });
    if (!known.customers.has(r.customer)) errors.push({ row, field: "customer", reason: `unknown customer ${r.customer}` });
    if (r.orderNo && !known.orders.has(r.orderNo)) errors.push({ row, field: "orderNo", reason: `unknown order ${r.orderNo}` });
    if (known.serials.has(r.serial)) errors.push({ row, field: "serial", reason: `serial ${r.serial} is already registered` });
    const first = seen.get(r.serial);
    if (first) errors.push({ row, field: "serial", reason: `serial ${r.serial} repeats row ${first}` });
    else seen.set(r.serial, row);
    if (r.warrantyUntil && r.warrantyUntil < r.installedOn) errors.push({ row, field: "warrantyUntil", reason: "before installedOn" });
  });
  return errors;
}
