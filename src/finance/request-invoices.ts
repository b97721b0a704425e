// Use case: finance asks for invoices for shipped lines (whole shipments, named lines, or a delivered
// order's lines in one click): one request per 发票流水号 — per tax rate when merged, per order or per
// shipment when split — with exact amounts in fen. Every problem the platform would refuse (a 专票 without
// 税号, a tax code that is not 19 digits, a name over 100 characters) is refused here, naming the row and
// the field, and nothing is written. A line already on a request can never be requested again.
import type { Kysely, Transaction } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { isUniqueViolation } from "../core/db/unique-violation.js";
import { AppError, invalid, refused } from "../core/errors.js";
import { fromFen } from "../core/money.js";
import { plantDay } from "../core/plant-day.js";
import { publishChange } from "../events/publish-change.js";
import { listShippedLines } from "../orders/list-shipped-lines.js";
import { type Buyer, buyerProblems, type InvoiceProblem, type InvoiceType, planInvoices, type Split } from "./model/invoice-plan.js";
import { claimedLines, readItemInvoicing, readSettings } from "./store.js";

export interface InvoiceRequestInput {
  shipments?: number[];
  lines?: { shipment: number; line: number }[];
  orders?: string[];
  /** In bulk: a customer's shipments of one month ('YYYY-MM', plant time). */
  customer?: string;
  month?: string;
  type?: InvoiceType;
  split?: Split;
  taxIncluded?: boolean;
  note?: string;
}

const REASONS: Record<string, string> = {
  required: "必填",
  required_for_special: "专票必填",
  too_long: "超过100个字符",
  tax_id_length: "应为15、18或20位",
  tax_id_characters: "含有不允许的字符",
  tax_id_check_digit: "统一社会信用代码校验位不符",
  tax_code_digits: "应为19位数字",
  item_not_set_up: "物料未维护开票信息",
};

export function problemsError(problems: InvoiceProblem[]): AppError {
  const first = problems[0];
  return new AppError(
    "business_rule",
    "finance.invoice_problems",
    { count: problems.length, sheet: first.sheet, row: first.row, column: first.field, reason: REASONS[first.reason] ?? first.reason },
    first.field,
    { problems },
  );
}

function alreadyClaimed(shipment: number, line: number, claim: { serial: string; status: string; invoiceNo: string | null }, field: string): AppError {
  if (claim.status === "requested") return refused("finance.line_requested", { shipment, line, serial: claim.serial }, field);
  return refused("finance.line_invoiced", { shipment, line, serial: claim.serial, invoiceNo: claim.invoiceNo ?? "" }, field);
}

/** A 流水号 of letters and digits, at most 20: LY + plant day + the request's number. */
export const serialOf = (id: number, day: string) => `LY${day.replaceAll("-", "")}${String(id).padStart(6, "0")}`;

export async function requestInvoices(db: Kysely<DB>, principal: Principal, input: InvoiceRequestInput) {
  const bulk = input.customer && input.month ? { customer: input.customer, month: input.month } : undefined;
  if (!input.shipments?.length && !input.lines?.length && !input.orders?.length && !bulk) throw invalid("shipments", "field.required", {});
  const ids = await db.transaction().execute(async (tx) => {
    const shipmentIds = [...new Set([...(input.shipments ?? []), ...(input.lines ?? []).map((l) => l.shipment)])];
    const { ledgerStart } = await readSettings(tx);
    // What shipped before the ledger started was invoiced in the previous system.
    const scope = bulk ? { customers: [bulk.customer] } : input.orders?.length ? { orderNos: input.orders } : { shipmentIds };
    const found = await listShippedLines(tx, { ...scope, shippedSince: ledgerStart });
    // A month in plant time (UTC+8), as the people who ask for it count it.
    const inMonth = (at: string) => new Date(Date.parse(at) + 8 * 3_600_000).toISOString().slice(0, 7) === bulk?.month;
    const picked = bulk
      ? found.filter((l) => inMonth(l.shippedAt))
      : input.orders?.length
        ? found
        : found.filter((l) => input.shipments?.includes(l.shipmentId) || input.lines?.some((x) => x.shipment === l.shipmentId && x.line === l.line));
    if (input.lines) {
      input.lines.forEach((l, i) => {
        if (!found.some((f) => f.shipmentId === l.shipment && f.line === l.line)) throw invalid(`lines[${i}]`, "finance.nothing_to_invoice");
      });
    }
    const customers = [...new Set(picked.map((l) => l.customer))];
    if (customers.length > 1) throw refused("finance.one_customer", { customers: customers.join("、") }, "shipments");
    const claimed = await claimedLines(
      tx,
      picked.map((l) => l.shipmentId),
    );
    // A whole shipment or order asks for what is left of it; a line named by hand must be free.
    for (const [i, l] of (input.lines ?? []).entries()) {
      const claim = claimed.get(`${l.shipment}|${l.line}`);
      if (claim) throw alreadyClaimed(l.shipment, l.line, claim, `lines[${i}]`);
    }
    const open = picked.filter((l) => !claimed.has(`${l.shipmentId}|${l.line}`));
    if (!open.length) {
      const first = picked[0];
      const claim = first && claimed.get(`${first.shipmentId}|${first.line}`);
      if (claim) throw alreadyClaimed(first.shipmentId, first.line, claim, bulk ? "month" : input.orders?.length ? "orders" : "shipments");
      throw refused("finance.nothing_to_invoice", {}, "shipments");
    }
    const customer = customers[0];
    const profile = await tx.selectFrom("invoicing_profiles").selectAll().where("customer_code", "=", customer).executeTakeFirst();
    if (!profile) throw refused("finance.no_profile", { code: customer }, "customer");
    const type = input.type ?? (profile.default_type as InvoiceType);
    const taxIncluded = input.taxIncluded ?? true;
    const items = await readItemInvoicing(
      tx,
      open.map((l) => l.sku),
    );
    const plan = planInvoices(open, items, { split: input.split ?? "rate", taxIncluded });
    const buyer: Buyer = {
      name: profile.buyer_name,
      taxId: profile.tax_id,
      address: profile.address,
      phone: profile.phone,
      bankName: profile.bank_name,
      bankAccount: profile.bank_account,
      email: profile.email,
    };
    const problems = [...buyerProblems(buyer, type, Math.max(plan.invoices.length, 1)), ...plan.problems];
    if (problems.length) throw problemsError(problems);
    const out: number[] = [];
    try {
      for (const invoice of plan.invoices)
        out.push(await insertRequest(tx, principal, { customer, type, taxIncluded, buyer, note: input.note ?? "", invoice }));
    } catch (error) {
      // Another request took one of these lines at the same moment.
      if (isUniqueViolation(error)) throw new AppError("conflict", "finance.line_requested", { shipment: "", line: "", serial: "" }, "shipments");
      throw error;
    }
    await publishChange(tx, { kind: "finance", action: "invoice", customer });
    return out;
  });
  return { requests: await Promise.all(ids.map((id) => getInvoiceRequestView(db, id))) };
}

