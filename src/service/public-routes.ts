// Pages opened by customers without signing in: the order status page (/s/:token) and the warranty
// card (/w/:code). Both are rate-limited per client address; neither reveals anything on a refusal.
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../core/http/app-deps.js";
import { type Lang, langFromHeader } from "../core/i18n.js";
import { renderRefusalPage } from "./model/status-page.js";
import { openStatusPage } from "./open-status-page.js";
import { warrantyCardPdf } from "./warranty-cards.js";

const langQuery = z.object({ lang: z.enum(["zh", "en"]).optional() });

function pageLang(request: FastifyRequest<{ Querystring: { lang?: Lang } }>): Lang {
  return request.query.lang ?? langFromHeader(request.headers["accept-language"]);
}

export function publicRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const rateLimit = { max: deps.config.publicRateLimit, timeWindow: "1 minute" };

  r.get(
    "/s/:token",
    {
      config: { access: "public", rateLimit },
      schema: {
        tags: ["public"],
        summary: "The customer's order-status page (HTML; Chinese, or English with ?lang=en or Accept-Language: en)",
        params: z.object({ token: z.string().max(200) }),
        querystring: langQuery,
      },
    },
    async (request, reply) => {
      const page = await openStatusPage(deps.db, request.params.token, pageLang(request));
      return (
        reply
          .status(page.status)
          .header("content-type", "text/html; charset=utf-8")
          .header("cache-control", "no-store")
          .header("referrer-policy", "no-referrer")
          .header("x-robots-tag", "noindex")
          // Static HTML with inline styles only: nothing may load or run on the customer's page.
          .header("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
          .send(page.html)
      );
    },
  );

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
