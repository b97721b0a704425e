// POST /api/ask: the query box.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { requirePrincipal } from "../core/http/access.js";
import type { AppDeps } from "../core/http/app-deps.js";
import { errorReplies } from "../core/http/schemas.js";
import { answerQuestion } from "./answer-question.js";
import { INTENTS } from "./model/parse-question.js";

export function askRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    "/api/ask",
    {
      config: { access: "session" },
      schema: {
        tags: ["ask"],
        summary:
          "Answer a typed or spoken question (Chinese or English): an order's stage and owner, orders we can still accept today, shortages and bottlenecks from the plan, today's intake, overdue orders, tasks",
        body: z.strictObject({ text: z.string().trim().min(1).max(500) }),
        response: {
          200: z.object({
            intent: z.enum(INTENTS),
            lang: z.enum(["zh", "en"]),
            answer: z.string(),
            orderNo: z.string().nullable(),
            stage: z.string().nullable().describe("the stage in the question's language"),
            status: z.string().nullable().describe("the status code"),
            owner: z.string().nullable().describe("the person (or role) responsible now"),
          }),
          ...errorReplies,
        },
      },
    },
    async (request) => answerQuestion(deps.db, requirePrincipal(request), request.body.text),
  );
}
