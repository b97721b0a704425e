// The warranty card a customer opens without signing in (/w/:code, the code printed on the card):
// rate-limited per client address like the status page, revealing nothing on a refusal.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../core/http/app-deps.js";
import { renderRefusalPage } from "../status-links/model/status-page.js";
import { langQuery, pageLang } from "../status-links/public-routes.js";
import { warrantyCardPdf } from "./warranty-cards.js";

export function warrantyCardRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const rateLimit = { max: deps.config.publicRateLimit, timeWindow: "1 minute" };

  r.get(
    "/w/:code",
    {
      config: { access: "public", rateLimit },
      schema: {
        tags: ["public"],
        summary: "A warranty card's PDF, by the verification code printed on it",
        params: z.object({ code: z.string().max(40) }),
        querystring: langQuery,
      },
    },
    async (request, reply) => {
      const pdf = await warrantyCardPdf(deps.db, request.params.code.toUpperCase());
      if (!pdf)
        return reply
          .status(404)
          .header("content-type", "text/html; charset=utf-8")
          .send(renderRefusalPage("card", pageLang(request)));
      return reply
        .header("content-type", "application/pdf")
        .header("content-disposition", `inline; filename="warranty-${request.params.code.toUpperCase()}.pdf"`)
        .header("cache-control", "no-store")
        .send(Buffer.from(pdf));
    },
  );
}
