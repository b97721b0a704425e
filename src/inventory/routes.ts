// HTTP routes of the WMS sync: a JSON batch from an API token, or the same from an exported file.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../core/errors.js";
import { requirePrincipal } from "../core/http/access.js";
import type { AppDeps } from "../core/http/app-deps.js";
import { errorReplies } from "../core/http/schemas.js";
import { langFromHeader } from "../core/i18n.js";
import { syncBody } from "./model/sync-lines.js";
import { syncInventory } from "./sync-inventory.js";
import { syncInventoryFile } from "./sync-inventory-file.js";

const partialQuery = { partial: z.enum(["0", "1", "true", "false"]).optional() };
const isPartial = (v?: string) => v === "1" || v === "true";

const syncReply = z.object({
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

export function inventoryRoutes(app: FastifyInstance, deps: AppDeps) {
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
      }),
  );
  r.post(
    "/api/inventory/sync/file",
    {
      config: { access: "inventory.sync" },
      schema: {
        tags: ["inventory"],
        summary: "The same sync from a .xlsx/.csv export (columns 物料编码, 库位, 库存数量); batchId defaults to the file's hash",
        consumes: ["multipart/form-data"],
        querystring: z.strictObject({ ...partialQuery, batchId: z.string().min(1).max(100).optional(), sheet: z.string().max(100).optional() }),
        response: { 200: syncReply, ...errorReplies },
      },
    },
    async (request) => {
      let file: { buffer: Buffer; name: string } | undefined;
      try {
        const part = await request.file();
        if (part) file = { buffer: await part.toBuffer(), name: part.filename || "upload" };
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === "FST_REQ_FILE_TOO_LARGE") throw new AppError("too_large", "import.file_too_large", { limit: deps.config.importMaxBytes }, "file");
        if (code !== "FST_INVALID_MULTIPART_CONTENT_TYPE") throw error;
      }
      if (!file) throw new AppError("invalid", "import.file_missing", {}, "file");
      return syncInventoryFile(deps.db, requirePrincipal(request), file, {
        batchId: request.query.batchId,
        sheet: request.query.sheet,
        partial: isPartial(request.query.partial),
        lang: langFromHeader(request.headers["accept-language"]),
      });
    },
  );
}
