// GET /api/dashboards/:role: the figures on that role's board.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { requirePrincipal } from "../core/http/access.js";
import type { AppDeps } from "../core/http/app-deps.js";
import { errorReplies } from "../core/http/schemas.js";
import { BOARD_ROLES, getDashboard } from "./get-dashboard.js";

export function dashboardRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/dashboards/:role",
    {
      config: { access: "session" },
      schema: {
        tags: ["dashboards"],
        summary: "The figures on a role's board (that role, or admin); planner, purchasing and sales include the current plan's figures",
        params: z.object({ role: z.enum(BOARD_ROLES) }),
        response: { 200: z.record(z.string(), z.unknown()), ...errorReplies },
      },
    },
    async (request) => getDashboard(deps.db, requirePrincipal(request), request.params.role),
  );
}
