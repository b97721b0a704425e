// HTTP routes of service visits (record one with its photo, read the photo) and of the replenishment
// requests the visits raise for the warehouse.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { notFound } from "../core/errors.js";
import { requirePrincipal } from "../core/http/access.js";
import type { AppDeps } from "../core/http/app-deps.js";
import { equipmentExists } from "../equipment/get-equipment.js";
import { replies, serialParams } from "../equipment/routes.js";
import { readVisitUpload } from "./read-visit-upload.js";
import { recordServiceVisit } from "./record-service-visit.js";
import { completeReplenishment, listReplenishment } from "./replenishment.js";

export function visitRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    "/api/equipment/:serial/visits",
    {
      config: { access: "visits.write" },
      schema: {
        tags: ["equipment"],
        summary:
          "Record a service visit (multipart: parts as JSON [{sku,qty}], notes, visitedOn, one photo ≤ 5 MB, JPEG/PNG/WebP): issues the warranty card, the replenishment request and the lifecycle entry",
        params: serialParams,
        consumes: ["multipart/form-data"],
        response: replies,
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      // The unit is looked up before the upload is read, so an unknown serial costs no upload.
      if (!(await equipmentExists(deps.db, request.params.serial))) throw notFound("equipment.not_found", { serial: request.params.serial }, "serial");
      const upload = await readVisitUpload(request);
      return reply.status(201).send(await recordServiceVisit(deps.db, principal, request.params.serial, upload));
    },
  );

  r.get(
    "/api/equipment/:serial/visits/:visitId/photo",
    {
      config: { access: "equipment.read" },
      schema: { tags: ["equipment"], summary: "A visit's photo", params: serialParams.extend({ visitId: z.coerce.number().int().min(1) }) },
    },
    async (request, reply) => {
      const photo = await deps.db
        .selectFrom("visit_photos")
        .innerJoin("service_visits", "service_visits.id", "visit_photos.visit_id")
        .select(["visit_photos.mime", "visit_photos.bytes"])
        .where("service_visits.id", "=", request.params.visitId)
        .where("service_visits.serial", "=", request.params.serial)
        .executeTakeFirst();
      if (!photo) throw notFound("equipment.not_found", { serial: `${request.params.serial}/${request.params.visitId}` }, "visitId");
      return reply
        .header("content-type", photo.mime)
        .header("x-content-type-options", "nosniff")
        .header("cache-control", "private, max-age=3600")
        .send(Buffer.from(photo.bytes));
    },
  );
}

export function replenishmentRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/replenishment-requests",
    {
      config: { access: "replenishment.manage" },
      schema: {
        tags: ["equipment"],
        summary: "Parts used by service visits, for the warehouse to replenish",
        querystring: z.strictObject({ status: z.enum(["open", "done", "cancelled"]).default("open") }),
        response: replies,
      },
    },
    async (request) => ({ requests: await listReplenishment(deps.db, request.query.status) }),
  );
  r.post(
    "/api/replenishment-requests/:id/done",
    {
      config: { access: "replenishment.manage" },
      schema: {
        tags: ["equipment"],
        summary: "Mark a replenishment request done",
        params: z.object({ id: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) }),
        response: replies,
      },
    },
    async (request) => completeReplenishment(deps.db, requirePrincipal(request), request.params.id),
  );
}
