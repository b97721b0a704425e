// HTTP routes of planning: promises, the plan, shortages, bottlenecks, batch reschedule.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { checkRange } from "../calendar/get-calendar.js";
import { addDays } from "../calendar/model/dates.js";
import { requirePrincipal } from "../core/http/access.js";
import type { AppDeps } from "../core/http/app-deps.js";
import { errorReplies, isoDate } from "../core/http/schemas.js";
import { langFromHeader } from "../core/i18n.js";
import { plantDay } from "../core/plant-day.js";
import { batchReschedule } from "./batch-reschedule.js";
import { confirmPurchaseRequest, listPurchaseRequests } from "./confirm-purchase-request.js";
import { countAcceptableOrders } from "./count-acceptable-orders.js";
import { getAtp } from "./get-atp.js";
import { getOrderPlan, getPlanStatus } from "./get-plan.js";
import type { PlanningHooks } from "./hooks.js";
import { listBottlenecks } from "./list-bottlenecks.js";
import { listShortages } from "./list-shortages.js";
import { holdPromise, listHolds, releaseHold } from "./promise-holds.js";
import { promiseNewOrder } from "./promise-order.js";
import { replan } from "./replan.js";
import { holdBody, holdReply, promiseBody, promiseReply } from "./schemas.js";

const loose = z.record(z.string(), z.unknown());

export function planningRoutes(app: FastifyInstance, deps: AppDeps, hooks: PlanningHooks) {
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
    "/api/promise/holds",
    {
      config: { access: "promise" },
      schema: {
        tags: ["planning"],
        summary: "Hold a promised date (capacity and material) for some hours, so later promises see it; it expires by itself",
        body: holdBody,
        response: { 201: z.object({ hold: holdReply, promise: promiseReply }), ...errorReplies },
      },
    },
    async (request, reply) => {
      const { hours, ...rest } = request.body;
      const held = await holdPromise(deps.db, requirePrincipal(request), { ...rest, hours }, langFromHeader(request.headers["accept-language"]));
      return reply.status(201).send(held);
    },
  );
  r.get(
    "/api/promise/holds",
    {
      config: { access: "promise" },
      schema: {
        tags: ["planning"],
        summary: "Promise holds in force, oldest first",
        response: { 200: z.object({ holds: z.array(holdReply) }), ...errorReplies },
      },
    },
    async () => listHolds(deps.db),
  );
  r.post(
    "/api/promise/holds/:id/release",
    {
      config: { access: "promise" },
      schema: {
        tags: ["planning"],
        summary: "Give a held date back before it expires",
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 200: holdReply, ...errorReplies },
      },
    },
    async (request) => releaseHold(deps.db, requirePrincipal(request), request.params.id),
  );
  r.post(
    "/api/planning/replan",
    {
      config: { access: "planning.write" },
      schema: { tags: ["planning"], summary: "Recompute the whole plan now and save it as the current run", response: { 200: loose, ...errorReplies } },
    },
    async (request) => {
      // Scheduled orders reach the shop floor first, so the new plan starts from their work orders (decision 0061).
      await hooks.beforeReplan(deps.db);
      return { ...(await replan(deps.db, requirePrincipal(request).name, "manual")) };
    },
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
  r.get(
    "/api/planning/purchase-requests",
    {
      config: { access: "planning.read" },
      schema: {
        tags: ["planning"],
        summary: "Purchases promises depend on, requested by the plan for purchasing to confirm",
        querystring: z.strictObject({ status: z.enum(["requested", "confirmed", "cancelled"]).optional() }),
        response: { 200: loose, ...errorReplies },
      },
    },
    async (request) => listPurchaseRequests(deps.db, request.query.status),
  );
  r.post(
    "/api/planning/purchase-requests/:id/confirm",
    {
      config: { access: "purchasing.write" },
      schema: {
        tags: ["planning"],
        summary: "Confirm a purchase request with the supplier's date: it becomes open supply the plan counts on",
        params: z.object({ id: z.coerce.number().int().positive() }),
        body: z.strictObject({
          expectedDate: isoDate,
          location: z.string().min(1).max(40),
          ref: z.string().min(1).max(60).optional(),
          qty: z.number().positive().optional(),
        }),
        response: { 200: loose, ...errorReplies },
      },
    },
    async (request) => confirmPurchaseRequest(deps.db, { id: request.params.id, ...request.body }, requirePrincipal(request).name),
  );
  r.get(
    "/api/planning/shortages",
    {
      config: { access: "planning.read" },
      schema: {
        tags: ["planning"],
        summary: "Shortages per material from the current plan: quantity, date needed, orders affected, open supply; red when a rush order is short",
        querystring: z.strictObject({ sku: z.string().max(40).optional(), red: z.enum(["0", "1"]).optional() }),
        response: { 200: loose, ...errorReplies },
      },
    },
    async (request) => listShortages(deps.db, { sku: request.query.sku, redOnly: request.query.red === "1" }),
  );
  r.get(
    "/api/planning/bottlenecks",
    {
      config: { access: "planning.read" },
      schema: {
        tags: ["planning"],
        summary: "Load against capacity per work centre and day (default: the next 4 weeks); full centres with the orders filling them",
        querystring: z.strictObject({ from: isoDate.optional(), to: isoDate.optional(), workCentre: z.string().max(40).optional() }),
        response: { 200: loose, ...errorReplies },
      },
    },
    async (request) => {
      const from = request.query.from ?? plantDay(new Date());
      const to = request.query.to ?? addDays(from, 27);
      checkRange(from, to);
      return listBottlenecks(deps.db, { from, to, workCentre: request.query.workCentre });
    },
  );
  r.get(
    "/api/planning/capacity-today",
    {
      config: { access: "promise" },
      schema: {
        tags: ["planning"],
        summary: "Orders we can still accept today: per product family, how many more standard orders fit before the promise date slips",
        response: { 200: loose, ...errorReplies },
      },
    },
    async () => countAcceptableOrders(deps.db),
  );
  r.post(
    "/api/orders/batch-reschedule",
    {
      config: { access: "orders.reschedule" },
      schema: {
        tags: ["orders", "planning"],
        summary:
          "批量改期: new due date for many orders; re-plans, answers per order (new promise, kitting rate) and tells purchasing how shortages changed. All or nothing.",
        body: z.strictObject({
          orderNos: z
            .array(z.string().regex(/^DH\d{11,}$/, "DH + YYYYMMDD + sequence"))
            .min(1)
            .max(2000),
          dueDate: isoDate,
          reason: z.string().trim().min(1).max(500),
        }),
        response: { 200: loose, ...errorReplies },
      },
    },
    async (request) => batchReschedule(deps.db, requirePrincipal(request), request.body, langFromHeader(request.headers["accept-language"])),
  );
  r.get(
    "/api/planning/atp/:sku",
    {
      config: { access: "session" },
      schema: {
        tags: ["planning"],
        summary: "Available to promise of one item: by location (on hand, reserved, in transit) and by date (supplied, allocated by the plan, available)",
        params: z.object({ sku: z.string().min(1).max(40) }),
        querystring: z.strictObject({ days: z.coerce.number().int().min(1).max(365).default(60) }),
        response: { 200: loose, ...errorReplies },
      },
    },
    async (request) => getAtp(deps.db, request.params.sku, request.query.days),
  );
}
