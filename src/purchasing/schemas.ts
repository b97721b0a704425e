// Request and reply shapes of purchasing's routes (also their OpenAPI).
import { z } from "zod";
import { isoDate } from "../core/http/schemas.js";

const code = z.string().trim().min(1).max(40);
const quantity = z
  .number()
  .positive()
  .max(1e9)
  .refine((q) => Math.round(q * 1000) === q * 1000, "at most 3 decimals");
const closure = z
  .strictObject({ from: isoDate, to: isoDate, reason: z.string().trim().min(1).max(100) })
  .refine((c) => c.from <= c.to, "from must not be after to");

export const createSupplierBody = z.strictObject({
  code: code.regex(/^[A-Z0-9-]+$/, "upper-case letters, digits, -"),
  name: z.string().trim().min(1).max(100),
  contacts: z
    .array(
      z.strictObject({ name: z.string().trim().min(1).max(40), phone: z.string().trim().max(40).optional(), email: z.string().trim().max(100).optional() }),
    )
    .max(10)
    .default([]),
  leadTimeDays: z.number().int().min(0).max(365).default(14),
  closures: z.array(closure).max(20).default([]).describe("the supplier's own shutdowns (Spring Festival): it neither makes nor ships"),
  receiptTolerancePct: z.number().min(0).max(50).default(5).describe("a line closes when received within this share of its quantity; more above it is refused"),
  items: z
    .array(
      z.strictObject({
        sku: code,
        leadTimeDays: z.number().int().min(0).max(365).optional(),
        priceFen: z.number().int().min(0).max(1e12),
        preferred: z.boolean().default(false),
      }),
    )
    .max(1000)
    .default([]),
});
export type CreateSupplier = z.infer<typeof createSupplierBody>;

export const poLineBody = z.strictObject({
  sku: code,
  qty: quantity,
  requestedDate: isoDate,
  priceFen: z.number().int().min(0).max(1e12).optional().describe("per unit; default the supplier's price for the item"),
  orderNo: z
    .string()
    .regex(/^DH\d{11,}$/)
    .nullable()
    .default(null)
    .describe("the customer order the line is bought for (MTO); null: for stock"),
});
export const createPurchaseOrderBody = z.strictObject({
  supplier: code,
  location: code.describe("where the goods are received"),
  note: z.string().max(500).default(""),
  lines: z.array(poLineBody).min(1).max(200),
});
export type CreatePurchaseOrder = z.infer<typeof createPurchaseOrderBody>;

export const poNoParams = z.object({ poNo: z.string().regex(/^PO\d{8}-\d{4,}$/, "a purchase order number such as PO20261204-0001") });
export const lineParams = poNoParams.extend({ line: z.coerce.number().int().min(1).max(10_000) });

export const patchLineBody = z
  .strictObject({
    confirmedDate: isoDate.optional().describe("the date the supplier confirmed (or moved to)"),
    qty: quantity.optional().describe("the quantity the supplier confirmed; not below what was received"),
  })
  .refine((b) => b.confirmedDate !== undefined || b.qty !== undefined, { message: "confirmedDate or qty", path: ["confirmedDate"] });
export type PatchLine = z.infer<typeof patchLineBody>;

export const receiptBody = z.strictObject({
  lines: z
    .array(z.strictObject({ line: z.number().int().min(1), qty: quantity }))
    .min(1)
    .max(200)
    .refine((ls) => new Set(ls.map((l) => l.line)).size === ls.length, "each line once"),
});

export const acceptBody = z.strictObject({
  keys: z.array(z.string().min(1).max(200)).min(1).max(500).describe("proposal keys as listed by GET /api/purchasing/proposals"),
  location: code.optional().describe("where the goods are received; default the main warehouse"),
});

