// Field formats shared by every route schema: dates, money, codes, error replies.
import { z } from "zod";

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "a real calendar date");

export const money = z.string().regex(/^\d{1,12}(\.\d{1,2})?$/, "decimal amount with at most 2 decimals, e.g. 12345.00");

export const errorReply = z.object({
  error: z.object({ code: z.string(), reason: z.string(), message: z.string(), field: z.string().optional() }).passthrough(),
});

export const errorReplies = { 400: errorReply, 401: errorReply, 403: errorReply, 404: errorReply, 409: errorReply, 422: errorReply };

/** If-Match carries the version the caller last saw; ETag-style quotes are accepted. */
export const ifMatchHeader = z.object({
  "if-match": z
    .string()
    .regex(/^"?\d+"?$/, "an order version number")
    .transform((v) => Number(v.replaceAll('"', ""))),
});
