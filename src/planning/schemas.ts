// Request and reply schemas of the planning routes.
import { z } from "zod";
import { isoDate } from "../core/http/schemas.js";
import { orderLineInput } from "../orders/schemas.js";

export const promiseBody = z.strictObject({
  customer: z.string().min(1).max(20),
  lines: z.array(orderLineInput).min(1).max(200),
  requestedDate: isoDate.optional(),
  rush: z.boolean().optional(),
  tags: z.array(z.string().min(1).max(30)).max(20).optional(),
});

export const constraintReply = z
  .object({
    kind: z.enum(["work_centre", "material", "processing", "horizon"]),
    workCentre: z.string().optional(),
    sku: z.string().optional(),
    name: z.string().optional(),
    until: z.string().nullable().optional(),
    why: z.enum(["full", "maintenance", "closed"]).optional(),
    note: z.string().nullable().optional(),
    short: z.number().optional(),
    readyDate: z.string().nullable().optional(),
    newPurchase: z.boolean().optional(),
    days: z.number().optional(),
  })
  .describe("the binding constraint: a work centre (full until, maintenance, closed), a material (short, ready date), or processing time");

export const promiseReply = z.object({
  earliestDate: z.string().nullable().describe("earliest date the whole order can ship; null: not within the planning horizon"),
  requestedDate: z.string().nullable(),
  feasible: z.boolean().describe("the requested date holds (without one: the order fits the horizon)"),
  atp: z.array(
    z.object({
      sku: z.string(),
      name: z.string(),
      required: z.number(),
      availableToday: z.number(),
      availableByRequested: z.number().nullable(),
      short: z.number(),
      readyDate: z.string().nullable(),
      source: z.enum(["stock", "open_supply", "new_purchase"]),
    }),
  ),
  ctp: z.object({
    materialReadyDate: z.string().nullable(),
    finishDate: z.string().nullable().describe("the plan's finish; the earliest date adds the plant's shipping buffer to it"),
    shippingBufferDays: z.number().describe("days between the plan's finish and the earliest date (plant setting)"),
    kittingRate: z.number(),
    partial: z.object({ lineNo: z.number(), qty: z.number(), date: z.string().nullable() }).nullable(),
    operations: z.array(
      z.object({ sku: z.string(), seq: z.number(), workCentre: z.string(), hours: z.number(), start: z.string().nullable(), end: z.string().nullable() }),
    ),
  }),
  bottleneck: constraintReply,
  subjectTo: z
    .array(
      z.object({
        kind: z.enum(["purchase", "overdue_supply", "unconfirmed_supply"]),
        sku: z.string(),
        name: z.string(),
        qty: z.number().nullable(),
        leadTimeDays: z.number().int().nullable(),
        readyDate: z.string().nullable(),
      }),
    )
    .describe(
      "what the date depends on beyond the plant: purchases still to be placed (requested when the order is taken), overdue supply, purchase lines not yet confirmed",
    ),
  explanation: z.string().describe("in the caller's language"),
  explanations: z.object({ zh: z.string(), en: z.string() }),
});

export const holdBody = promiseBody.extend({
  hours: z.number().int().min(1).max(168).describe("how long the date is held (1–168 hours)"),
});

export const holdReply = z.object({
  id: z.number().int(),
  customer: z.string(),
  lines: z.array(z.object({ sku: z.string(), qty: z.number() })),
  requestedDate: z.string().nullable(),
  heldDate: z.string(),
  expiresAt: z.string(),
  status: z.enum(["held", "released", "converted", "expired"]),
  orderNo: z.string().nullable(),
  createdBy: z.string(),
});
