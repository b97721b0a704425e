// HTTP routes of items with their BOM and routing versions.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { notFound } from "../core/errors.js";
import type { AppDeps } from "../core/http/app-deps.js";
import { errorReplies } from "../core/http/schemas.js";
import { plantDay } from "../core/plant-day.js";
import { effectiveVersion } from "./model.js";
import { bomLines, getItem, listItems, listVersions, routingOperations } from "./store.js";

const skuParams = z.object({ sku: z.string().min(1).max(40) });

const itemReply = z.object({
  sku: z.string(),
  name: z.string(),
  kind: z.string(),
  family: z.string(),
  uom: z.string(),
  unitPrice: z.string(),
  leadTimeDays: z.number(),
  serialised: z.boolean(),
  paramSchema: z.unknown(),
});
const versionReply = z.object({ id: z.number(), version: z.number(), effectiveFrom: z.string(), note: z.string(), createdBy: z.string() });

type ItemRow = NonNullable<Awaited<ReturnType<typeof getItem>>>;
const itemView = (i: ItemRow) => ({
  sku: i.sku,
  name: i.name,
  kind: i.kind,
  family: i.family,
  uom: i.uom,
  unitPrice: i.unit_price,
  leadTimeDays: i.lead_time_days,
  serialised: i.serialised,
  paramSchema: i.param_schema,
});
const versionView = (v: { id: number; version: number; effective_from: string; note: string; created_by: string }) => ({
  id: v.id,
  version: v.version,
  effectiveFrom: v.effective_from,
  note: v.note,
  createdBy: v.created_by,
});

export function itemRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/items",
    {
      config: { access: "items.read" },
      schema: {
        tags: ["items"],
        summary: "Search items",
        querystring: z.strictObject({
          q: z.string().max(100).optional(),
          kind: z.enum(["finished", "subassembly", "purchased"]).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: z.object({ items: z.array(itemReply) }), ...errorReplies },
      },
    },
    async (request) => ({ items: (await listItems(deps.db, request.query)).map(itemView) }),
  );
  r.get(
    "/api/items/:sku",
    {
      config: { access: "items.read" },
      schema: {
        tags: ["items"],
        summary: "An item with its BOM and routing versions",
        params: skuParams,
        response: { 200: itemReply.extend({ bomVersions: z.array(versionReply), routingVersions: z.array(versionReply) }), ...errorReplies },
      },
    },
    async (request) => {
      const item = await getItem(deps.db, request.params.sku);
      if (!item) throw notFound("item.not_found", { sku: request.params.sku }, "sku");
      const [boms, routings] = await Promise.all([listVersions(deps.db, "bom_versions", item.sku), listVersions(deps.db, "routing_versions", item.sku)]);
      return { ...itemView(item), bomVersions: boms.map(versionView), routingVersions: routings.map(versionView) };
    },
  );
  r.get(
    "/api/items/:sku/bom",
    {
      config: { access: "items.read" },
      schema: {
        tags: ["items"],
        summary: "A BOM version (default: the one effective today) with the routing effective with it",
        params: skuParams,
        querystring: z.strictObject({ version: z.coerce.number().int().min(1).optional() }),
        response: {
          200: z.object({
            sku: z.string(),
            bom: versionReply
              .extend({ lines: z.array(z.object({ sku: z.string(), name: z.string(), kind: z.string(), qtyPer: z.string(), uom: z.string() })) })
              .nullable(),
            routing: versionReply
              .extend({ operations: z.array(z.object({ seq: z.number(), workCentre: z.string(), setupHours: z.string(), runHoursPerUnit: z.string() })) })
              .nullable(),
          }),
          ...errorReplies,
        },
      },
    },
    async (request) => {
      const { sku } = request.params;
      const item = await getItem(deps.db, sku);
      if (!item) throw notFound("item.not_found", { sku }, "sku");
      const [boms, routings] = await Promise.all([listVersions(deps.db, "bom_versions", sku), listVersions(deps.db, "routing_versions", sku)]);
      const today = plantDay(new Date());
      const wanted = request.query.version;
      const bom = wanted ? boms.find((b) => b.version === wanted) : effectiveVersion(boms, today);
      if (wanted && !bom) throw notFound("item.no_bom_version", { sku, version: wanted, date: today }, "version");
      const routing = effectiveVersion(routings, bom?.effective_from ?? today) ?? effectiveVersion(routings, today);
      return {
        sku,
        bom: bom
          ? {
              ...versionView(bom),
              lines: (await bomLines(deps.db, bom.id)).map((l) => ({ sku: l.component_sku, name: l.name, kind: l.kind, qtyPer: l.qty_per, uom: l.uom })),
            }
          : null,
        routing: routing
          ? {
              ...versionView(routing),
              operations: (await routingOperations(deps.db, routing.id)).map((o) => ({
                seq: o.seq,
                workCentre: o.work_centre,
                setupHours: o.setup_hours,
                runHoursPerUnit: o.run_hours_per_unit,
              })),
            }
          : null,
      };
    },
  );
}
