// HTTP routes of the outcome metrics: the five figures, their trends, and the rows behind each figure.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../core/http/app-deps.js";
import { errorReplies, isoDate } from "../core/http/schemas.js";
import { DISAGREEMENT_CAUSES } from "./agreement-store.js";
import { computeOutcomes } from "./compute-outcomes.js";
import { listDeliveries, listDisagreements, listDwellOrders, listMasterChanges, listStuckOrders } from "./list-outcome-sources.js";
import { periodOf } from "./model/period.js";
import { DWELL_STATUSES } from "./model/stages.js";
import { outcomeTrends } from "./outcome-trends.js";

const loose = z.record(z.string(), z.unknown());
const replies = { 200: loose, ...errorReplies };
const range = { from: isoDate, to: isoDate };
const page = {
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
};

export function metricsRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/metrics/outcomes",
    {
      config: { access: "session" },
      schema: {
        tags: ["metrics"],
        summary:
          "Stage dwell times, on-time delivery, rule execution rate, data autonomy and status disagreements of a period (to inclusive); pivot adds a before/after comparison",
        querystring: z.strictObject({ ...range, pivot: isoDate.optional() }),
        response: replies,
      },
    },
    async (request) => {
      const { from, to, pivot } = request.query;
      return computeOutcomes(deps.db, periodOf(from, to), { now: new Date(), pivot });
    },
  );
  r.get(
    "/api/metrics/outcomes/trends",
    {
      config: { access: "session" },
      schema: {
        tags: ["metrics"],
        summary:
          "Dwell times, on-time rate, rule execution rate and data autonomy per plant ISO week or month, and the orders created in each with how many disagree now, as chart series",
        querystring: z.strictObject({ ...range, by: z.enum(["week", "month"]).default("week") }),
        response: replies,
      },
    },
    async (request) => outcomeTrends(deps.db, periodOf(request.query.from, request.query.to), request.query.by),
  );
  r.get(
    "/api/metrics/outcomes/dwell/:stage/orders",
    {
      config: { access: "session" },
      schema: {
        tags: ["metrics"],
        summary: "The orders behind a dwell figure (a stage or a status), longest first",
        params: z.object({ stage: z.string().min(1).max(40) }),
        querystring: z.strictObject({ ...range, ...page }),
        response: replies,
      },
    },
    async (request) => {
      const { from, to, limit, offset } = request.query;
      return listDwellOrders(deps.db, periodOf(from, to), request.params.stage, { limit, offset });
    },
  );
  r.get(
    "/api/metrics/outcomes/stuck",
    {
      config: { access: "session" },
      schema: {
        tags: ["metrics"],
        summary: "Open orders waiting longest in their current status, per status",
        querystring: z.strictObject({ status: z.enum(DWELL_STATUSES as [string, ...string[]]).optional(), limit: page.limit.default(20) }),
        response: replies,
      },
    },
    async (request) => listStuckOrders(deps.db, new Date(), request.query),
  );
  r.get(
    "/api/metrics/outcomes/on-time/orders",
    {
      config: { access: "session" },
      schema: {
        tags: ["metrics"],
        summary: "The deliveries behind the on-time figures (filter by customer, family, month; late=true for late ones)",
        querystring: z.strictObject({
          ...range,
          customer: z.string().max(20).optional(),
          family: z.string().max(100).optional(),
          month: z
            .string()
            .regex(/^\d{4}-\d{2}$/, "YYYY-MM")
            .optional(),
          late: z.enum(["true", "false"]).optional(),
          ...page,
        }),
        response: replies,
      },
    },
    async (request) => {
      const { from, to, late, ...filter } = request.query;
      return listDeliveries(deps.db, periodOf(from, to), { ...filter, late: late === "true" });
    },
  );
  r.get(
    "/api/metrics/outcomes/autonomy/changes",
    {
      config: { access: "session" },
      schema: {
        tags: ["metrics"],
        summary: "The master-data changes behind the data-autonomy figure, with who made them",
        querystring: z.strictObject({ ...range, entity: z.string().max(40).optional(), ...page }),
        response: replies,
      },
    },
    async (request) => {
      const { from, to, ...filter } = request.query;
      return listMasterChanges(deps.db, periodOf(from, to), filter);
    },
  );
  r.get(
    "/api/metrics/outcomes/disagreements",
    {
      config: { access: "session" },
      schema: {
        tags: ["metrics"],
        summary:
          "Every order whose status disagrees with its event log, reservations or delivery date, with the cause; from/to: only the orders created in those plant days (one alone: that day)",
        querystring: z.strictObject({ cause: z.enum(DISAGREEMENT_CAUSES).optional(), from: isoDate.optional(), to: isoDate.optional(), ...page }),
        response: replies,
      },
    },
    async (request) => {
      const { from, to, ...filter } = request.query;
      const day = from ?? to;
      return listDisagreements(deps.db, { ...filter, created: day ? periodOf(from ?? day, to ?? day) : undefined });
    },
  );
}
