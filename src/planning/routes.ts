// HTTP routes of planning: promises, the plan, shortages, bottlenecks, batch reschedule.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppDeps } from "../core/http/app.js";
import { errorReplies } from "../core/http/schemas.js";
import { langFromHeader } from "../core/i18n.js";
import { promiseNewOrder } from "./promise-order.js";
import { promiseBody, promiseReply } from "./schemas.js";

export function planningRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    "/api/promise",
    {
      config: { access: "promise" },
      schema: {
        tags: ["planning"],
        summary: "Promise a date for an order not yet taken (ATP + CTP on top of the current plan); saves nothing",
        body: promiseBody,
        response: { 200: promiseReply, ...errorReplies },
      },
    },
    async (request) => promiseNewOrder(deps.db, request.body, langFromHeader(request.headers["accept-language"])),
  );
}
