// HTTP routes of an order's customer status link and its shipments (tracking shown on the status page).
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { requirePrincipal } from "../core/http/access.js";
import type { AppDeps } from "../core/http/app-deps.js";
import { errorReplies } from "../core/http/schemas.js";
import { publicBase } from "./public-base.js";
import { listShipments, recordShipment } from "./record-shipment.js";
import { createStatusLink, DEFAULT_LINK_DAYS, revokeStatusLinks } from "./status-links.js";

const orderNoParams = z.object({ orderNo: z.string().regex(/^DH\d{11,}$/, "DH + YYYYMMDD + sequence") });

export const statusLinkReply = z.object({
  id: z.number(),
  url: z.string(),
  expiresAt: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  opens: z.number(),
});

const shipmentReply = z.object({ id: z.number(), carrier: z.string(), trackingNo: z.string(), shippedAt: z.string() });

export function statusLinkRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    "/api/orders/:orderNo/status-link",
    {
      config: { access: "status_links.write" },
      schema: {
        tags: ["orders"],
        summary: "A new customer status link for the order (earlier links of the order stop working)",
        params: orderNoParams,
        body: z.strictObject({ expiresInDays: z.number().int().min(1).max(365).default(DEFAULT_LINK_DAYS) }).default({ expiresInDays: DEFAULT_LINK_DAYS }),
        response: { 201: statusLinkReply, ...errorReplies },
      },
    },
    async (request, reply) => {
      const link = await createStatusLink(
        deps.db,
        requirePrincipal(request),
        request.params.orderNo,
        request.body.expiresInDays,
        publicBase(deps.config, request),
      );
      return reply.status(201).send(link);
    },
  );

  r.delete(
    "/api/orders/:orderNo/status-link",
    {
      config: { access: "status_links.write" },
      schema: {
        tags: ["orders"],
        summary: "Revoke the order's status links: they answer 410 from now on",
        params: orderNoParams,
        response: { 200: z.object({ revoked: z.number() }), ...errorReplies },
      },
    },
    async (request) => ({ revoked: await revokeStatusLinks(deps.db, requirePrincipal(request), request.params.orderNo) }),
  );

  r.post(
    "/api/orders/:orderNo/shipments",
    {
      config: { access: "shipments.write" },
      schema: {
        tags: ["orders"],
        summary: "Record a shipment's carrier and tracking number (shown to the customer on the status page)",
        params: orderNoParams,
        body: z.strictObject({
          carrier: z.string().trim().min(1).max(60),
          trackingNo: z.string().trim().min(1).max(60),
          shippedAt: z.iso.datetime({ offset: true }).optional(),
        }),
        response: { 201: shipmentReply.extend({ orderNo: z.string() }), ...errorReplies },
      },
    },
    async (request, reply) => reply.status(201).send(await recordShipment(deps.db, requirePrincipal(request), request.params.orderNo, request.body)),
  );

  r.get(
    "/api/orders/:orderNo/shipments",
    {
      config: { access: "orders.read" },
      schema: {
        tags: ["orders"],
        summary: "The order's shipments",
        params: orderNoParams,
        response: { 200: z.object({ shipments: z.array(shipmentReply) }), ...errorReplies },
      },
    },
    async (request) => ({ shipments: await listShipments(deps.db, request.params.orderNo) }),
  );
}
