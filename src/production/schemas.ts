// Request and reply schemas of the shop floor's routes (OpenAPI is generated from them).
import { z } from "zod";

export const workCentreParams = z.object({ code: z.string().min(1).max(40) });
export const operationParams = z.object({ operationId: z.coerce.number().int().positive() });
const instant = z.iso.datetime({ offset: true });
const qty = z.number().int().min(0).max(1_000_000);

export const reportBody = z.strictObject({
  kind: z.enum(["start", "pause", "finish"]),
  good: qty.optional(),
  scrap: qty.optional(),
  scrapReason: z.string().trim().min(1).max(60).optional().describe("reason code, e.g. 尺寸超差"),
  rework: qty.optional(),
  setupMinutes: z.number().int().min(0).max(10_000).optional(),
  at: instant.optional(),
  operator: z.string().trim().min(1).max(60).optional().describe("the person at the machine (badge or name)"),
  override: z
    .strictObject({ reason: z.string().max(200) })
    .optional()
    .describe("a supervisor takes a report the checks refuse"),
});

export const operationReply = z.object({
  operationId: z.number(),
  orderNo: z.string(),
  workOrder: z.string(),
  seq: z.number(),
  workCentre: z.string(),
  sku: z.string(),
  qty: z.number(),
  status: z.enum(["open", "started", "paused", "done"]),
  good: z.number(),
  scrap: z.number(),
  rework: z.number(),
  setupMinutes: z.number(),
  qtyReady: z.number(),
  qtyRemaining: z.number(),
  plannedStart: z.string().nullable(),
  plannedEnd: z.string().nullable(),
  releasedStart: z.string().nullable(),
  releasedEnd: z.string().nullable(),
  actualStart: z.string().nullable(),
  actualEnd: z.string().nullable(),
  operator: z.string().nullable(),
});

export const dispatchReply = z.object({
  workCentre: z.object({ code: z.string(), name: z.string(), units: z.number() }),
  generatedAt: z.string(),
  planRun: z.object({ id: z.number(), at: z.string().nullable() }).nullable(),
  shift: z.object({
    start: z.string().describe("when the current shift started"),
    baselineAt: z.string().describe("when the list was taken that `change` compares with"),
  }),
  operations: z.array(
    z.object({
      operationId: z.number(),
      orderNo: z.string(),
      workOrder: z.string(),
      seq: z.number(),
      sku: z.string(),
      qty: z.number(),
      qtyReady: z.number(),
      qtyRemaining: z.number(),
      status: z.enum(["open", "started", "paused", "done"]),
      plannedStart: z.string().nullable(),
      plannedEnd: z.string().nullable(),
      rush: z.boolean(),
      late: z.boolean(),
      materialReady: z.boolean(),
      previousDone: z.boolean(),
      change: z
        .enum(["added", "resequenced", "moved"])
        .nullable()
        .describe("since the shift started: a new operation on the list, a new place in the sequence, or a planned start moved ≥ 15 min"),
    }),
  ),
});

export const downtimeBody = z.strictObject({
  unit: z.number().int().min(1).max(100).optional().describe("which unit of the centre; absent: the whole centre"),
  from: instant,
  to: instant.optional(),
  reason: z.string().trim().min(1).max(200),
});

export const downtimeReply = z.object({
  id: z.number(),
  workCentre: z.string(),
  unit: z.number().nullable(),
  from: z.string(),
  to: z.string().nullable(),
  reason: z.string(),
  affectedOrders: z.array(z.string()).optional(),
});
