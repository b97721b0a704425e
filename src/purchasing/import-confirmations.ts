// Use case: a supplier's confirmations come back in its Excel (the purchase order's sheet, or any sheet
// with the columns 采购单号, 行号, 确认交期, 确认数量). A dry run says per row what would change and writes
// nothing; the real run applies every row in one transaction (all or nothing), then re-plans once and
// tells the owners of the affected orders.
import ExcelJS from "exceljs";
import type { Kysely } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { AppError } from "../core/errors.js";
import { plantDay } from "../core/plant-day.js";
import { applyLineChange } from "./change-purchase-line.js";
import { type RowProblem, readConfirmationRows } from "./model/confirmation-rows.js";
import { expectedDate } from "./model/lines.js";
import { CONFIRMATION_HEADERS } from "./purchase-order-xlsx.js";
import { type LineMove, replanAndTell } from "./tell-affected-orders.js";

async function readSheet(buffer: Buffer) {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(buffer as never);
  } catch (error) {
    throw new AppError("invalid", "import.file_corrupt", { file: "confirmations.xlsx", detail: (error as Error).message }, "file");
  }
  for (const sheet of book.worksheets) {
    const header = sheet.getRow(1);
    const at = new Map<string, number>();
    header.eachCell((cell, col) => at.set(String(cell.value ?? "").trim(), col));
    const cols = {
      poNo: at.get(CONFIRMATION_HEADERS.poNo),
      line: at.get(CONFIRMATION_HEADERS.line),
      date: at.get(CONFIRMATION_HEADERS.confirmedDate),
      qty: at.get(CONFIRMATION_HEADERS.qty),
    };
    if (!cols.poNo || !cols.line || !(cols.date || cols.qty)) continue;
    const cells: { row: number; poNo: unknown; line: unknown; confirmedDate: unknown; qty: unknown }[] = [];
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const get = (c?: number) => {
        if (!c) return null;
        const v = row.getCell(c).value;
        return v && typeof v === "object" && !(v instanceof Date) && "result" in v ? (v as { result: unknown }).result : v;
      };
      cells.push({ row: n, poNo: get(cols.poNo), line: get(cols.line), confirmedDate: get(cols.date), qty: get(cols.qty) });
    });
    return cells;
  }
  throw new AppError(
    "invalid",
    "field.invalid",
    { field: "file", detail: `no sheet with the columns ${Object.values(CONFIRMATION_HEADERS).join(", ")}` },
    "file",
  );
}

export async function importConfirmations(db: Kysely<DB>, principal: Principal, buffer: Buffer, options: { dryRun: boolean }) {
  const today = plantDay(new Date());
  const { rows, problems } = readConfirmationRows(await readSheet(buffer));
  const results: { row: number; poNo: string; line: number; from: string; to: string; qty: number | null; changes: boolean }[] = [];
  const refused: RowProblem[] = [...problems];
  const moves: LineMove[] = [];
  // Dry run: the same checks and writes, rolled back.
  class DryRun extends Error {}
  try {
    await db.transaction().execute(async (tx) => {
      for (const r of rows) {
        const before = await tx
          .selectFrom("purchase_order_lines")
          .select(["requested_date", "confirmed_date", "qty"])
          .where("po_no", "=", r.poNo)
          .where("line_no", "=", r.line)
          .executeTakeFirst();
        try {
          const move = await applyLineChange(tx, principal.name, r.poNo, r.line, null, { confirmedDate: r.confirmedDate, qty: r.qty }, today);
          if (move) moves.push(move);
          const from = before ? expectedDate({ requestedDate: before.requested_date, confirmedDate: before.confirmed_date }) : "";
          results.push({ row: r.row, poNo: r.poNo, line: r.line, from, to: r.confirmedDate ?? from, qty: r.qty ?? null, changes: move !== null });
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          refused.push({ row: r.row, field: error.field ?? "row", reason: error.message });
        }
      }
      if (options.dryRun || refused.length) throw new DryRun();
    });
  } catch (error) {
    if (!(error instanceof DryRun)) throw error;
  }
  const applied = !options.dryRun && refused.length === 0;
  const affected = applied && moves.length ? await replanAndTell(db, principal.name, moves) : [];
  return { dryRun: options.dryRun, applied, rows: results, refused, affected };
}
