// Saved views of lists: GET /api/views?list=orders, POST /api/views, DELETE /api/views/:id.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { requirePrincipal } from "../core/http/access.js";
import type { AppDeps } from "../core/http/app-deps.js";
import { errorReplies } from "../core/http/schemas.js";
import { deleteView, listViews, saveView } from "./saved-views.js";
import { LISTS, saveViewBody, viewReply } from "./schemas.js";

export function viewRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/views",
    {
      config: { access: "session" },
      schema: {
        tags: ["views"],
        summary: "My saved views of a list and those others shared",
        querystring: z.strictObject({ list: z.enum(LISTS) }),
        response: { 200: z.object({ views: z.array(viewReply) }), ...errorReplies },
      },
    },
    async (request) => ({ views: await listViews(deps.db, requirePrincipal(request), request.query.list) }),
  );
  r.post(
    "/api/views",
    {
      config: { access: "session" },
      schema: {
        tags: ["views"],
        summary: "Save a view (a named filter); saving the same name again replaces it",
        body: saveViewBody,
        response: { 201: viewReply, ...errorReplies },
      },
    },
    async (request, reply) => reply.status(201).send(await saveView(deps.db, requirePrincipal(request), request.body)),
  );
  r.delete(
    "/api/views/:id",
    {
      config: { access: "session" },
      schema: {
        tags: ["views"],
        summary: "Delete one of my views (admin: any)",
        params: z.object({ id: z.coerce.number().int().min(1) }),
        response: { 204: z.null(), ...errorReplies },
      },
    },
    async (request, reply) => {
      await deleteView(deps.db, requirePrincipal(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
