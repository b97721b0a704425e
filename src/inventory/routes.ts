// HTTP route of the WMS sync: a JSON batch from an API token (the same from an exported file: imports/).
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { requirePrincipal } from "../core/http/access.js";
import type { AppDeps } from "../core/http/app-deps.js";
import { errorReplies } from "../core/http/schemas.js";
import { langFromHeader } from "../core/i18n.js";
import type { InventoryHooks } from "./hooks.js";
import { syncBody } from "./model/sync-lines.js";
import { syncInventory } from "./sync-inventory.js";

export const partialQuery = { partial: z.enum(["0", "1", "true", "false"]).optional() };
export const isPartial = (v?: string) => v === "1" || v === "true";

export const syncReply = z.object({
  batchId: z.string(),
  partial: z.boolean(),
  applied: z.object({ balances: z.number(), inTransit: z.number() }),
  rejected: z.array(z.object({ line: z.string(), field: z.string(), reason: z.string(), message: z.string(), row: z.number().optional() })),
  replayed: z.boolean(),
  rows: z
    .array(z.object({ line: z.string(), row: z.number() }))
    .optional()
    .describe("file sync: the spreadsheet row of each applied line"),
});

export function inventoryRoutes(app: FastifyInstance, deps: AppDeps, hooks: InventoryHooks) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    "/api/inventory/sync",
    {
      config: { access: "inventory.sync" },
      schema: {
        tags: ["inventory"],
        summary: "WMS batch of stock balances and in-transit lines; all or nothing unless partial=1; a retried batchId applies nothing twice",
        querystring: z.strictObject(partialQuery),
        body: syncBody,
        response: { 200: syncReply, ...errorReplies },
      },
    },
    async (request) =>
      syncInventory(deps.db, requirePrincipal(request), request.body, {
        partial: isPartial(request.query.partial),
        lang: langFromHeader(request.headers["accept-language"]),
        hooks,
      }),
  );
}