const lineState = z.enum(["unconfirmed", "confirmed", "rescheduled", "partly_received", "received", "cancelled"]);
export const poLineReply = z.object({
  line: z.number(),
  sku: z.string(),
  name: z.string(),
  qty: z.number(),
  received: z.number(),
  open: z.number(),
  priceFen: z.number(),
  requestedDate: z.string(),
  confirmedDate: z.string().nullable(),
  expectedDate: z.string().describe("the confirmed date, else the requested one"),
  state: lineState,
  late: z.boolean().describe("open and past its expected date"),
  orderNo: z.string().nullable(),
  version: z.number(),
});
export const purchaseOrderReply = z.object({
  poNo: z.string(),
  supplier: z.object({ code: z.string(), name: z.string() }),
  location: z.string(),
  status: z.enum(["open", "closed", "cancelled"]),
  note: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  amountFen: z.number(),
  lines: z.array(poLineReply),
});
export const reliabilityReply = z.object({
  lines: z.number(),
  onTime: z.number(),
  onTimeRate: z.number().nullable(),
  meanDelayDays: z.number().nullable(),
});
export const supplierReply = z.object({
  code: z.string(),
  name: z.string(),
  contacts: z.array(z.object({ name: z.string(), phone: z.string().optional(), email: z.string().optional() })),
  leadTimeDays: z.number(),
  closures: z.array(z.object({ from: z.string(), to: z.string(), reason: z.string() })),
  receiptTolerancePct: z.number(),
  items: z.array(z.object({ sku: z.string(), name: z.string(), leadTimeDays: z.number(), priceFen: z.number(), preferred: z.boolean() })),
  reliability: reliabilityReply,
  openLines: z.number(),
});
export const proposalLineReply = z.object({
  key: z.string(),
  source: z.enum(["request", "shortage"]),
  sku: z.string(),
  name: z.string(),
  qty: z.number(),
  needDate: z.string(),
  requestedDate: z.string(),
  earliestDelivery: z.string().nullable(),
  orderNo: z.string(),
  customer: z.string().nullable(),
  rush: z.boolean(),
  requestId: z.number().nullable(),
  priceFen: z.number().nullable(),
});
export const proposalsReply = z.object({
  runId: z.number().nullable(),
  groups: z.array(
    z.object({
      supplier: z.object({ code: z.string(), name: z.string() }).nullable(),
      rush: z.boolean(),
      needDate: z.string(),
      amountFen: z.number(),
      lines: z.array(proposalLineReply),
    }),
  ),
});
export const acceptReply = z.object({
  created: z.array(z.object({ poNo: z.string(), supplier: z.string(), lines: z.number(), keys: z.array(z.string()) })),
  alreadyOrdered: z.array(z.string()).describe("keys accepted before: nothing new was created for them"),
});

const watchLine = z.object({
  poNo: z.string(),
  line: z.number(),
  sku: z.string(),
  name: z.string(),
  supplier: z.object({ code: z.string(), name: z.string() }),
  open: z.number(),
  requestedDate: z.string(),
  confirmedDate: z.string().nullable(),
  expectedDate: z.string(),
  orderNo: z.string().nullable(),
  version: z.number(),
});
export const watchReply = z.object({
  today: z.string(),
  unconfirmed: z.array(watchLine.extend({ daysWaiting: z.number(), overdue: z.boolean().describe("not confirmed within two days") })),
  late: z.array(
    watchLine.extend({
      daysLate: z.number(),
      orders: z.array(
        z.object({ orderNo: z.string(), customer: z.string(), promisedDate: z.string().nullable(), promiseState: z.string().nullable(), rush: z.boolean() }),
      ),
    }),
  ),
});

export const confirmationsReply = z.object({
  dryRun: z.boolean(),
  applied: z.boolean().describe("false on a dry run, or when any row was refused (nothing is written then)"),
  rows: z.array(
    z.object({ row: z.number(), poNo: z.string(), line: z.number(), from: z.string(), to: z.string(), qty: z.number().nullable(), changes: z.boolean() }),
  ),
  refused: z.array(z.object({ row: z.number(), field: z.string(), reason: z.string() })),
  affected: z.array(z.object({ orderNo: z.string(), plannedDate: z.string().nullable() })),
});
