// Health, Prometheus metrics: what operators and load balancers look at.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { sql } from "kysely";
import { z } from "zod";
import type { AppDeps } from "../core/http/app-deps.js";

export function systemRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/health",
    {
      config: { access: "public" },
      schema: {
        tags: ["system"],
        summary: "Liveness and database kind",
        response: { 200: z.object({ status: z.literal("ok"), db: z.enum(["pglite", "postgres"]), version: z.string() }) },
      },
    },
    async () => {
      await sql`select 1`.execute(deps.db);
      return { status: "ok" as const, db: deps.kind, version: deps.version };
    },
  );
  r.get(
    "/metrics",
    { config: { access: "metrics.scrape" }, schema: { tags: ["system"], summary: "Prometheus text metrics", hide: false } },
    async (_req, reply) => {
      reply.header("content-type", deps.metrics.registry.contentType);
      return deps.metrics.registry.metrics();
    },
  );
}
