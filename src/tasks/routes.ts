// Tasks created by rules and people: my list, and marking one done (which lifts blocks waiting on it).
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { requirePrincipal } from "../core/http/access.js";
import type { AppDeps } from "../core/http/app-deps.js";
import { errorReplies } from "../core/http/schemas.js";
import { completeTask, listTasks } from "./tasks.js";

const loose = z.record(z.string(), z.unknown());

export function taskRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/tasks",
    {
      config: { access: "session" },
      schema: {
        tags: ["tasks"],
        summary: "Tasks; mine=1: assigned to my roles or to me, or mentioning me",
        querystring: z.strictObject({
          mine: z.enum(["0", "1"]).optional(),
          status: z.enum(["open", "done", "cancelled"]).optional(),
          orderNo: z.string().max(30).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: loose, 201: loose, ...errorReplies },
      },
    },
    async (request) => ({ tasks: await listTasks(deps.db, requirePrincipal(request), request.query) }),
  );
  r.post(
    "/api/tasks/:id/done",
    {
      config: { access: "session" },
      schema: {
        tags: ["tasks"],
        summary: "Mark a task done",
        params: z.object({ id: z.coerce.number().int().min(1) }),
        response: { 200: loose, 201: loose, ...errorReplies },
      },
    },
    async (request) => completeTask(deps.db, requirePrincipal(request), request.params.id),
  );
}
