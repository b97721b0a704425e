// Request and reply schemas of the quote routes: one source for validation, types and OpenAPI.
import { z } from "zod";
import { isoDate, money } from "../core/http/schemas.js";
import { orderReply } from "../orders/schemas.js";
import { LOST_REASONS } from "./model/quote.js";

const paramValue = z.union([z.string().max(200), z.number(), z.boolean()]);

export const quoteLineInput = z.strictObject({
  sku: z.string().min(1).max(40),
  qty: z.number().int().min(1).max(1_000_000),
  params: z.record(z.string().max(60), paramValue).optional(),
  unitPrice: money.optional().describe("default: the rolled-up cost plus the version's margin, rounded up to a yuan"),
  outsourcingPerUnit: money.optional().describe("outsourced work per unit (plating, heat treatment), added to the cost"),
  bomVersion: z.number().int().min(1).optional().describe("the BOM version to cost on; default: the one in force today"),
  routingVersion: z.number().int().min(1).optional().describe("the routing version to cost on; default: the one in force today"),
});

export const versionBody = z.strictObject({
  lines: z.array(quoteLineInput).min(1).max(100),
  validUntil: isoDate.optional().describe("the price holds until this day; default 30 days"),
  requestedDate: isoDate.optional(),
  marginPct: z.number().min(0).max(90).optional().describe("margin (% of price) for lines without a price; default: the grade's floor + 10"),
  note: z.string().max(2000).optional(),
});

export const createQuoteBody = versionBody.extend({
  customer: z.string().min(1).max(20),
  title: z.string().max(200).optional(),
});

export const quoteParams = z.object({ quoteNo: z.string().min(3).max(30) });
export const versionParams = quoteParams.extend({ v: z.coerce.number().int().min(1).max(10_000) });

export const lostBody = z.strictObject({ reason: z.enum(LOST_REASONS), note: z.string().max(500).optional() });
export const approveBody = z.strictObject({ note: z.string().max(500).optional() });

const versionStatus = z.enum(["draft", "sent", "won", "lost", "superseded", "expired"]);

export const quoteReply = z.object({
  quoteNo: z.string(),
  customer: z.string(),
  customerName: z.string(),
  customerGrade: z.string(),
  title: z.string(),
  status: z.enum(["open", "won", "lost"]),
  lostReason: z.enum(LOST_REASONS).nullable(),
  lostNote: z.string(),
  wonVersion: z.number().nullable(),
  orderNo: z.string().nullable(),
  createdBy: z.string().describe("display name"),
  createdAt: z.string(),
  updatedAt: z.string(),
  versions: z.array(
    z.object({
      version: z.number(),
      label: z.string(),
      status: versionStatus,
      requestedDate: z.string().nullable(),
      validUntil: z.string(),
      costTotal: z.string(),
      priceTotal: z.string(),
      marginPct: z.number(),
      marginFloorPct: z.number(),
      belowMargin: z.boolean(),
      promise: z.object({ date: z.string().nullable(), validUntil: z.string(), note: z.object({ zh: z.string(), en: z.string() }).nullable() }),
      hold: z
        .object({
          heldDate: z.string(),
          expiresAt: z.string().describe("when the hold ends (ISO instant; shown in plant time)"),
          status: z.enum(["held", "released", "converted", "expired"]),
          orderNo: z.string().nullable(),
        })
        .nullable()
        .describe("the promised date held in the plan (material and capacity) since the version was sent"),
      approval: z.object({
        state: z.enum(["none", "pending", "approved"]),
        taskId: z.number().nullable(),
        approvedBy: z.string().nullable(),
        approvedAt: z.string().nullable(),
      }),
      note: z.string(),
      createdBy: z.string(),
      createdAt: z.string(),
      sentBy: z.string().nullable(),
      sentAt: z.string().nullable(),
      conversion: z.record(z.string(), z.unknown()).nullable(),
      lines: z.array(
        z.object({
          lineNo: z.number(),
          sku: z.string(),
          itemName: z.string(),
          uom: z.string(),
          params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
          qty: z.number(),
          bomVersionId: z.number().nullable(),
          routingVersionId: z.number().nullable(),
          bomVersion: z.number().nullable(),
          routingVersion: z.number().nullable(),
          materialCost: z.string(),
          labourCost: z.string(),
          outsourcingCost: z.string(),
          unitCost: z.string(),
          unitPrice: z.string(),
          amount: z.string(),
        }),
      ),
    }),
  ),
});

export const quoteListReply = z.object({
  quotes: z.array(
    z.object({
      quoteNo: z.string(),
      customer: z.string(),
      customerName: z.string(),
      title: z.string(),
      status: z.enum(["open", "won", "lost"]),
      orderNo: z.string().nullable(),
      updatedAt: z.string(),
      versions: z.array(z.object({ version: z.number(), status: versionStatus })),
      latest: z
        .object({
          version: z.number(),
          status: versionStatus,
          priceTotal: z.string(),
          marginPct: z.number(),
          belowMargin: z.boolean(),
          promiseDate: z.string().nullable(),
          validUntil: z.string(),
          approval: z.enum(["none", "pending", "approved"]),
        })
        .nullable(),
    }),
  ),
});

const diffLine = z.object({
  sku: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  qty: z.number(),
  unitPrice: z.string(),
  unitCost: z.string(),
  bomVersion: z.number().nullable(),
  routingVersion: z.number().nullable(),
});
export const diffReply = z.object({
  from: z.number(),
  to: z.number(),
  terms: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })),
  lines: z.array(
    z.union([
      z.object({ change: z.literal("added"), line: diffLine }),
      z.object({ change: z.literal("removed"), line: diffLine }),
      z.object({
        change: z.literal("changed"),
        sku: z.string(),
        params: diffLine.shape.params,
        fields: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })),
      }),
    ]),
  ),
});

export const sendBody = z
  .strictObject({
    holdPromise: z.boolean().optional().describe("also hold the promised date in the plan (material and capacity) while the promise is valid, at most 168 h"),
  })
  // No body at all (the route's older callers) arrives as null.
  .nullish();

export const sendReply = z.object({
  sent: z.boolean(),
  approval: z.enum(["pending"]).optional().describe("below the margin floor: waiting for the sales manager's approval"),
  taskId: z.number().optional(),
  quote: quoteReply,
});

export const convertReply = orderReply.extend({
  fromQuote: z.object({
    quoteNo: z.string(),
    version: z.number(),
    repriced: z.array(z.object({ lineNo: z.number(), from: z.string(), to: z.string() })).nullable(),
    repromised: z.object({ from: z.string().nullable(), to: z.string().nullable() }).nullable(),
    superseded: z.array(z.number()),
  }),
});
