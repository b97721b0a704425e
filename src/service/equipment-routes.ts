// HTTP routes of the installed base: look-up by serial, import, proposals, service visits.
import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../core/http/app.js";

export function equipmentRoutes(_app: FastifyInstance, _deps: AppDeps) {}
