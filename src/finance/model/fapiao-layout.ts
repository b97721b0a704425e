// The tax platform's batch-issue workbook (数电票批量开具): which sheets, the instruction row, the limits
// row, the header row and where each header's value comes from. The layout is data: a newer template is a
// new layout (headers renamed, moved or added) saved in the finance settings, read by header name.
import { fromFen } from "../../core/money.js";
import type { Buyer, InvoiceType } from "./invoice-plan.js";

/** Data starts on row 4: row 1 instructions, row 2 limits, row 3 headers. */
export const FIRST_DATA_ROW = 4;
export const invoiceRow = (index: number) => FIRST_DATA_ROW + index;
export const lineRow = (index: number) => FIRST_DATA_ROW + index;

export interface ExportLine {
  name: string;
  taxCode: string;
  unit: string;
  qty: number;
  unitPrice: string;
  /** The printed amount: tax-inclusive when the invoice is, net otherwise. */
  amountFen: bigint;
  taxRate: number;
}

export interface ExportInvoice {
  serial: string;
  type: InvoiceType;
  red: boolean;
  /** The blue invoice a red one reverses. */
  reversesInvoiceNo: string | null;
  taxIncluded: boolean;
  buyer: Buyer;
  note: string;
  lines: ExportLine[];
}

const INVOICE_FIELDS = {
  serial: (i: ExportInvoice) => i.serial,
  invoiceType: (i: ExportInvoice) => (i.type === "special" ? "增值税专用发票" : "普通发票"),
  taxIncluded: (i: ExportInvoice) => (i.taxIncluded ? "是" : "否"),
  naturalPerson: () => "否",
  buyerName: (i: ExportInvoice) => i.buyer.name,
  buyerTaxId: (i: ExportInvoice) => i.buyer.taxId,
  buyerAddress: (i: ExportInvoice) => i.buyer.address,
  buyerPhone: (i: ExportInvoice) => i.buyer.phone,
  buyerBank: (i: ExportInvoice) => i.buyer.bankName,
  buyerAccount: (i: ExportInvoice) => i.buyer.bankAccount,
  showAddress: (i: ExportInvoice) => (i.buyer.address || i.buyer.phone ? "是" : "否"),
  showBank: (i: ExportInvoice) => (i.buyer.bankName || i.buyer.bankAccount ? "是" : "否"),
  email: (i: ExportInvoice) => i.buyer.email,
  note: (i: ExportInvoice) => (i.red && i.reversesInvoiceNo ? `被红冲蓝字数电发票号码：${i.reversesInvoiceNo}${i.note ? `；${i.note}` : ""}` : i.note),
  blank: () => "",
} as const;

const LINE_FIELDS = {
  serial: (i: ExportInvoice) => i.serial,
  name: (_: ExportInvoice, l: ExportLine) => l.name,
  taxCode: (_: ExportInvoice, l: ExportLine) => l.taxCode,
  spec: () => "",
  unit: (_: ExportInvoice, l: ExportLine) => l.unit,
  qty: (_: ExportInvoice, l: ExportLine) => String(l.qty),
  unitPrice: (_: ExportInvoice, l: ExportLine) => l.unitPrice,
  amount: (_: ExportInvoice, l: ExportLine) => fromFen(l.amountFen),
  taxRate: (_: ExportInvoice, l: ExportLine) => (l.taxRate === 0 ? "0" : `0.${String(l.taxRate).padStart(2, "0")}`),
  discount: () => "",
  preferential: () => "",
  blank: () => "",
} as const;

export type InvoiceField = keyof typeof INVOICE_FIELDS;
export type LineField = keyof typeof LINE_FIELDS;
export const INVOICE_FIELD_NAMES = Object.keys(INVOICE_FIELDS) as InvoiceField[];
export const LINE_FIELD_NAMES = Object.keys(LINE_FIELDS) as LineField[];

export interface LayoutColumn {
  header: string;
  limit: string;
  field: string;
}

export interface LayoutSheet {
  name: string;
  /** invoices: one row per invoice; lines: one row per detail line; none: an optional sheet left empty. */
  rows: "invoices" | "lines" | "none";
  instructions: string;
  columns: LayoutColumn[];
}

export interface WorkbookLayout {
  version: string;
  sheets: LayoutSheet[];
}

const col = (header: string, limit: string, field: string): LayoutColumn => ({ header, limit, field });

