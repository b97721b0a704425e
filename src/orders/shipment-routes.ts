// HTTP routes of an order's shipments: carrier and tracking number, shown on the customer's status page.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { requirePrincipal } from "../core/http/access.js";
import type { AppDeps } from "../core/http/app-deps.js";
import { errorReplies } from "../core/http/schemas.js";
import { listShipments, recordShipment } from "./record-shipment.js";

const orderNoParams = z.object({ orderNo: z.string().regex(/^DH\d{11,}$/, "DH + YYYYMMDD + sequence") });
const lineQty = z.strictObject({ line: z.number().int().min(1).max(10_000), qty: z.number().int().min(1).max(1_000_000) });
const shippedLine = z.object({ line: z.number(), qty: z.number() });
const shipmentReply = z.object({ id: z.number(), carrier: z.string(), trackingNo: z.string(), shippedAt: z.string(), lines: z.array(shippedLine) });

export function shipmentRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    "/api/orders/:orderNo/shipments",
    {
      config: { access: "shipments.write" },
      schema: {
        tags: ["orders"],
        summary: "Record a shipment: carrier, tracking number and the lines it carries (all still to ship when none are named)",
        description:
          "An order may go out in parts while it is ready: `lines` names each line and quantity. It stays ready, partly shipped, " +
          "until every line has gone (`complete`); then the ship transition moves it to shipped. More than remains is refused (422).",
        params: orderNoParams,
        body: z.strictObject({
          carrier: z.string().trim().min(1).max(60),
          trackingNo: z.string().trim().min(1).max(60),
          shippedAt: z.iso.datetime({ offset: true }).optional(),
          lines: z.array(lineQty).min(1).max(500).optional(),
        }),
        response: {
          201: shipmentReply.extend({ orderNo: z.string(), remaining: z.array(shippedLine), complete: z.boolean() }),
          ...errorReplies,
        },
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
