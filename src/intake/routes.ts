// HTTP routes of intake: one order (Idempotency-Key makes retries safe) and a batch (batchId does).
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { requirePrincipal } from "../core/http/access.js";
import type { AppDeps } from "../core/http/app-deps.js";
import { errorReplies } from "../core/http/schemas.js";
import { langFromHeader } from "../core/i18n.js";
import { createOrderBody, createOrderReply } from "../orders/schemas.js";
import { holdReply } from "../planning/schemas.js";
import { bulkIntake } from "./bulk-intake.js";
import { convertPromiseHold } from "./convert-promise-hold.js";
import { createOrder } from "./create-order.js";
import { batchIdField, idempotencyKeyHeader } from "./idempotency-keys.js";

export function intakeRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    "/api/orders",
    {
      config: { access: "orders.create" },
      schema: {
        tags: ["orders"],
        summary: "Create an order (Idempotency-Key makes retries safe)",
        headers: z.object({ "idempotency-key": idempotencyKeyHeader.optional() }),
        body: createOrderBody,
        response: { 201: createOrderReply, ...errorReplies },
      },
    },
    async (request, reply) => {
      const { order, replayed, actions } = await createOrder(deps.db, requirePrincipal(request), request.body, {
        idempotencyKey: request.headers["idempotency-key"],
      });
      if (!replayed) deps.metrics.ordersCreated.inc({ source: "api" });
      reply.header("idempotent-replayed", String(replayed)).header("etag", `"${order.version}"`);
      return reply.status(201).send({ ...order, event: order.events[order.events.length - 1], actions });
    },
  );

  r.post(
    "/api/promise/holds/:id/convert",
    {
      config: { access: "orders.create" },
      schema: {
        tags: ["orders"],
        summary: "Take a held promise in as the order; it takes the held slot, and a retry answers the same order",
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 201: createOrderReply.extend({ hold: holdReply }), ...errorReplies },
      },
    },
    async (request, reply) => {
      const { order, replayed, actions, hold } = await convertPromiseHold(deps.db, requirePrincipal(request), request.params.id);
      if (!replayed) deps.metrics.ordersCreated.inc({ source: "api" });
      reply.header("idempotent-replayed", String(replayed)).header("etag", `"${order.version}"`);
      return reply.status(201).send({ ...order, event: order.events[order.events.length - 1], actions, hold });
    },
  );

  r.post(
    "/api/orders/bulk",
    {
      config: { access: "orders.bulk", perItem: "orders" },
      schema: {
        tags: ["orders"],
        summary: "Take in a batch: each order validated, rule-checked and reserved on its own; retrying a batchId creates nothing new",
        body: z.strictObject({ batchId: batchIdField, orders: z.array(z.unknown()).min(1).max(20_000) }),
        response: { 200: z.record(z.string(), z.unknown()), ...errorReplies },
      },
    },
    async (request) => {
      const result = await bulkIntake(deps.db, requirePrincipal(request), request.body, langFromHeader(request.headers["accept-language"]));
      if (!result.replayed) deps.metrics.ordersCreated.inc({ source: "bulk" }, result.accepted);
      return result;
    },
  );
}