/** The layout of the platform's template as of 2024 (V1.0.6 of 数电票批量开具模板). */
export const DEFAULT_LAYOUT: WorkbookLayout = {
  version: "2024-V1.0.6",
  sheets: [
    {
      name: "1-发票基本信息",
      rows: "invoices",
      instructions:
        "填写说明：1. 第1行为说明，第2行为填写限制，第3行为表头，请从第4行开始填写；2. 发票流水号用于关联明细信息，同一文件内不可重复；3. 所有单元格均为文本格式。",
      columns: [
        col("发票流水号", "必填；最长20位，字母或数字", "serial"),
        col("发票类型", "必填；增值税专用发票/普通发票", "invoiceType"),
        col("特定业务类型", "非必填", "blank"),
        col("是否含税", "必填；是/否", "taxIncluded"),
        col("受票方自然人标识", "非必填；是/否", "naturalPerson"),
        col("购买方名称", "必填；最长100个字符", "buyerName"),
        col("购买方纳税人识别号", "专票必填；15、18或20位", "buyerTaxId"),
        col("购买方地址", "非必填；最长100个字符", "buyerAddress"),
        col("购买方电话", "非必填；最长60个字符", "buyerPhone"),
        col("购买方开户银行", "非必填；最长100个字符", "buyerBank"),
        col("购买方银行账号", "非必填；最长100个字符", "buyerAccount"),
        col("是否展示购买方地址电话", "非必填；是/否", "showAddress"),
        col("是否展示购买方银行账号", "非必填；是/否", "showBank"),
        col("备注", "非必填；最长200个字符", "note"),
        col("收票人邮箱", "非必填", "email"),
      ],
    },
    {
      name: "2-发票明细信息",
      rows: "lines",
      instructions: "填写说明：每行一条明细，发票流水号须与“1-发票基本信息”一致；金额 = 数量 × 单价（误差不超过0.01元）；税率填小数，如0.13。",
      columns: [
        col("发票流水号", "必填；与发票基本信息一致", "serial"),
        col("项目名称", "必填；最长100个字符", "name"),
        col("商品和服务税收编码", "必填；19位数字", "taxCode"),
        col("规格型号", "非必填；最长40个字符", "spec"),
        col("单位", "非必填；最长20个字符", "unit"),
        col("数量", "非必填；最多13位小数", "qty"),
        col("单价", "非必填；最多13位小数", "unitPrice"),
        col("金额", "必填；2位小数", "amount"),
        col("税率", "必填；如0.13", "taxRate"),
        col("折扣金额", "非必填", "discount"),
        col("优惠政策类型", "非必填", "preferential"),
      ],
    },
    {
      name: "3-特定业务信息",
      rows: "none",
      instructions: "填写说明：特定业务（建筑服务、不动产租赁、货物运输等）填写本页；一般销售无需填写。",
      columns: [col("发票流水号", "必填", "serial"), col("特定业务要素", "按业务类型填写", "blank")],
    },
    {
      name: "4-附加要素信息",
      rows: "none",
      instructions: "填写说明：需要在发票上展示的附加要素填写本页；无需展示时不填写。",
      columns: [col("发票流水号", "必填", "serial"), col("附加要素名称", "非必填", "blank"), col("附加要素值", "非必填", "blank")],
    },
  ],
};

/** Problems of a configured layout: a field it names that we do not fill, a required sheet missing. */
export function layoutProblems(layout: WorkbookLayout): string[] {
  const problems: string[] = [];
  const kinds = layout.sheets.map((s) => s.rows);
  if (!kinds.includes("invoices")) problems.push("no sheet of rows: invoices");
  if (!kinds.includes("lines")) problems.push("no sheet of rows: lines");
  layout.sheets.forEach((sheet, s) => {
    const names: readonly string[] = sheet.rows === "lines" ? LINE_FIELD_NAMES : INVOICE_FIELD_NAMES;
    sheet.columns.forEach((c, i) => {
      if (sheet.rows !== "none" && !names.includes(c.field)) problems.push(`sheets[${s}].columns[${i}].field: ${c.field}`);
    });
    if (sheet.rows !== "none" && !sheet.columns.some((c) => c.field === "serial")) problems.push(`sheets[${s}]: no serial column`);
  });
  return problems;
}

/** Every sheet's rows as text: instructions, limits, headers, then the data. */
export function workbookRows(layout: WorkbookLayout, invoices: ExportInvoice[]): { name: string; rows: string[][] }[] {
  return layout.sheets.map((sheet) => {
    const head = [[sheet.instructions], sheet.columns.map((c) => c.limit), sheet.columns.map((c) => c.header)];
    let data: string[][] = [];
    if (sheet.rows === "invoices") {
      const getters = sheet.columns.map((c) => INVOICE_FIELDS[c.field as InvoiceField] ?? INVOICE_FIELDS.blank);
      data = invoices.map((inv) => getters.map((get) => get(inv)));
    } else if (sheet.rows === "lines") {
      const getters = sheet.columns.map((c) => LINE_FIELDS[c.field as LineField] ?? LINE_FIELDS.blank);
      data = invoices.flatMap((inv) => inv.lines.map((line) => getters.map((get) => get(inv, line))));
    }
    return { name: sheet.name, rows: [...head, ...data] };
  });
}
