// Schemas of the finance routes (they are also the OpenAPI the web app's types come from).
import { z } from "zod";
import { isoDate, money } from "../core/http/schemas.js";
import { TAX_RATES } from "./model/tax-ids.js";

const text = (max: number) => z.string().trim().max(max);
const signedMoney = z.string().describe("decimal yuan, negative on a red invoice");

export const customerParams = z.object({ code: z.string().min(1).max(40) });
export const idParams = z.object({ id: z.coerce.number().int().min(1) });
export const skuParams = z.object({ sku: z.string().min(1).max(60) });

export const profileBody = z.strictObject({
  buyerName: z.string().trim().min(1).max(100).describe("购买方名称"),
  taxId: text(20).default("").describe("纳税人识别号: 15, 18 (unified social credit code, check digit) or 20 characters"),
  address: text(100).optional(),
  phone: text(60).optional(),
  bankName: text(100).optional(),
  bankAccount: text(100).optional(),
  email: z.union([z.email().max(100), z.literal("")]).optional(),
  defaultType: z.enum(["special", "normal"]).describe("专用发票 / 普通发票"),
  paymentDays: z.number().int().min(0).max(365).optional().describe("days from the invoice date to its due date (30 unless set)"),
});

export const profileReply = z.object({
  customer: z.string(),
  customerName: z.string(),
  profile: z
    .object({
      buyerName: z.string(),
      taxId: z.string(),
      address: z.string(),
      phone: z.string(),
      bankName: z.string(),
      bankAccount: z.string(),
      email: z.string(),
      defaultType: z.enum(["special", "normal"]),
      paymentDays: z.number(),
      version: z.number(),
      updatedBy: z.string(),
      updatedAt: z.string(),
    })
    .nullable(),
});

export const itemInvoicingBody = z.strictObject({
  taxCode: z.string().trim().describe("税收分类编码, 19 digits"),
  taxRate: z
    .number()
    .int()
    .describe(`VAT rate in percent: ${TAX_RATES.join(", ")}`),
  invoiceName: z.string().trim().min(1).max(100),
  unit: text(20).optional(),
});
export const itemInvoicingReply = z.object({ sku: z.string(), taxCode: z.string(), taxRate: z.number(), invoiceName: z.string(), unit: z.string() });

export const invoiceRequestBody = z
  .strictObject({
    shipments: z.array(z.number().int().min(1)).min(1).max(500).optional().describe("whole shipments (what of them is not yet on a request)"),
    lines: z
      .array(z.strictObject({ shipment: z.number().int().min(1), line: z.number().int().min(1) }))
      .min(1)
      .max(2000)
      .optional()
      .describe("shipment lines named one by one"),
    orders: z
      .array(z.string().regex(/^DH\d{11,}$/))
      .min(1)
      .max(200)
      .optional()
      .describe("every shipped line of these orders (one click from a delivered order)"),
    customer: z.string().min(1).max(40).optional().describe("with month: in bulk, everything this customer was shipped that month and not yet requested"),
    month: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "YYYY-MM")
      .optional(),
    type: z.enum(["special", "normal"]).optional().describe("the customer's default unless given"),
    split: z.enum(["rate", "order", "shipment"]).optional().describe("one invoice per tax rate (merged, default), per order or per shipment"),
    taxIncluded: z.boolean().optional().describe("amounts and unit prices printed tax-inclusive (default) or net"),
    note: text(200).optional(),
  })
  .refine((b) => b.shipments || b.lines || b.orders || (b.customer && b.month), {
    message: "shipments, lines, orders, or customer and month",
    path: ["shipments"],
  })
  .refine((b) => !b.customer === !b.month, { message: "customer and month go together", path: ["month"] });

