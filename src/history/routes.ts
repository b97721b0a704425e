// HTTP route of the legacy-order history: read only, for anyone signed in.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../core/http/app-deps.js";
import { errorReplies, isoDate } from "../core/http/schemas.js";
import { listHistory } from "./list-history.js";

export const historyQuery = z.strictObject({
  customer: z.string().min(1).max(20).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  q: z.string().max(100).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const historyOrder = z.object({
  orderNo: z.string(),
  customer: z.object({ code: z.string(), name: z.string() }),
  orderedOn: z.string(),
  dueOn: z.string().nullable(),
  deliveredOn: z.string().nullable(),
  status: z.string(),
  amount: z.string(),
  onTime: z.boolean().nullable(),
  note: z.string(),
  importId: z.number(),
  lines: z.array(z.object({ lineNo: z.number(), item: z.string(), qty: z.string().nullable(), amount: z.string(), sourceRow: z.number() })),
});

export function historyRoutes(app: FastifyInstance, deps: AppDeps) {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/history",
    {
      config: { access: "session" },
      schema: {
        tags: ["history"],
        summary: "Legacy orders imported from the old ledgers (read only), by customer and order date",
        querystring: historyQuery,
        response: { 200: z.object({ orders: z.array(historyOrder), nextCursor: z.string().nullable() }), ...errorReplies },
      },
    },
    async (request) => listHistory(deps.db, request.query),
  );
}
