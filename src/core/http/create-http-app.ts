// The HTTP plumbing every route relies on: validation, OpenAPI, access control, error shape, the web app.
// Capabilities plug their routes into it in src/app.ts; core itself knows none of them.
import fastifyCookie from "@fastify/cookie";
import fastifyMultipart from "@fastify/multipart";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { PrincipalCache } from "../auth/principal-cache.js";
import type { Listen } from "../db/listen.js";
import { AppError } from "../errors.js";
import { registerAccessControl } from "./access.js";
import type { AppDeps } from "./app-deps.js";
import { registerDefences, serverOptions } from "./defences.js";
import { errorHandler } from "./error-handler.js";
import { REDACT_PATHS, REDACTED, serializeError, serializeRequest } from "./log-redaction.js";
import { createMetrics, instrument } from "./metrics.js";
import { DEFAULT_WEB_DIR, registerWebApp } from "./web-app.js";

export interface HttpAppOptions extends Omit<AppDeps, "metrics" | "principals"> {
  logger?: boolean;
  /** Where the log goes (stdout by default): a test reads it back. */
  logStream?: NodeJS.WritableStream;
  listen?: Listen;
  webDir?: string;
}

/** A Fastify app with the plumbing, and /openapi.json; not ready yet (add routes, then ready()). */
export async function createHttpApp(options: HttpAppOptions): Promise<{ app: FastifyInstance; deps: AppDeps }> {
  const deps: AppDeps = {
    db: options.db,
    kind: options.kind,
    config: options.config,
    version: options.version,
    metrics: createMetrics(),
    principals: new PrincipalCache(),
  };
  const app = Fastify({
    ...serverOptions(options.config),
    logger: options.logger
      ? {
          level: options.config.logLevel,
          redact: { paths: REDACT_PATHS, censor: REDACTED },
          serializers: { req: serializeRequest, err: serializeError },
          ...(options.logStream ? { stream: options.logStream } : {}),
        }
      : false,
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
  await registerDefences(app, options.config);
  if (options.listen) await deps.principals.start(options.listen);
  app.addHook("onClose", () => deps.principals.stop());
  registerAccessControl(app, options.db, deps.principals);
  webFallback = await registerWebApp(app, options.webDir ?? DEFAULT_WEB_DIR);
  instrument(app, deps.metrics);

  app.get("/openapi.json", { config: { access: "public" }, schema: { hide: true } }, async () => app.swagger());
  return { app, deps };
}
