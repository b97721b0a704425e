// HTTP routes of the shop floor: dispatch lists, operation reports, downtime, the work centres to pick.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { loadWorkCentres } from "../calendar/store.js";
import { notFound } from "../core/errors.js";
import { requirePrincipal } from "../core/http/access.js";
import type { AppDeps } from "../core/http/app-deps.js";
import { errorReplies } from "../core/http/schemas.js";
import { publicBase } from "../status-links/public-base.js";
import { getDispatch } from "./get-dispatch.js";
import { getOperationView, getOrderProduction } from "./operation-view.js";
import { endDowntime, listDowntime, recordDowntime } from "./record-downtime.js";
import { renderDispatchPdf } from "./render-dispatch-pdf.js";
import { reportOperation } from "./report-operation.js";
import { dispatchReply, downtimeBody, downtimeReply, operationParams, operationReply, reportBody, workCentreParams } from "./schemas.js";
import { findOperation } from "./store.js";

export function productionRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/work-centres",
    {
      config: { access: "production.read" },
      schema: {
        tags: ["production"],
        summary: "Work centres to pick a dispatch list from, with the downtime open now",
        response: { 200: z.object({ workCentres: z.array(z.record(z.string(), z.unknown())) }), ...errorReplies },
      },
    },
    async () => {
      const [centres, down] = await Promise.all([loadWorkCentres(deps.db), listDowntime(deps.db, new Date())]);
      return {
        workCentres: centres.map((c) => ({ code: c.code, name: c.name, units: c.parallelUnits, down: down.filter((d) => d.workCentre === c.code) })),
      };
    },
  );

  r.get(
    "/api/work-centres/:code/dispatch",
    {
      config: { access: "production.read" },
      schema: {
        tags: ["production"],
        summary: "The centre's dispatch list in the order of the current plan",
        params: workCentreParams,
        response: { 200: dispatchReply, ...errorReplies },
      },
    },
    async (request) => getDispatch(deps.db, request.params.code),
  );

  r.get(
    "/api/work-centres/:code/dispatch.pdf",
    {
      config: { access: "production.read" },
      schema: {
        tags: ["production"],
        summary: "The dispatch list printed: A4 PDF, Chinese, a QR code per operation that opens it on a phone, changes since the shift started highlighted",
        params: workCentreParams,
        response: { 200: z.any().describe("application/pdf"), ...errorReplies },
      },
    },
    async (request, reply) => {
      const list = await getDispatch(deps.db, request.params.code);
      const pdf = await renderDispatchPdf(list, publicBase(deps.config, request));
      return reply
        .header("content-type", "application/pdf")
        .header("content-disposition", `inline; filename="dispatch-${list.workCentre.code}.pdf"`)
        .header("cache-control", "no-store")
        .send(pdf);
    },
  );

  r.get(
    "/api/operations/:operationId",
    {
      config: { access: "production.read" },
      schema: {
        tags: ["production"],
        summary: "One operation (what its QR code opens)",
        params: operationParams,
        response: { 200: operationReply, ...errorReplies },
      },
    },
    async (request) => {
      const found = await findOperation(deps.db, request.params.operationId);
      if (!found) throw notFound("production.operation_not_found", { operationId: request.params.operationId }, "operationId");
      return getOperationView(deps.db, found.id);
    },
  );

  r.post(
    "/api/operations/:operationId/reports",
    {
      config: { access: "production.report" },
      schema: {
        tags: ["production"],
        summary: "Report start / pause / finish with good and scrap; Idempotency-Key makes a retried scan count once",
        params: operationParams,
        headers: z.object({ "idempotency-key": z.string().min(8).max(100).optional() }),
        body: reportBody,
        response: { 200: operationReply, ...errorReplies },
      },
    },
    async (request, reply) => {
      const { replayed, operation } = await reportOperation(
        deps.db,
        requirePrincipal(request),
        request.params.operationId,
        request.body,
        request.headers["idempotency-key"],
      );
      reply.header("idempotent-replayed", String(replayed));
      return operation;
    },
  );

  r.post(
    "/api/work-centres/:code/downtime",
    {
      config: { access: "production.downtime" },
      schema: {
        tags: ["production"],
        summary: "Machine down on a unit (or the whole centre), with a reason; lists the orders it delays",
        params: workCentreParams,
        body: downtimeBody,
        response: { 201: downtimeReply, ...errorReplies },
      },
    },
    async (request, reply) => reply.status(201).send(await recordDowntime(deps.db, requirePrincipal(request), request.params.code, request.body)),
  );

  r.post(
    "/api/work-centres/:code/downtime/:id/end",
    {
      config: { access: "production.downtime" },
      schema: {
        tags: ["production"],
        summary: "Machine up: the downtime ends now (or at `at`)",
        params: workCentreParams.extend({ id: z.coerce.number().int().positive() }),
        body: z.strictObject({ at: z.iso.datetime({ offset: true }).optional() }).optional(),
        response: { 200: downtimeReply.extend({ endedBy: z.string() }), ...errorReplies },
      },
    },
    async (request) => endDowntime(deps.db, requirePrincipal(request), request.params.code, request.params.id, request.body?.at),
  );

  // The order page shows each operation's planned and actual times and quantities: the shop floor adds
  // its part to the order's reply here, so orders never import production.
  app.addHook("preSerialization", async (request, reply, payload) => {
    if (request.method !== "GET" || request.routeOptions.url !== "/api/orders/:orderNo" || reply.statusCode !== 200) return payload;
    const body = payload as { orderNo?: string };
    if (!body?.orderNo) return payload;
    return { ...body, workOrders: await getOrderProduction(deps.db, body.orderNo) };
  });
}
