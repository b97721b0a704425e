// HTTP routes of items with their BOM and routing versions.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { notFound } from "../core/errors.js";
import { requirePrincipal } from "../core/http/access.js";
import type { AppDeps } from "../core/http/app-deps.js";
import { errorReplies } from "../core/http/schemas.js";
import { plantDay } from "../core/plant-day.js";
import { createBomVersion } from "./create-bom-version.js";
import { createItem } from "./create-item.js";
import { createRoutingVersion } from "./create-routing-version.js";
import { diffVersions } from "./diff-versions.js";
import { editDraftVersion } from "./edit-draft-version.js";
import { getWhereUsed } from "./get-where-used.js";
import { effectiveVersion } from "./model.js";
import { releaseVersion } from "./release-version.js";
import { bomVersionBody, createItemBody, releaseBody, routingVersionBody, updateItemBody } from "./schemas.js";
import { bomLines, getItem, listItems, listVersions, routingOperations } from "./store.js";
import { updateItem } from "./update-item.js";

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
  warrantyMonths: z.number().nullable(),
  version: z.number(),
});
const versionReply = z.object({
  id: z.number(),
  version: z.number(),
  effectiveFrom: z.string(),
  note: z.string(),
  createdBy: z.string(),
  status: z.enum(["draft", "released", "superseded"]),
  releasedBy: z.string().nullable(),
});
/** A BOM or routing version number (an int column: a larger number would fail in the database, not here). */
const versionNumber = z.coerce.number().int().min(1).max(100_000);
const versionParams = skuParams.extend({ version: versionNumber });
const optionalIfMatch = z.object({
  "if-match": z
    .string()
    .regex(/^"?\d+"?$/, "an item version number")
    .transform((v) => Number(v.replaceAll('"', "")))
    .optional(),
});

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
  warrantyMonths: i.warranty_months,
  version: i.version,
});
type VersionRow = {
  id: number;
  version: number;
  effective_from: string;
  note: string;
  created_by: string;
  status: "draft" | "released" | "superseded";
  released_by: string | null;
};
const versionView = (v: VersionRow) => ({
  id: v.id,
  version: v.version,
  effectiveFrom: v.effective_from,
  note: v.note,
  createdBy: v.created_by,
  status: v.status,
  releasedBy: v.released_by,
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
        summary: "A BOM version (default: the one effective today) with the routing effective with it, or the routing version asked for",
        params: skuParams,
        querystring: z.strictObject({
          version: versionNumber.optional(),
          routingVersion: versionNumber.optional(),
        }),
        response: {
          200: z.object({
            sku: z.string(),
            bom: versionReply
              .extend({
                lines: z.array(
                  z.object({
                    sku: z.string(),
                    name: z.string(),
                    kind: z.string(),
                    qtyPer: z.string(),
                    uom: z.string(),
                    scrapFactor: z.string(),
                    substitutes: z.array(z.string()),
                  }),
                ),
              })
              .nullable(),
            routing: versionReply
              .extend({
                operations: z.array(
                  z.object({ seq: z.number(), workCentre: z.string(), setupHours: z.string(), runHoursPerUnit: z.string(), splittable: z.boolean() }),
                ),
              })
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
      const wantedRouting = request.query.routingVersion;
      const routing = wantedRouting
        ? routings.find((v) => v.version === wantedRouting)
        : (effectiveVersion(routings, bom?.effective_from ?? today) ?? effectiveVersion(routings, today));
      if (wantedRouting && !routing) throw notFound("item.no_routing_version", { sku, version: wantedRouting }, "routingVersion");
      return {
        sku,
        bom: bom
          ? {
              ...versionView(bom),
              lines: (await bomLines(deps.db, bom.id)).map((l) => ({
                sku: l.component_sku,
                name: l.name,
                kind: l.kind,
                qtyPer: l.qty_per,
                uom: l.uom,
                scrapFactor: l.scrap_factor,
                substitutes: l.substitutes,
              })),
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
                splittable: o.splittable,
              })),
            }
          : null,
      };
    },
  );
  authoringRoutes(app, deps);
}

function authoringRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const itemOut = { 200: itemReply, 201: itemReply, ...errorReplies };
  const versionOut = { 200: versionReply, 201: versionReply, ...errorReplies };
  r.post(
    "/api/items",
    {
      config: { access: "engineering.write" },
      schema: { tags: ["items"], summary: "Add an item with its parameter definitions", body: createItemBody, response: itemOut },
    },
    async (request, reply) => reply.code(201).send(itemView(await createItem(deps.db, requirePrincipal(request), request.body))),
  );
  r.patch(
    "/api/items/:sku",
    {
      config: { access: "engineering.write" },
      schema: {
        tags: ["items"],
        summary: "Edit an item or its parameter definitions (If-Match: the item's version, optional)",
        params: skuParams,
        headers: optionalIfMatch,
        body: updateItemBody,
        response: itemOut,
      },
    },
    async (request) => itemView(await updateItem(deps.db, requirePrincipal(request), request.params.sku, request.body, request.headers["if-match"])),
  );
  for (const kind of ["bom", "routing"] as const) {
    const base = `/api/items/:sku/${kind}-versions`;
    const table = kind === "bom" ? "bom_versions" : "routing_versions";
    const name = kind === "bom" ? "BOM" : "routing";
    if (kind === "bom") {
      r.post(
        base,
        {
          config: { access: "engineering.write" },
          schema: { tags: ["items"], summary: "Draft the next BOM version", params: skuParams, body: bomVersionBody, response: versionOut },
        },
        async (request, reply) =>
          reply.code(201).send(versionView(await createBomVersion(deps.db, requirePrincipal(request), request.params.sku, request.body))),
      );
      r.put(
        `${base}/:version`,
        {
          config: { access: "engineering.write" },
          schema: {
            tags: ["items"],
            summary: "Replace a draft BOM version's lines (a released one is refused)",
            params: versionParams,
            body: bomVersionBody,
            response: versionOut,
          },
        },
        async (request) => versionView(await editDraftVersion(deps.db, request.params.sku, request.params.version, { kind, body: request.body })),
      );
    } else {
      r.post(
        base,
        {
          config: { access: "engineering.write" },
          schema: { tags: ["items"], summary: "Draft the next routing version", params: skuParams, body: routingVersionBody, response: versionOut },
        },
        async (request, reply) =>
          reply.code(201).send(versionView(await createRoutingVersion(deps.db, requirePrincipal(request), request.params.sku, request.body))),
      );
      r.put(
        `${base}/:version`,
        {
          config: { access: "engineering.write" },
          schema: {
            tags: ["items"],
            summary: "Replace a draft routing version's operations (a released one is refused)",
            params: versionParams,
            body: routingVersionBody,
            response: versionOut,
          },
        },
        async (request) => versionView(await editDraftVersion(deps.db, request.params.sku, request.params.version, { kind: "routing", body: request.body })),
      );
    }
    r.post(
      `${base}/:version/release`,
      {
        config: { access: "engineering.write" },
        schema: {
          tags: ["items"],
          summary: `Release a draft ${name} version (the previous one is superseded)`,
          params: versionParams,
          body: releaseBody,
          response: versionOut,
        },
      },
      async (request) =>
        versionView(
          await releaseVersion(deps.db, table, request.params.sku, request.params.version, requirePrincipal(request).name, request.body?.effectiveFrom),
        ),
    );
  }
  r.get(
    "/api/items/:sku/where-used",
    {
      config: { access: "items.read" },
      schema: {
        tags: ["items"],
        summary: "Where an item is used: the items whose released BOM holds it, level by level",
        params: skuParams,
        querystring: z.strictObject({ levels: z.coerce.number().int().min(1).max(20).default(10) }),
        response: {
          200: z.object({
            sku: z.string(),
            name: z.string(),
            parents: z.array(
              z.object({
                level: z.number(),
                sku: z.string(),
                name: z.string(),
                kind: z.string(),
                bomVersion: z.number(),
                component: z.string(),
                qtyPer: z.string(),
              }),
            ),
          }),
          ...errorReplies,
        },
      },
    },
    async (request) => getWhereUsed(deps.db, request.params.sku, request.query.levels),
  );
  r.get(
    "/api/items/:sku/diff",
    {
      config: { access: "items.read" },
      schema: {
        tags: ["items"],
        summary: "What changes between two BOM (or routing) versions of an item",
        params: skuParams,
        querystring: z.strictObject({
          kind: z.enum(["bom", "routing"]).default("bom"),
          from: versionNumber,
          to: versionNumber,
        }),
        response: {
          200: z.object({
            sku: z.string(),
            kind: z.enum(["bom", "routing"]),
            from: z.number(),
            to: z.number(),
            changes: z.array(z.object({ kind: z.string(), ref: z.string(), from: z.string().nullable(), to: z.string().nullable() })),
          }),
          ...errorReplies,
        },
      },
    },
    async (request) => diffVersions(deps.db, request.params.sku, request.query.kind, request.query.from, request.query.to),
  );
}
