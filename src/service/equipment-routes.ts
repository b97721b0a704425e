// HTTP routes of the installed base: look-up by serial or model, import, proposals, service visits.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { notFound } from "../core/errors.js";
import { requirePrincipal } from "../core/http/access.js";
import type { AppDeps } from "../core/http/app-deps.js";
import { errorReplies } from "../core/http/schemas.js";
import { getEquipment } from "./get-equipment.js";
import { importEquipment } from "./import-equipment.js";
import { listEquipment } from "./list-equipment.js";
import { proposeForEquipment } from "./propose-for-equipment.js";
import { readVisitUpload } from "./read-visit-upload.js";
import { recordServiceVisit } from "./record-service-visit.js";
import { completeReplenishment, listReplenishment } from "./replenishment.js";

const serialParams = z.object({ serial: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{1,79}$/, "a serial number") });
const loose = z.record(z.string(), z.unknown());
const replies = { 200: loose, 201: loose, ...errorReplies, 413: errorReplies[400] };

export function equipmentRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/equipment",
    {
      config: { access: "equipment.read" },
      schema: {
        tags: ["equipment"],
        summary: "Installed equipment by model (SKU) or customer",
        querystring: z.strictObject({
          model: z.string().max(40).optional(),
          customer: z.string().max(20).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: replies,
      },
    },
    async (request) => ({ equipment: await listEquipment(deps.db, request.query) }),
  );

  r.post(
    "/api/equipment/import",
    {
      config: { access: "equipment.write" },
      schema: {
        tags: ["equipment"],
        summary: "Import older equipment: every row checked; all saved or none (dryRun=1 only checks)",
        querystring: z.strictObject({ dryRun: z.enum(["0", "1"]).optional() }),
        body: z.strictObject({ rows: z.array(z.unknown()).min(1).max(10_000) }),
        response: replies,
      },
    },
    async (request) => importEquipment(deps.db, requirePrincipal(request), request.body.rows, request.query.dryRun === "1"),
  );

  r.get(
    "/api/equipment/:serial",
    {
      config: { access: "equipment.read" },
      schema: {
        tags: ["equipment"],
        summary: "Nameplate look-up: model, customer, warranty, repair history, usual spares, compatible models, lifecycle",
        params: serialParams,
        response: replies,
      },
    },
    async (request) => getEquipment(deps.db, request.params.serial),
  );

  r.post(
    "/api/equipment/:serial/proposal",
    {
      config: { access: "equipment.read" },
      schema: {
        tags: ["equipment"],
        summary: "A quote-like proposal (usual spares + lines given) with the POST /api/orders body; create=true places the order (sales, service)",
        params: serialParams,
        body: z
          .strictObject({
            lines: z
              .array(z.strictObject({ sku: z.string().min(1).max(40), qty: z.number().int().min(1).max(100_000) }))
              .max(100)
              .optional(),
            includeUsualSpares: z.boolean().default(true),
            minShare: z.number().min(0).max(1).default(0.2),
            create: z.boolean().default(false),
          })
          .default({ includeUsualSpares: true, minShare: 0.2, create: false }),
        response: replies,
      },
    },
    async (request) => proposeForEquipment(deps.db, requirePrincipal(request), request.params.serial, request.body),
  );

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
      await getEquipmentOr404(deps, request.params.serial);
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

async function getEquipmentOr404(deps: AppDeps, serial: string) {
  const found = await deps.db.selectFrom("equipment").select("serial").where("serial", "=", serial).executeTakeFirst();
  if (!found) throw notFound("equipment.not_found", { serial }, "serial");
}
