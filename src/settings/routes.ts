// Admin routes for robot webhooks and credit providers.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { requirePrincipal } from "../core/http/access.js";
import type { AppDeps } from "../core/http/app-deps.js";
import { errorReplies } from "../core/http/schemas.js";
import { integrationSetting, listIntegrations, putIntegration } from "./integration-settings.js";

const loose = z.record(z.string(), z.unknown());

export function settingsRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/settings/integrations",
    {
      config: { access: "settings.write" },
      schema: { tags: ["settings"], summary: "Robot webhooks and credit providers (secrets masked)", response: { 200: loose, ...errorReplies } },
    },
    async () => ({ integrations: await listIntegrations(deps.db) }),
  );
  r.put(
    "/api/settings/integrations/:name",
    {
      config: { access: "settings.write" },
      schema: {
        tags: ["settings"],
        summary: "Configure a robot webhook (kind robot) or a credit provider (kind credit)",
        params: z.object({ name: z.string().regex(/^[a-z0-9-]{1,60}$/, "lower-case letters, digits, -") }),
        body: integrationSetting,
        response: { 200: loose, ...errorReplies },
      },
    },
    async (request) => {
      await putIntegration(deps.db, request.params.name, request.body, requirePrincipal(request).name);
      return { name: request.params.name, kind: request.body.kind };
    },
  );
}
