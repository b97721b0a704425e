// Request and reply schemas of the order routes: one source for validation, types and OpenAPI.
import { z } from "zod";
import { isoDate, money } from "../core/http/schemas.js";
import { ORDER_STATUSES } from "./model/lifecycle.js";

const paramValue = z.union([z.string().max(200), z.number(), z.boolean()]);

export const orderLineInput = z.strictObject({
  sku: z.string().min(1).max(40),
  qty: z.number().int().min(1).max(1_000_000),
  params: z.record(z.string().max(60), paramValue).optional(),
  unitPrice: money.optional(),
});

export const createOrderBody = z.strictObject({
  customer: z.string().min(1).max(20),
  lines: z.array(orderLineInput).min(1).max(200),
  requestedDate: isoDate.optional(),
  rush: z.boolean().optional(),
  tags: z.array(z.string().min(1).max(30)).max(20).optional(),
  note: z.string().max(2000).optional(),
  confirm: z.boolean().optional().describe("false keeps the order as a draft; default true confirms it on intake"),
});

export const orderStatus = z.enum(ORDER_STATUSES);

const eventReply = z.object({
  id: z.number(),
  at: z.string(),
  actor: z.string(),
  kind: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  reason: z.string().nullable(),
  data: z.unknown(),
  actorNames: z
    .array(z.object({ kind: z.enum(["user", "rule", "system"]), name: z.string(), version: z.number().optional() }))
    .optional()
    .describe("who acted, in people's words: a display name, or a rule's name and version"),
});

export const orderHeaderReply = z.object({
  orderNo: z.string(),
  customer: z.string(),
  status: z.string(),
  heldFrom: z.string().nullable(),
  holdReason: z.string().nullable(),
  rush: z.boolean(),
  tags: z.array(z.string()),
  requestedDate: z.string().nullable(),
  promisedDate: z.string().nullable(),
  totalAmount: z.string(),
  nonstandard: z.boolean(),
  customerName: z.string().optional(),
  owner: z.object({ role: z.string().nullable(), user: z.string().nullable(), name: z.string().nullable().optional().describe("the owner's display name") }),
  note: z.string(),
  source: z.string(),
  version: z.number(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const orderReply = orderHeaderReply.extend({
  promise: z
    .object({
      date: z.string().nullable(),
      firstDate: z.string().nullable().describe("the first date promised: on-time is judged against it"),
      state: z.enum(["promised", "at_risk", "none"]).describe("at_risk: the plan can no longer make the promise; none: the order waits without a promise"),
      plannedDate: z.string().nullable().describe("when at risk: the date the plan now gives"),
      reason: z.object({ zh: z.string(), en: z.string() }).nullable().optional().describe("when none: why no date could be promised, in people's words"),
    })
    .nullable(),
  lines: z.array(
    z.object({
      lineNo: z.number(),
      sku: z.string(),
      qty: z.number(),
      unitPrice: z.string(),
      amount: z.string(),
      params: z.unknown(),
      nonstandard: z.boolean(),
      bomVersionId: z.number().nullable(),
      routingVersionId: z.number().nullable(),
      itemName: z.string().optional(),
      uom: z.string().optional(),
      shippedQty: z.number().optional().describe("shipped so far: an order may go out in parts"),
    }),
  ),
  events: z.array(eventReply),
});

export const createOrderReply = orderReply.extend({
  event: eventReply.describe("the newest event of the order"),
  actions: z.array(z.unknown()).describe("what business rules did on intake"),
});

export const listOrdersQuery = z.strictObject({
  status: z
    .string()
    .transform((s) => s.split(",").filter(Boolean))
    .pipe(z.array(orderStatus))
    .optional(),
  customer: z.string().max(20).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  q: z.string().max(100).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const patchOrderBody = z
  .strictObject({
    requestedDate: isoDate.nullable().optional(),
    promisedDate: isoDate.nullable().optional(),
    rush: z.boolean().optional(),
    tags: z.array(z.string().min(1).max(30)).max(20).optional(),
    note: z.string().max(2000).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, "at least one field to change");

/** New quantities of some lines, each by its line number (only lower: a larger one is a further order). */
export const patchLinesBody = z.strictObject({
  lines: z
    .array(z.strictObject({ line: z.number().int().min(1).max(10_000), qty: z.number().int().min(1).max(1_000_000) }))
    .min(1)
    .max(200),
});

export const transitionBody = z.strictObject({
  to: orderStatus,
  reason: z.string().max(500).optional(),
  version: z.number().int().min(1).optional().describe("apply only if the order is still at this version"),
});
