// Use case: the batch-issue workbook for the invoice requests named (blue ones and red reversals), in the
// layout the finance settings hold (the built-in one unless a newer template was saved). The rows are
// checked again before anything is written: a profile can change between the request and the export.
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import { AppError } from "../core/errors.js";
import { toFen } from "../core/money.js";
import { DEFAULT_LAYOUT, type ExportInvoice, type WorkbookLayout } from "./model/fapiao-layout.js";
import { type Buyer, buyerProblems, type InvoiceProblem, type InvoiceType, MAX_NAME } from "./model/invoice-plan.js";
import { isTaxCode } from "./model/tax-ids.js";
import { problemsError } from "./request-invoices.js";
import { writeFapiaoWorkbook } from "./write-fapiao-workbook.js";

export async function readLayout(db: Kysely<DB>): Promise<WorkbookLayout> {
  const row = await db.selectFrom("finance_settings").select("workbook_layout").where("id", "=", 1).executeTakeFirst();
  return (row?.workbook_layout as WorkbookLayout | null) ?? DEFAULT_LAYOUT;
}

export async function exportInvoices(db: Kysely<DB>, ids: number[]): Promise<{ file: Buffer; invoices: number; lines: number }> {
  const requests = await db.selectFrom("invoice_requests").selectAll().where("id", "in", ids).orderBy("id").execute();
  const missing = ids.find((id) => !requests.some((r) => Number(r.id) === id));
  if (missing !== undefined) throw new AppError("not_found", "finance.request_not_found", { id: missing }, "ids");
  const lines = await db.selectFrom("invoice_request_lines").selectAll().where("request_id", "in", ids).orderBy("request_id").orderBy("row_no").execute();
  const blueNos = new Map(
    (
      await db
        .selectFrom("invoice_requests")
        .select(["id", "invoice_no"])
        .where(
          "id",
          "in",
          requests
            .map((r) => r.reverses_id)
            .filter((x): x is number => x !== null)
            .concat([0]),
        )
        .execute()
    ).map((b) => [Number(b.id), b.invoice_no]),
  );
  const invoices: ExportInvoice[] = requests.map((r) => ({
    serial: r.serial,
    type: r.invoice_type as InvoiceType,
    red: r.kind === "red",
    reversesInvoiceNo: r.reverses_id === null ? null : (blueNos.get(Number(r.reverses_id)) ?? null),
    taxIncluded: r.tax_included,
    buyer: r.buyer as unknown as Buyer,
    note: r.note,
    lines: lines
      .filter((l) => Number(l.request_id) === Number(r.id))
      .map((l) => ({
        name: l.name,
        taxCode: l.tax_code,
        unit: l.unit,
        qty: l.qty,
        unitPrice: l.unit_price,
        amountFen: toFen(r.tax_included ? l.amount : l.net_amount),
        taxRate: r.tax_rate,
      })),
  }));
  const problems: InvoiceProblem[] = [];
  let lineIndex = 0;
  invoices.forEach((inv, i) => {
    problems.push(...buyerProblems(inv.buyer, inv.type, 1).map((p) => ({ ...p, row: 4 + i })));
    for (const l of inv.lines) {
      if (!isTaxCode(l.taxCode))
        problems.push({ sheet: "2-发票明细信息", row: 4 + lineIndex, field: "商品和服务税收编码", reason: "tax_code_digits", value: l.taxCode });
      if ([...l.name].length > MAX_NAME) problems.push({ sheet: "2-发票明细信息", row: 4 + lineIndex, field: "项目名称", reason: "too_long", value: l.name });
      lineIndex++;
    }
  });
  if (problems.length) throw problemsError(problems);
  return { file: await writeFapiaoWorkbook(await readLayout(db), invoices), invoices: invoices.length, lines: lineIndex };
}