export const invoiceRequestView = z.object({
  id: z.number(),
  serial: z.string().describe("发票流水号"),
  customer: z.string(),
  type: z.enum(["special", "normal"]),
  typeName: z.string(),
  kind: z.enum(["blue", "red"]),
  reverses: z.number().nullable(),
  reversedBy: z.object({ id: z.number(), serial: z.string(), status: z.string() }).nullable(),
  status: z.enum(["requested", "issued", "reversed"]),
  taxRate: z.number(),
  taxIncluded: z.boolean(),
  buyer: z.object({
    name: z.string(),
    taxId: z.string(),
    address: z.string(),
    phone: z.string(),
    bankName: z.string(),
    bankAccount: z.string(),
    email: z.string(),
  }),
  amount: signedMoney,
  netAmount: signedMoney,
  taxAmount: signedMoney,
  note: z.string(),
  invoiceNo: z.string().nullable(),
  issuedOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  lines: z.array(
    z.object({
      row: z.number(),
      shipment: z.number(),
      orderNo: z.string(),
      line: z.number(),
      sku: z.string(),
      name: z.string(),
      taxCode: z.string(),
      unit: z.string(),
      qty: z.number(),
      unitPrice: z.string(),
      amount: signedMoney,
      netAmount: signedMoney,
      taxAmount: signedMoney,
    }),
  ),
});

export const exportQuery = z.object({
  ids: z
    .string()
    .regex(/^\d+(,\d+)*$/, "comma-separated request ids")
    .transform((s) => [...new Set(s.split(",").map(Number))])
    .refine((ids) => ids.length <= 500, "at most 500 requests")
    // Request ids are int4: a larger number names no request (and PostgreSQL would refuse the parameter).
    .refine((ids) => ids.every((id) => id >= 1 && id <= 2_147_483_647), "request ids from 1 to 2147483647"),
});

export const issuedBody = z.strictObject({
  results: z
    .array(z.strictObject({ serial: z.string().trim().min(1).max(40), invoiceNo: z.string().trim().min(1).max(40), issuedOn: isoDate.optional() }))
    .min(1)
    .max(2000),
});
export const issuedReply = z.object({
  issued: z.array(z.object({ serial: z.string(), invoiceNo: z.string(), id: z.number() })),
  duplicates: z.array(z.string()),
  problems: z.array(
    z.object({ row: z.number().optional(), serial: z.string(), reason: z.enum(["unknown_serial", "number_taken", "already_issued", "no_number"]) }),
  ),
  released: z.array(z.string()),
});

export const reverseBody = z.strictObject({
  reason: z.string().trim().min(2).max(200),
  reinvoice: z.boolean().optional().describe("a wrong invoice (its lines can be invoiced again), not a return"),
});

export const paymentBody = z.strictObject({
  customer: z.string().min(1).max(40).optional().describe("matched by account name and amount when not given"),
  payerName: z.string().trim().min(1).max(100),
  payerAccount: text(40).optional(),
  amount: money.refine((m) => Number(m) > 0, "more than zero"),
  receivedOn: isoDate,
  bankRef: text(60).optional().describe("the bank's transaction number: the same one is recorded once"),
  note: text(200).optional(),
});
export const paymentReply = z.object({
  id: z.number(),
  duplicate: z.boolean(),
  customer: z.string().nullable(),
  matchedBy: z.string().nullable(),
  payerName: z.string(),
  amount: z.string(),
  receivedOn: z.string(),
  allocated: z.string(),
  advance: z.string().describe("预收款: what is left after the open items"),
  released: z.array(z.string()).describe("orders the payment released from a credit hold"),
});
export const paymentImportReply = z.object({
  file: z.string(),
  encoding: z.string().nullable(),
  payments: z.array(paymentReply.extend({ row: z.number() })),
  imported: z.number(),
  duplicates: z.number(),
  unmatched: z.number(),
  skipped: z.number().describe("debit rows"),
  problems: z.array(z.object({ row: z.number(), field: z.string(), reason: z.string(), value: z.string().optional() })),
  released: z.array(z.string()),
});

export const allocationBody = z.strictObject({
  customer: z.string().min(1).max(40).optional(),
  allocations: z
    .array(z.strictObject({ invoiceId: z.number().int().min(1).nullable().describe("null: the opening balance"), amount: money }))
    .min(1)
    .max(200)
    .optional()
    .describe("oldest first when not given"),
});
export const allocationReply = z.object({ id: z.number(), customer: z.string(), allocated: z.string(), advance: z.string(), released: z.array(z.string()) });

