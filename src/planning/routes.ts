// HTTP routes of planning: promises, the plan, shortages, bottlenecks, batch reschedule.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { requirePrincipal } from "../core/http/access.js";
import type { AppDeps } from "../core/http/app.js";
import { errorReplies } from "../core/http/schemas.js";
import { langFromHeader } from "../core/i18n.js";
import { getOrderPlan, getPlanStatus } from "./get-plan.js";
import { promiseNewOrder } from "./promise-order.js";
import { replan } from "./replan.js";
import { promiseBody, promiseReply } from "./schemas.js";

const loose = z.record(z.string(), z.unknown());

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
  r.post(
    "/api/planning/replan",
    {
      config: { access: "planning.write" },
      schema: { tags: ["planning"], summary: "Recompute the whole plan now and save it as the current run", response: { 200: loose, ...errorReplies } },
    },
    async (request) => ({ ...(await replan(deps.db, requirePrincipal(request).name, "manual")) }),
  );
  r.get(
    "/api/planning/status",
    {
      config: { access: "session" },
      schema: { tags: ["planning"], summary: "The current plan run, and whether a change has made it stale", response: { 200: loose, ...errorReplies } },
    },
    async () => getPlanStatus(deps.db),
  );
  r.get(
    "/api/planning/orders/:orderNo",
    {
      config: { access: "orders.read" },
      schema: {
        tags: ["planning"],
        summary: "One order in the current plan: planned date, kitting rate, operations, shortages",
        params: z.object({ orderNo: z.string().regex(/^DH\d{11,}$/) }),
        response: { 200: loose, ...errorReplies },
      },
    },
    async (request) => getOrderPlan(deps.db, request.params.orderNo),
  );
}
