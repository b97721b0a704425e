// HTTP route of the WMS sync from an exported spreadsheet: read and mapped here, applied by inventory.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../core/errors.js";
import { requirePrincipal } from "../core/http/access.js";
import type { AppDeps } from "../core/http/app-deps.js";
import { errorReplies } from "../core/http/schemas.js";
import { langFromHeader } from "../core/i18n.js";
import type { InventoryHooks } from "../inventory/hooks.js";
import { isPartial, partialQuery, syncReply } from "../inventory/routes.js";
import { syncInventoryFile } from "./sync-inventory-file.js";

export function inventoryFileRoutes(app: FastifyInstance, deps: AppDeps, hooks: InventoryHooks) {
  const r = app.withTypeProvider<ZodTypeProvider>();
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
        hooks,
      });
    },
  );
}
