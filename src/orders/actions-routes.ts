// HTTP route of an order's actions: what the caller may do to it now, from the one server source.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { requirePrincipal } from "../core/http/access.js";
import type { AppDeps } from "../core/http/app-deps.js";
import { errorReplies } from "../core/http/schemas.js";
import { langFromHeader } from "../core/i18n.js";
import { listOrderActions } from "./list-order-actions.js";
import { ORDER_ACTIONS } from "./model/order-actions.js";

const money = z.string().describe("CNY, decimal string");

export const orderActionReply = z.object({
  action: z.enum(ORDER_ACTIONS),
  label: z.string().describe("in the caller's language"),
  needs: z
    .array(z.enum(["reason", "carrier", "trackingNo", "requestedDate", "outcome", "note", "lines"]))
    .describe("the fields the person fills in (lines: a quantity per order line, for a part shipment or a lower quantity)"),
  route: z
    .enum(["transition", "patch", "patch-lines", "shipment+transition", "status-link", "task"])
    .describe("the existing route that carries it out (patch-lines: PATCH /api/orders/:orderNo/lines)"),
  to: z.string().optional().describe("transitions: the status it moves to"),
  taskId: z.number().optional().describe("review: the task it closes (POST /api/tasks/:id/done with an outcome)"),
  exposure: z
    .object({
      customer: z.string(),
      customerName: z.string(),
      creditLimit: money,
      openReceivables: money,
      unbilled: money.optional().describe("shipped, not yet invoiced (finance's ledger)"),
      openOrders: money.describe("the customer's other open orders (with finance's ledger: confirmed, not shipped)"),
      openOrderCount: z.number(),
      exposure: money.optional().describe("finance's exposure without this order: receivables + unbilled + open orders"),
      thisOrder: money,
      headroom: money.describe("limit − exposure − this order (limit − receivables − other open orders − this order without the ledger)"),
    })
    .optional()
    .describe("hold and release: the customer's credit exposure"),
});

export function orderActionRoutes(app: FastifyInstance, deps: AppDeps) {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/orders/:orderNo/actions",
    {
      config: { access: "orders.read" },
      schema: {
        tags: ["orders"],
        summary: "What the caller may do to this order now (state machine, holds and blocks, roles): [{action, label, needs}]",
        params: z.object({ orderNo: z.string().regex(/^DH\d{11,}$/, "DH + YYYYMMDD + sequence") }),
        response: { 200: z.array(orderActionReply), ...errorReplies },
      },
    },
    async (request) => listOrderActions(deps.db, requirePrincipal(request), request.params.orderNo, langFromHeader(request.headers["accept-language"])),
  );
}
