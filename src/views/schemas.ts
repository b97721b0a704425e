// Saved views: which lists have them and what a view of each list may hold.
import { z } from "zod";
import { isoDate } from "../core/http/schemas.js";
import { orderStatus } from "../orders/schemas.js";

/** The orders list's filter, as GET /api/orders takes it. */
export const ordersFilter = z.strictObject({
  q: z.string().max(100).optional(),
  status: z.array(orderStatus).max(10).optional(),
  customer: z.string().max(20).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

export const LISTS = ["orders"] as const;

export const saveViewBody = z.strictObject({
  list: z.enum(LISTS),
  name: z.string().trim().min(1).max(60),
  filter: ordersFilter,
  shared: z.boolean().default(false),
});
export type SaveViewRequest = z.infer<typeof saveViewBody>;

export const viewReply = z.object({
  id: z.number(),
  list: z.string(),
  name: z.string(),
  owner: z.string(),
  shared: z.boolean(),
  mine: z.boolean(),
  filter: z.record(z.string(), z.unknown()),
  updatedAt: z.string(),
});
