// HTTP routes of orders: validate, call one use case, shape the reply.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { requirePrincipal } from "../core/http/access.js";
import type { AppDeps } from "../core/http/app-deps.js";
import { errorReplies, ifMatchHeader, isoDate } from "../core/http/schemas.js";
import { publicBase } from "../status-links/public-base.js";
import { statusLinkReply } from "../status-links/routes.js";
import { activeStatusLink } from "../status-links/status-links.js";
import { changeOrderLines } from "./change-order-lines.js";
import { getOrderView } from "./get-order.js";
import { listOrders } from "./list-orders.js";
import { listPromiseHistory, reconfirmPromise } from "./reconfirm-promise.js";
import { listOrdersQuery, orderHeaderReply, orderReply, patchLinesBody, patchOrderBody, transitionBody } from "./schemas.js";
import { transitionOrder } from "./transition-order.js";
import { updateOrder } from "./update-order.js";

const orderNoParams = z.object({ orderNo: z.string().regex(/^DH\d{11,}$/, "DH + YYYYMMDD + sequence") });

export function orderRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/orders",
    {
      config: { access: "orders.read" },
      schema: {
        tags: ["orders"],
        summary: "List orders, newest first, paged by cursor",
        querystring: listOrdersQuery,
        response: { 200: z.object({ orders: z.array(orderHeaderReply), nextCursor: z.string().nullable() }), ...errorReplies },
      },
    },
    async (request) => listOrders(deps.db, request.query),
  );

  r.get(
    "/api/orders/:orderNo",
    {
      config: { access: "orders.read" },
      schema: {
        tags: ["orders"],
        summary: "One order with lines, owner, history and its active customer status link",
        params: orderNoParams,
        response: {
          200: orderReply.extend({
            statusLink: statusLinkReply.nullable(),
            // Added by the shop floor's routes (production/routes.ts): work orders with planned and actual times.
            workOrders: z.array(z.record(z.string(), z.unknown())).optional(),
          }),
          ...errorReplies,
        },
      },
    },
    async (request, reply) => {
      const order = await getOrderView(deps.db, request.params.orderNo);
      reply.header("etag", `"${order.version}"`);
      return { ...order, statusLink: await activeStatusLink(deps.db, order.orderNo, publicBase(deps.config, request)) };
    },
  );

  r.patch(
    "/api/orders/:orderNo",
    {
      config: { access: "orders.update" },
      schema: {
        tags: ["orders"],
        summary: "Change fields; If-Match must carry the version you saw (stale → 409)",
        params: orderNoParams,
        headers: ifMatchHeader,
        body: patchOrderBody,
        response: { 200: orderReply, ...errorReplies },
      },
    },
    async (request, reply) => {
      const order = await updateOrder(deps.db, requirePrincipal(request), request.params.orderNo, request.headers["if-match"], request.body);
      reply.header("etag", `"${order.version}"`);
      return order;
    },
  );

  r.patch(
    "/api/orders/:orderNo/lines",
    {
      config: { access: "orders.update" },
      schema: {
        tags: ["orders"],
        summary: "Lower line quantities before scheduling; If-Match must carry the version you saw (stale → 409)",
        description:
          "Sales and service, while the order is draft or confirmed (or held from those). A larger quantity is refused (422): place a further order.",
        params: orderNoParams,
        headers: ifMatchHeader,
        body: patchLinesBody,
        response: { 200: orderReply, ...errorReplies },
      },
    },
    async (request, reply) => {
      const order = await changeOrderLines(deps.db, requirePrincipal(request), request.params.orderNo, request.headers["if-match"], request.body.lines);
      reply.header("etag", `"${order.version}"`);
      return order;
    },
  );

  r.post(
    "/api/orders/:orderNo/transitions",
    {
      config: { access: "orders.transition" },
      schema: {
        tags: ["orders"],
        summary: "Move the order to another status (roles per transition; not allowed → 422)",
        params: orderNoParams,
        body: transitionBody,
        response: { 200: orderReply, ...errorReplies },
      },
    },
    async (request) => {
      const { to, reason, version } = request.body;
      const order = await transitionOrder(deps.db, requirePrincipal(request), request.params.orderNo, { to, reason, expectedVersion: version });
      deps.metrics.transitions.inc({ to });
      return order;
    },
  );

  r.post(
    "/api/orders/:orderNo/promise",
    {
      config: { access: "orders.reschedule" },
      schema: {
        tags: ["orders"],
        summary: "Re-confirm a promise with the customer (after a break): the new date, who and why; the first promise is kept",
        params: orderNoParams,
        body: z.strictObject({ date: isoDate, reason: z.string().min(1).max(500) }),
        response: { 200: z.record(z.string(), z.unknown()), ...errorReplies },
      },
    },
    async (request) => reconfirmPromise(deps.db, requirePrincipal(request), request.params.orderNo, request.body),
  );
  r.get(
    "/api/orders/:orderNo/promises",
    {
      config: { access: "orders.read" },
      schema: {
        tags: ["orders"],
        summary: "The order's promise history: breaks the plan found and re-confirmations",
        params: orderNoParams,
        response: { 200: z.object({ history: z.array(z.record(z.string(), z.unknown())) }), ...errorReplies },
      },
    },
    async (request) => ({ history: await listPromiseHistory(deps.db, request.params.orderNo) }),
  );
}
