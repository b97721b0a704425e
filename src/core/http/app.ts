// Builds the HTTP app: validation, OpenAPI, access control, error shape, and each capability's routes.
import fastifyCookie from "@fastify/cookie";
import fastifyMultipart from "@fastify/multipart";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import type { Kysely } from "kysely";
import { askRoutes } from "../../ask/routes.js";
import { calendarRoutes } from "../../calendar/routes.js";
import { customerRoutes } from "../../customers/routes.js";
import { dashboardRoutes } from "../../dashboards/routes.js";
import { itemRoutes } from "../../engineering/routes.js";
import { ChangeHub } from "../../events/change-hub.js";
import { eventRoutes } from "../../events/routes.js";
import { exportRoutes } from "../../exports/routes.js";
import { historyRoutes } from "../../history/routes.js";
import { importRoutes } from "../../imports/routes.js";
import { inventoryRoutes } from "../../inventory/routes.js";
import { registerOutcomeGauges } from "../../metrics/outcome-gauges.js";
import { metricsRoutes } from "../../metrics/routes.js";
import { orderRoutes } from "../../orders/routes.js";
import { planningRoutes } from "../../planning/routes.js";
import { productionRoutes } from "../../production/routes.js";
import { ruleRoutes } from "../../rules/routes.js";
import { ruleExecutionRate } from "../../rules/rule-execution-rate.js";
import { equipmentRoutes, replenishmentRoutes } from "../../service/equipment-routes.js";
import { publicRoutes } from "../../service/public-routes.js";
import { statusLinkRoutes } from "../../service/status-link-routes.js";
import { settingsRoutes } from "../../settings/routes.js";
import { systemRoutes } from "../../system/routes.js";
import { taskRoutes } from "../../tasks/routes.js";
import { userRoutes } from "../../users/routes.js";
import { viewRoutes } from "../../views/routes.js";
import { PrincipalCache } from "../auth/principal-cache.js";
import { authRoutes } from "../auth/routes.js";
import type { Config } from "../config.js";
import type { DbKind } from "../db/connect.js";
import type { Listen } from "../db/listen.js";
import type { DB } from "../db/schema.js";
import { AppError } from "../errors.js";
import { registerAccessControl } from "./access.js";
import { errorHandler } from "./error-handler.js";
import { createMetrics, instrument, type Metrics, registerRuleGauges } from "./metrics.js";
import { DEFAULT_WEB_DIR, registerWebApp } from "./web-app.js";

export interface AppDeps {
  db: Kysely<DB>;
  kind: DbKind;
  config: Config;
  version: string;
  metrics: Metrics;
  /** Who each session or token is; forget() after a change to sessions, users or tokens. */
  principals: PrincipalCache;
}

export async function buildApp(
  options: Omit<AppDeps, "metrics" | "principals"> & { logger?: boolean; listen?: Listen; webDir?: string },
): Promise<FastifyInstance> {
  const deps: AppDeps = { ...options, metrics: createMetrics(), principals: new PrincipalCache() };
  registerRuleGauges(deps.metrics.registry, () => ruleExecutionRate(options.db, { from: new Date(Date.now() - 86_400_000), to: new Date() }));
  registerOutcomeGauges(deps.metrics.registry, options.db);
  const app = Fastify({
    logger: options.logger ? { level: options.config.logLevel } : false,
    bodyLimit: options.config.bodyLimitBytes,
    // Ids like lines[0].qty are built from the schema path; keep Fastify's AJV out of the way.
    ajv: { customOptions: { coerceTypes: false } },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler(options.config.bodyLimitBytes));
  let webFallback: Awaited<ReturnType<typeof registerWebApp>>;
  app.setNotFoundHandler((request, reply) => {
    if (webFallback?.(request, reply)) return;
    const e = new AppError("not_found", "not_found.route", { method: request.method, url: request.url.split("?")[0] });
    reply.status(404).send(e.toBody(request.headers["accept-language"]?.startsWith("en") ? "en" : "zh"));
  });

  // The API speaks JSON: a text body is refused as malformed instead of failing later as a "string".
  app.removeContentTypeParser("text/plain");
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: options.config.importMaxBytes, files: 1, fields: 10 } });
  // Per-route limits only (the public pages); the count is per instance, which bounds scraping well enough.
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => new AppError("rate_limited", "request.rate_limited", { after: context.after }),
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: "Lvyue (履约) API", description: "Order fulfilment hub for make-to-order manufacturers", version: deps.version },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "lvyue_session" },
          token: { type: "http", scheme: "bearer" },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/docs" });
  if (options.listen) await deps.principals.start(options.listen);
  app.addHook("onClose", () => deps.principals.stop());
  registerAccessControl(app, options.db, deps.principals);
  webFallback = await registerWebApp(app, options.webDir ?? DEFAULT_WEB_DIR);
  instrument(app, deps.metrics);

  app.get("/openapi.json", { config: { access: "public" }, schema: { hide: true } }, async () => app.swagger());
  systemRoutes(app, deps);
  authRoutes(app, deps);
  customerRoutes(app, deps);
  itemRoutes(app, deps);
  orderRoutes(app, deps);
  ruleRoutes(app, deps);
  taskRoutes(app, deps);
  settingsRoutes(app, deps);
  metricsRoutes(app, deps);
  importRoutes(app, deps);
  historyRoutes(app, deps);
  inventoryRoutes(app, deps);
  exportRoutes(app, deps);
  calendarRoutes(app, deps);
  planningRoutes(app, deps);
  statusLinkRoutes(app, deps);
  // Multipart is registered once for the app (spreadsheet limits); a visit upload narrows them per request.
  equipmentRoutes(app, deps);
  replenishmentRoutes(app, deps);
  publicRoutes(app, deps);
  // Without a listener (a bare app in a unit test) the stream stays open but silent.
  const hub = new ChangeHub();
  if (options.listen) await hub.start(options.listen);
  app.addHook("onClose", () => hub.stop());
  eventRoutes(app, hub);
  dashboardRoutes(app, deps);
  askRoutes(app, deps);
  viewRoutes(app, deps);
  userRoutes(app, deps);
  productionRoutes(app, deps);
  await app.ready();
  return app;
}