export const exposureReply = z.object({
  customer: z.string(),
  customerName: z.string(),
  limit: z.string(),
  override: z.string(),
  effectiveLimit: z.string(),
  exposure: z.string(),
  headroom: z.string(),
  parts: z.object({ receivables: z.string(), unbilled: z.string(), openOrders: z.string() }),
  switches: z.object({ receivables: z.boolean(), unbilled: z.boolean(), openOrders: z.boolean() }),
  advance: z.string(),
  aging: z.object({ current: z.string(), "1-30": z.string(), "31-60": z.string(), "61-90": z.string(), "90+": z.string() }),
  overdue: z.string(),
  openItems: z.array(
    z.object({
      invoiceId: z.number().nullable(),
      invoiceNo: z.string().nullable(),
      issuedOn: z.string().nullable(),
      dueOn: z.string().nullable(),
      open: z.string(),
    }),
  ),
  held: z.array(z.object({ orderNo: z.string(), amount: z.string(), heldSince: z.string(), reasons: z.array(z.string()), creditOnly: z.boolean() })),
  overrides: z.array(z.object({ extraLimit: z.string(), reason: z.string(), expiresAt: z.string(), active: z.boolean(), by: z.string(), at: z.string() })),
});

export const overrideBody = z.strictObject({
  extraLimit: money.refine((m) => Number(m) > 0, "more than zero"),
  reason: z.string().trim().min(2).max(500),
  expiresAt: z.iso.datetime({ offset: true }),
});

export const settingsBody = z.strictObject({
  receivables: z.boolean(),
  unbilled: z.boolean(),
  openOrders: z.boolean(),
  ledgerStart: z.iso.datetime({ offset: true }).optional().describe("what shipped before was invoiced in the previous system (in the opening balances)"),
  layout: z
    .object({
      version: z.string().min(1).max(40),
      sheets: z
        .array(
          z.object({
            name: z.string().min(1).max(31),
            rows: z.enum(["invoices", "lines", "none"]),
            instructions: z.string().max(1000),
            columns: z
              .array(z.object({ header: z.string().min(1).max(60), limit: z.string().max(200), field: z.string().max(40) }))
              .min(1)
              .max(60),
          }),
        )
        .min(2)
        .max(10),
    })
    .nullable()
    .optional()
    .describe("a newer template of the platform's workbook (null: the built-in one)"),
});
export const settingsReply = z.object({
  receivables: z.boolean(),
  unbilled: z.boolean(),
  openOrders: z.boolean(),
  ledgerStart: z.string(),
  layoutVersion: z.string(),
  updatedBy: z.string(),
  updatedAt: z.string(),
});

export const workReply = z.object({
  held: z.array(
    z.object({
      orderNo: z.string(),
      customer: z.string(),
      customerName: z.string(),
      amount: z.string(),
      heldFrom: z.string().nullable(),
      heldSince: z.string(),
      reasons: z.array(z.string()),
      creditOnly: z.boolean(),
      exposure: z.string(),
      limit: z.string(),
      shortfall: z.string().describe("exposure + this order − limit: what a payment must bring to release it"),
    }),
  ),
  toInvoice: z.object({
    count: z.number(),
    amount: z.string(),
    orders: z.array(
      z.object({ orderNo: z.string(), customer: z.string(), customerName: z.string(), amount: z.string(), lines: z.number(), lastShippedAt: z.string() }),
    ),
  }),
  requested: z.array(
    z.object({
      id: z.number(),
      serial: z.string(),
      customer: z.string(),
      customerName: z.string(),
      kind: z.enum(["blue", "red"]),
      type: z.enum(["special", "normal"]),
      taxRate: z.number(),
      amount: z.string(),
      createdAt: z.string(),
    }),
  ),
  overdue: z.array(z.object({ customer: z.string(), customerName: z.string(), overdue: z.string(), invoices: z.number(), oldestDueOn: z.string() })),
  overdueTotal: z.string(),
  payments: z.array(
    z.object({
      id: z.number(),
      payerName: z.string(),
      customer: z.string().nullable(),
      customerName: z.string().nullable(),
      amount: z.string(),
      left: z.string(),
      receivedOn: z.string(),
      matchedBy: z.string().nullable(),
    }),
  ),
});