export async function insertRequest(
  tx: Transaction<DB>,
  principal: Principal,
  r: { customer: string; type: InvoiceType; taxIncluded: boolean; buyer: Buyer; note: string; invoice: ReturnType<typeof planInvoices>["invoices"][number] },
): Promise<number> {
  const row = await tx
    .insertInto("invoice_requests")
    .values({
      serial: `pending-${crypto.randomUUID()}`,
      customer_code: r.customer,
      invoice_type: r.type,
      tax_rate: r.invoice.taxRate,
      tax_included: r.taxIncluded,
      buyer: JSON.stringify(r.buyer),
      amount: fromFen(r.invoice.amountFen),
      net_amount: fromFen(r.invoice.netFen),
      tax_amount: fromFen(r.invoice.taxFen),
      note: r.note,
      created_by: principal.name,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const id = Number(row.id);
  await tx
    .updateTable("invoice_requests")
    .set({ serial: serialOf(id, plantDay(new Date())) })
    .where("id", "=", id)
    .execute();
  await tx
    .insertInto("invoice_request_lines")
    .values(
      r.invoice.lines.map((l, i) => ({
        request_id: id,
        row_no: i + 1,
        shipment_id: l.shipmentId,
        order_no: l.orderNo,
        order_line: l.orderLine,
        sku: l.sku,
        name: l.name,
        tax_code: l.taxCode,
        unit: l.unit,
        qty: l.qty,
        unit_price: l.unitPrice,
        amount: fromFen(l.amountFen),
        net_amount: fromFen(l.netFen),
        tax_amount: fromFen(l.taxFen),
        claims: true,
      })),
    )
    .execute();
  return id;
}

const TYPE_NAMES = { special: "增值税专用发票", normal: "普通发票" } as const;

export async function getInvoiceRequestView(db: Kysely<DB> | Transaction<DB>, id: number) {
  const r = await db.selectFrom("invoice_requests").selectAll().where("id", "=", id).executeTakeFirst();
  if (!r) throw new AppError("not_found", "finance.request_not_found", { id }, "id");
  const lines = await db.selectFrom("invoice_request_lines").selectAll().where("request_id", "=", id).orderBy("row_no").execute();
  const reversal = await db.selectFrom("invoice_requests").select(["id", "serial", "status"]).where("reverses_id", "=", id).executeTakeFirst();
  return {
    id: Number(r.id),
    serial: r.serial,
    customer: r.customer_code,
    type: r.invoice_type as InvoiceType,
    typeName: TYPE_NAMES[r.invoice_type as InvoiceType],
    kind: r.kind as "blue" | "red",
    reverses: r.reverses_id === null ? null : Number(r.reverses_id),
    reversedBy: reversal ? { id: Number(reversal.id), serial: reversal.serial, status: reversal.status } : null,
    status: r.status as "requested" | "issued" | "reversed",
    taxRate: r.tax_rate,
    taxIncluded: r.tax_included,
    buyer: r.buyer as unknown as Buyer,
    amount: r.amount,
    netAmount: r.net_amount,
    taxAmount: r.tax_amount,
    note: r.note,
    invoiceNo: r.invoice_no,
    issuedOn: r.issued_on,
    dueOn: r.due_on,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
    lines: lines.map((l) => ({
      row: l.row_no,
      shipment: Number(l.shipment_id),
      orderNo: l.order_no,
      line: l.order_line,
      sku: l.sku,
      name: l.name,
      taxCode: l.tax_code,
      unit: l.unit,
      qty: l.qty,
      unitPrice: l.unit_price,
      amount: l.amount,
      netAmount: l.net_amount,
      taxAmount: l.tax_amount,
    })),
  };
}
