// Admin routes for robot webhooks and credit providers.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { requirePrincipal } from "../core/http/access.js";
import type { AppDeps } from "../core/http/app-deps.js";
import { errorReplies } from "../core/http/schemas.js";
import { getGoLiveSettings, goLiveSettings, updateGoLiveSettings } from "./go-live-settings.js";
import { integrationSetting, listIntegrations, putIntegration } from "./integration-settings.js";
import { getPromiseSettings, promiseSettings, updatePromiseSettings } from "./promise-settings.js";
import { getPurchasingSettings, purchasingSettings, updatePurchasingSettings } from "./purchasing-settings.js";

const promiseSettingsReply = promiseSettings.extend({ updatedBy: z.string().nullable(), updatedAt: z.date().nullable() });

const purchasingSettingsReply = purchasingSettings.extend({ updatedBy: z.string().nullable(), updatedAt: z.date().nullable() });

const goLiveReply = goLiveSettings.extend({
  dualRunEndsOn: z.string().nullable().describe("the last day of the dual run"),
  updatedBy: z.string().nullable(),
  updatedAt: z.date().nullable(),
});

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
  r.get(
    "/api/settings/promise",
    {
      config: { access: "planning.read" },
      schema: {
        tags: ["settings"],
        summary: "The promise buffers: days between the plan's finish and the promise, days parts are wanted before the job",
        response: { 200: promiseSettingsReply, ...errorReplies },
      },
    },
    async () => getPromiseSettings(deps.db),
  );
  r.put(
    "/api/settings/promise",
    {
      config: { access: "planning.write" },
      schema: {
        tags: ["settings"],
        summary: "Change the promise buffers (planner, admin); logged, and the next re-plan applies them",
        body: promiseSettings.partial(),
        response: { 200: promiseSettingsReply, ...errorReplies },
      },
    },
    async (request) => updatePromiseSettings(deps.db, requirePrincipal(request), request.body),
  );
  r.get(
    "/api/settings/go-live",
    {
      config: { access: "session" },
      schema: {
        tags: ["settings"],
        summary: "The go-live date and the dual-run window (双轨制): ledger rows from go-live on are not history but orders Lvyue should hold",
        response: { 200: goLiveReply, ...errorReplies },
      },
    },
    async () => getGoLiveSettings(deps.db),
  );
  r.put(
    "/api/settings/go-live",
    {
      config: { access: "settings.write" },
      schema: {
        tags: ["settings"],
        summary: "Set the go-live date and the dual-run days (admin); logged",
        body: goLiveSettings.partial(),
        response: { 200: goLiveReply, ...errorReplies },
      },
    },
    async (request) => updateGoLiveSettings(deps.db, requirePrincipal(request), request.body),
  );
  r.get(
    "/api/settings/purchasing",
    {
      config: { access: "planning.read" },
      schema: {
        tags: ["settings"],
        summary: "Days after today an overdue purchase line is counted as arriving (it never supplies in the past)",
        response: { 200: purchasingSettingsReply, ...errorReplies },
      },
    },
    async () => getPurchasingSettings(deps.db),
  );
  r.put(
    "/api/settings/purchasing",
    {
      config: { access: "planning.write" },
      schema: {
        tags: ["settings"],
        summary: "Change the overdue-supply delay (planner, admin); logged, and the next re-plan applies it",
        body: purchasingSettings.partial(),
        response: { 200: purchasingSettingsReply, ...errorReplies },
      },
    },
    async (request) => updatePurchasingSettings(deps.db, requirePrincipal(request), request.body),
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
