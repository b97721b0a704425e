// Tasks created by rules and people: my list, the people to mention, and closing one (with a note,
// mentions, and for a review its outcome, which decides the order's next step).
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { requirePrincipal } from "../core/http/access.js";
import type { AppDeps } from "../core/http/app-deps.js";
import { errorReplies } from "../core/http/schemas.js";
import { completeTask } from "./complete-task.js";
import type { TaskHooks } from "./hooks.js";
import { listPeople, listTasks } from "./tasks.js";

const loose = z.record(z.string(), z.unknown());

export function taskRoutes(app: FastifyInstance, deps: AppDeps, hooks: TaskHooks) {
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
  r.get(
    "/api/tasks/people",
    {
      config: { access: "session" },
      schema: {
        tags: ["tasks"],
        summary: "The people a task can mention (active users, by display name)",
        response: {
          200: z.object({ people: z.array(z.object({ username: z.string(), displayName: z.string(), roles: z.array(z.string()) })) }),
          ...errorReplies,
        },
      },
    },
    async () => ({ people: await listPeople(deps.db) }),
  );
  r.post(
    "/api/tasks/:id/done",
    {
      config: { access: "session" },
      schema: {
        tags: ["tasks"],
        summary: "Close a task: a note, people to follow up, and for a review approve / reject / needs_input (reject and needs_input need a note)",
        params: z.object({ id: z.coerce.number().int().min(1) }),
        body: z
          .strictObject({
            note: z.string().trim().max(500).optional(),
            outcome: z.enum(["approve", "reject", "needs_input"]).optional(),
            mentions: z.array(z.string().trim().min(1).max(60)).max(10).optional(),
          })
          // No body at all (the route's older callers) arrives as null.
          .nullish(),
        response: { 200: loose, 201: loose, ...errorReplies },
      },
    },
    async (request) => completeTask(deps.db, requirePrincipal(request), request.params.id, request.body ?? {}, hooks),
  );
}
