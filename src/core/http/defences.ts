// The app's HTTP defences, registered before any route: server options (which proxies to believe;
// URLs it cannot decode answer in the API's error shape), security headers (@fastify/helmet), the
// same-origin check on every state-changing request, and input hygiene (no control characters).
import fastifyHelmet from "@fastify/helmet";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from "fastify";
import type { Config } from "../config.js";
import { AppError } from "../errors.js";
import { langFromHeader } from "../i18n.js";
import { registerInputHygiene } from "./hygiene.js";
import { registerSameOriginCheck } from "./same-origin.js";

/** Options of the Fastify server itself (given when it is created). */
export function serverOptions(config: Config): Partial<FastifyServerOptions> {
  return {
    // Behind a TLS proxy named here, request.protocol is https: the session cookie gets Secure and HSTS is sent.
    // A hop count is accepted at run time though the type leaves it out.
    trustProxy: config.trustProxy as FastifyServerOptions["trustProxy"],
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      const e = new AppError("malformed", "request.malformed_url", { detail: error.message });
      reply.status(e.status).send(e.toBody(langFromHeader(request.headers["accept-language"])));
    },
  };
}

/**
 * What the web app needs and nothing more: its own scripts (and WebAssembly, for the barcode reader),
 * inline styles (Ant Design writes its CSS at run time), images from data: and blob: URLs (ECharts'
 * exports, photos before upload), connections to itself only (API, event stream); no frames, no plugins,
 * forms posting only here, and nobody may frame the app (clickjacking).
 */
export const CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", "data:", "blob:"],
    fontSrc: ["'self'", "data:"],
    connectSrc: ["'self'"],
    workerSrc: ["'self'", "blob:"],
    mediaSrc: ["'self'", "blob:"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    scriptSrcAttr: ["'none'"],
  },
};

export async function registerDefences(app: FastifyInstance, config: Config) {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    // HSTS only where the browser reached us over TLS (below); a plant's plain-HTTP LAN address must keep working.
    strictTransportSecurity: false,
    // The API's images (visit photos) are fetched by the app itself; a stricter policy gains nothing here.
    crossOriginResourcePolicy: { policy: "same-origin" },
  });
  app.addHook("onRequest", async (request, reply) => {
    if (request.protocol === "https") reply.header("strict-transport-security", "max-age=31536000; includeSubDomains");
  });
  registerSameOriginCheck(app, [...config.allowedOrigins, ...(config.publicUrl ? [config.publicUrl] : [])]);
  registerInputHygiene(app);
}
