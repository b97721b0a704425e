// HTTP routes of rules: list, create, read with history, change (incl. enable/disable), dry-run.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { requirePrincipal } from "../core/http/access.js";
import type { AppDeps } from "../core/http/app-deps.js";
import { errorReplies, isoDate } from "../core/http/schemas.js";
import { dryRunRule } from "./dry-run-rule.js";
import { ruleCatalogue } from "./rule-catalogue.js";
import { ruleExecutionRate } from "./rule-execution-rate.js";
import { getRuleView, listRules } from "./rule-views.js";
import { createRule, updateRule } from "./save-rule.js";

const loose = z.record(z.string(), z.unknown());

const idParams = z.object({ id: z.coerce.number().int().min(1) });
const ruleBody = z.record(z.string(), z.unknown()).describe("a rule definition: name, description, trigger, condition (JSONLogic), priority, enabled, actions");

export function ruleRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get("/api/rules", { config: { access: "rules.read" }, schema: { tags: ["rules"], summary: "All rules, current versions" } }, async () => ({
    rules: await listRules(deps.db),
  }));
  r.get(
    "/api/rules/catalogue",
    {
      config: { access: "rules.read" },
      schema: {
        tags: ["rules"],
        summary: "What the rule editor offers: triggers, facts a condition may read, operators, each action's fields",
        response: { 200: loose },
      },
    },
    async () => ruleCatalogue(),
  );
  r.get(
    "/api/rules/execution-rate",
    {
      config: { access: "rules.read" },
      schema: {
        tags: ["rules"],
        summary: "Per rule: matched ÷ should-have-matched (re-evaluated from the log) and succeeded ÷ matched, with failures",
        querystring: z.strictObject({ from: isoDate, to: isoDate }),
        response: { 200: loose, ...errorReplies },
      },
    },
    async (request) =>
      ruleExecutionRate(deps.db, {
        from: new Date(`${request.query.from}T00:00:00+08:00`),
        to: new Date(new Date(`${request.query.to}T00:00:00+08:00`).getTime() + 86_400_000),
      }),
  );
  r.post(
    "/api/rules",
    {
      config: { access: "rules.write" },
      schema: { tags: ["rules"], summary: "Create a rule (version 1)", body: ruleBody, response: { 200: loose, 201: loose, ...errorReplies } },
    },
    async (request, reply) => reply.status(201).send(await createRule(deps.db, requirePrincipal(request), request.body)),
  );
  r.get(
    "/api/rules/:id",
    {
      config: { access: "rules.read" },
      schema: {
        tags: ["rules"],
        summary: "A rule with its versions and recent actions",
        params: idParams,
        response: { 200: loose, 201: loose, ...errorReplies },
      },
    },
    async (request) => getRuleView(deps.db, request.params.id),
  );
  r.patch(
    "/api/rules/:id",
    {
      config: { access: "rules.write" },
      schema: {
        tags: ["rules"],
        summary: "Change a rule: a new version, effective on the next event everywhere (e.g. {enabled:false})",
        params: idParams,
        headers: z.object({
          "if-match": z
            .string()
            .regex(/^"?\d+"?$/)
            .optional(),
        }),
        body: ruleBody,
        response: { 200: loose, 201: loose, ...errorReplies },
      },
    },
    async (request) => {
      const ifMatch = request.headers["if-match"];
      return updateRule(deps.db, requirePrincipal(request), request.params.id, request.body, ifMatch ? Number(ifMatch.replaceAll('"', "")) : undefined);
    },
  );
  r.post(
    "/api/rules/:id/dry-run",
    {
      config: { access: "rules.write" },
      schema: {
        tags: ["rules"],
        summary: "What the rule (or an edited draft of it) would have matched and done; changes nothing",
        params: idParams,
        body: z.strictObject({ from: isoDate, to: isoDate, draft: z.record(z.string(), z.unknown()).optional() }),
        response: { 200: loose, 201: loose, ...errorReplies },
      },
    },
    async (request) => dryRunRule(deps.db, request.params.id, request.body, request.body.draft),
  );
}
