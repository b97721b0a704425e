// A supplier's confirmation sheet read row by row (pure): PO number, line, confirmed date, quantity.
// Dates come as Excel dates or as text (2027-05-10, 2027/5/10, 2027.5.10); a row with neither a date nor
// a quantity is skipped (the supplier has not answered that line yet).

export interface ConfirmationRow {
  row: number;
  poNo: string;
  line: number;
  confirmedDate?: string;
  qty?: number;
}
export interface RowProblem {
  row: number;
  field: string;
  reason: string;
}

const pad = (n: number) => String(n).padStart(2, "0");

export function readDate(v: unknown): string | null {
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  if (typeof v === "string") {
    const m = /^\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?\s*$/.exec(v);
    if (!m) return null;
    const d = `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`;
    return new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d ? d : null;
  }
  return null;
}

const blank = (v: unknown) => v === null || v === undefined || (typeof v === "string" && !v.trim());

export function readConfirmationRows(cells: { row: number; poNo: unknown; line: unknown; confirmedDate: unknown; qty: unknown }[]) {
  const rows: ConfirmationRow[] = [];
  const problems: RowProblem[] = [];
  for (const c of cells) {
    if (blank(c.poNo) && blank(c.line)) continue;
    if (blank(c.confirmedDate) && blank(c.qty)) continue;
    const poNo = String(c.poNo ?? "").trim();
    const line = Number(c.line);
    if (!/^PO\d{8}-\d{4,}$/.test(poNo)) problems.push({ row: c.row, field: "poNo", reason: "not a purchase order number" });
    else if (!Number.isInteger(line) || line < 1) problems.push({ row: c.row, field: "line", reason: "not a line number" });
    else {
      const date = blank(c.confirmedDate) ? undefined : readDate(c.confirmedDate);
      const qty = blank(c.qty) ? undefined : Number(c.qty);
      if (date === null) problems.push({ row: c.row, field: "confirmedDate", reason: "not a date" });
      else if (qty !== undefined && !(qty > 0)) problems.push({ row: c.row, field: "qty", reason: "not a quantity above 0" });
      else rows.push({ row: c.row, poNo, line, ...(date ? { confirmedDate: date } : {}), ...(qty !== undefined ? { qty } : {}) });
    }
  }
  return { rows, problems };
}
