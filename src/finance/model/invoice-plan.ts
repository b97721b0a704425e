// Plans invoice requests from shipped lines: each line gets its item's invoicing (name, 税收分类编码, rate,
// unit) and exact amounts; lines group into one invoice per tax rate (merged), or per order or per
// shipment (split). Every problem names the workbook row and the field, so nothing half-right is exported.
import { invoiceRow, lineRow } from "./fapiao-layout.js";
import { splitTax, unitPrice } from "./invoice-amounts.js";
import { isTaxCode, taxIdProblem } from "./tax-ids.js";

export interface ShippedLine {
  shipmentId: number;
  orderNo: string;
  line: number;
  sku: string;
  qty: number;
  /** The order line's unit price (tax-inclusive), decimal yuan. */
  unitPrice: string;
  /** qty × unit price in fen. */
  amountFen: bigint;
  shippedAt: string;
}

export interface ItemInvoicing {
  sku: string;
  taxCode: string;
  taxRate: number;
  invoiceName: string;
  unit: string;
}

export interface Buyer {
  name: string;
  taxId: string;
  address: string;
  phone: string;
  bankName: string;
  bankAccount: string;
  email: string;
}

export type InvoiceType = "special" | "normal";
export type Split = "rate" | "order" | "shipment";

export interface PlannedLine {
  shipmentId: number;
  orderNo: string;
  orderLine: number;
  sku: string;
  name: string;
  taxCode: string;
  unit: string;
  qty: number;
  /** The printed unit price: tax-inclusive or not, as the invoice is. */
  unitPrice: string;
  amountFen: bigint;
  netFen: bigint;
  taxFen: bigint;
}

export interface PlannedInvoice {
  taxRate: number;
  lines: PlannedLine[];
  amountFen: bigint;
  netFen: bigint;
  taxFen: bigint;
}

export interface InvoiceProblem {
  sheet: "1-发票基本信息" | "2-发票明细信息";
  /** The workbook row the problem would be on (data starts at row 4). */
  row: number;
  field: string;
  reason: string;
  value?: string;
}

export const MAX_NAME = 100;

/** What is wrong with the buyer for this invoice type (on every invoice row of the request). */
export function buyerProblems(buyer: Buyer, type: InvoiceType, invoices: number): InvoiceProblem[] {
  const problems: Omit<InvoiceProblem, "sheet" | "row">[] = [];
  if (!buyer.name.trim()) problems.push({ field: "购买方名称", reason: "required" });
  else if ([...buyer.name].length > MAX_NAME) problems.push({ field: "购买方名称", reason: "too_long", value: buyer.name });
  if (!buyer.taxId) {
    if (type === "special") problems.push({ field: "购买方纳税人识别号", reason: "required_for_special" });
  } else {
    const problem = taxIdProblem(buyer.taxId);
    if (problem) problems.push({ field: "购买方纳税人识别号", reason: `tax_id_${problem}`, value: buyer.taxId });
  }
  return Array.from({ length: invoices }, (_, i) => problems.map((p) => ({ ...p, sheet: "1-发票基本信息" as const, row: invoiceRow(i) }))).flat();
}

function groupKey(line: ShippedLine, rate: number, split: Split): string {
  if (split === "shipment") return `${line.shipmentId}|${rate}`;
  if (split === "order") return `${line.orderNo}|${rate}`;
  return String(rate);
}

/** Invoices (one per group, in the order their first line was picked) with the problems found on their rows. */
export function planInvoices(
  lines: ShippedLine[],
  items: Map<string, ItemInvoicing>,
  options: { split: Split; taxIncluded: boolean },
): { invoices: PlannedInvoice[]; problems: InvoiceProblem[] } {
  const groups = new Map<string, PlannedInvoice>();
  const missing: { line: ShippedLine; index: number }[] = [];
  lines.forEach((line, index) => {
    const item = items.get(line.sku);
    if (!item) {
      missing.push({ line, index });
      return;
    }
    const { net, tax } = splitTax(line.amountFen, item.taxRate);
    const key = groupKey(line, item.taxRate, options.split);
    const invoice = groups.get(key) ?? { taxRate: item.taxRate, lines: [], amountFen: 0n, netFen: 0n, taxFen: 0n };
    invoice.lines.push({
      shipmentId: line.shipmentId,
      orderNo: line.orderNo,
      orderLine: line.line,
      sku: line.sku,
      name: item.invoiceName,
      taxCode: item.taxCode,
      unit: item.unit,
      qty: line.qty,
      unitPrice: options.taxIncluded ? unitPrice(line.amountFen, line.qty) : unitPrice(net, line.qty),
      amountFen: line.amountFen,
      netFen: net,
      taxFen: tax,
    });
    invoice.amountFen += line.amountFen;
    invoice.netFen += net;
    invoice.taxFen += tax;
    groups.set(key, invoice);
  });
  const invoices = [...groups.values()];
  const problems: InvoiceProblem[] = missing.map(({ line }, i) => ({
    sheet: "2-发票明细信息",
    row: lineRow(invoices.reduce((n, inv) => n + inv.lines.length, 0) + i),
    field: "商品和服务税收编码",
    reason: "item_not_set_up",
    value: line.sku,
  }));
  let row = 0;
  for (const invoice of invoices) {
    for (const line of invoice.lines) {
      if (!isTaxCode(line.taxCode))
        problems.push({ sheet: "2-发票明细信息", row: lineRow(row), field: "商品和服务税收编码", reason: "tax_code_digits", value: line.taxCode });
      if ([...line.name].length > MAX_NAME)
        problems.push({ sheet: "2-发票明细信息", row: lineRow(row), field: "项目名称", reason: "too_long", value: line.name });
      row++;
    }
  }
  return { invoices, problems };
}
