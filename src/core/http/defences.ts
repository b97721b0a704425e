// The app's HTTP defences, registered before any route: server options (URLs it cannot decode answer
// in the API's error shape) and input hygiene (no control characters in what callers send).
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from "fastify";
import type { Config } from "../config.js";
import { AppError } from "../errors.js";
import { langFromHeader } from "../i18n.js";
import { registerInputHygiene } from "./hygiene.js";

/** Options of the Fastify server itself (given when it is created). */
export function serverOptions(_config: Config): Partial<FastifyServerOptions> {
  return {
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      const e = new AppError("malformed", "request.malformed_url", { detail: error.message });
      reply.status(e.status).send(e.toBody(langFromHeader(request.headers["accept-language"])));
    },
  };
}

export async function registerDefences(app: FastifyInstance, _config: Config) {
  registerInputHygiene(app);
}
