// HTTP routes of quotations: quote, revise, send (approval below the margin floor), convert, lose, diff.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { requirePrincipal } from "../core/http/access.js";
import type { AppDeps } from "../core/http/app-deps.js";
import { errorReplies } from "../core/http/schemas.js";
import { langFromHeader } from "../core/i18n.js";
import { idempotencyKeyHeader } from "../intake/idempotency-keys.js";
import { addVersion } from "./add-version.js";
import { approveVersion } from "./approve-version.js";
import { convertVersion } from "./convert-version.js";
import { createQuote } from "./create-quote.js";
import { diffQuoteVersions, getQuote } from "./get-quote.js";
import { listQuotes } from "./list-quotes.js";
import { markLost } from "./mark-lost.js";
import { renderQuotePdf } from "./render-quote-pdf.js";
import {
  approveBody,
  convertReply,
  createQuoteBody,
  diffReply,
  lostBody,
  quoteListReply,
  quoteParams,
  quoteReply,
  sendBody,
  sendReply,
  versionBody,
  versionParams,
} from "./schemas.js";
import { type SendOutcome, sendVersion } from "./send-version.js";

const keyHeaders = z.object({ "idempotency-key": idempotencyKeyHeader.optional() });

export function quoteRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/quotes",
    {
      config: { access: "quotes.read" },
      schema: {
        tags: ["quotes"],
        summary: "Quotes, newest first, each with its latest version",
        querystring: z.strictObject({
          status: z.enum(["open", "won", "lost"]).optional(),
          customer: z.string().max(20).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: quoteListReply, ...errorReplies },
      },
    },
    async (request) => ({ quotes: await listQuotes(deps.db, request.query) }),
  );
  r.post(
    "/api/quotes",
    {
      config: { access: "quotes.write" },
      schema: {
        tags: ["quotes"],
        summary: "Quote an inquiry: a new quote number with V1 as a draft, costed and promised (Idempotency-Key makes retries safe)",
        headers: keyHeaders,
        body: createQuoteBody,
        response: { 201: quoteReply, ...errorReplies },
      },
    },
    async (request, reply) => {
      const lang = langFromHeader(request.headers["accept-language"]);
      const { quoteNo, replayed } = await createQuote(deps.db, requirePrincipal(request), request.body, {
        lang,
        idempotencyKey: request.headers["idempotency-key"],
      });
      reply.header("idempotent-replayed", String(replayed));
      return reply.status(201).send(await getQuote(deps.db, quoteNo));
    },
  );
  r.get(
    "/api/quotes/:quoteNo",
    {
      config: { access: "quotes.read" },
      schema: { tags: ["quotes"], summary: "A quote with all its versions", params: quoteParams, response: { 200: quoteReply, ...errorReplies } },
    },
    async (request) => getQuote(deps.db, request.params.quoteNo),
  );
  r.get(
    "/api/quotes/:quoteNo/diff",
    {
      config: { access: "quotes.read" },
      schema: {
        tags: ["quotes"],
        summary: "What changed between two versions: terms, and lines added, removed or changed",
        params: quoteParams,
        querystring: z.strictObject({ from: versionParams.shape.v, to: versionParams.shape.v }),
        response: { 200: diffReply, ...errorReplies },
      },
    },
    async (request) => diffQuoteVersions(deps.db, request.params.quoteNo, request.query.from, request.query.to),
  );
  r.get(
    "/api/quotes/:quoteNo/versions/:v/pdf",
    {
      config: { access: "quotes.read" },
      schema: {
        tags: ["quotes"],
        summary: "The version as the quotation sent to the customer: A4 PDF in Chinese (no costs or margins)",
        params: versionParams,
        response: { 200: z.any().describe("application/pdf"), ...errorReplies },
      },
    },
    async (request, reply) => {
      const { quoteNo, v } = request.params;
      const pdf = await renderQuotePdf(await getQuote(deps.db, quoteNo), v);
      return reply
        .header("content-type", "application/pdf")
        .header("content-disposition", `inline; filename="${quoteNo}-V${v}.pdf"`)
        .header("cache-control", "no-store")
        .send(pdf);
    },
  );
  r.post(
    "/api/quotes/:quoteNo/versions",
    {
      config: { access: "quotes.write" },
      schema: {
        tags: ["quotes"],
        summary: "Revise: the next version as a draft; earlier versions stay as they are",
        params: quoteParams,
        headers: keyHeaders,
        body: versionBody,
        response: { 201: quoteReply, ...errorReplies },
      },
    },
    async (request, reply) => {
      const lang = langFromHeader(request.headers["accept-language"]);
      const { version, replayed } = await addVersion(deps.db, requirePrincipal(request), request.params.quoteNo, request.body, {
        lang,
        idempotencyKey: request.headers["idempotency-key"],
      });
      reply.header("idempotent-replayed", String(replayed)).header("location", `/api/quotes/${request.params.quoteNo}#V${version}`);
      return reply.status(201).send(await getQuote(deps.db, request.params.quoteNo));
    },
  );
  r.post(
    "/api/quotes/:quoteNo/versions/:v/send",
    {
      config: { access: "quotes.write" },
      schema: {
        tags: ["quotes"],
        summary:
          "Send a draft version (then immutable); below the margin floor it waits for approval (202, a task to the sales manager); holdPromise holds its date in the plan",
        params: versionParams,
        body: sendBody,
        response: { 200: sendReply, 202: sendReply, ...errorReplies },
      },
    },
    async (request, reply) => {
      const outcome = await sendVersion(deps.db, requirePrincipal(request), request.params.quoteNo, request.params.v, {
        holdPromise: request.body?.holdPromise ?? false,
        lang: langFromHeader(request.headers["accept-language"]),
      });
      const quote = await getQuote(deps.db, request.params.quoteNo);
      const { hold: _hold, ...sent } = outcome as SendOutcome & { hold?: unknown };
      return reply.status(outcome.sent ? 200 : 202).send({ ...sent, quote });
    },
  );
  r.post(
    "/api/quotes/:quoteNo/versions/:v/approve",
    {
      config: { access: "quotes.approve" },
      schema: {
        tags: ["quotes"],
        summary: "Approve a version below the margin floor for sending (not one's own)",
        params: versionParams,
        body: approveBody,
        response: { 200: quoteReply, ...errorReplies },
      },
    },
    async (request) => {
      await approveVersion(deps.db, requirePrincipal(request), request.params.quoteNo, request.params.v, request.body.note ?? "");
      return getQuote(deps.db, request.params.quoteNo);
    },
  );
  r.post(
    "/api/quotes/:quoteNo/versions/:v/convert",
    {
      config: { access: "quotes.write" },
      schema: {
        tags: ["quotes"],
        summary: "Convert a sent version into the order (its lines, parameters, pinned BOM/routing versions, promise re-checked)",
        params: versionParams,
        response: { 201: convertReply, ...errorReplies },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const { quoteNo, v } = request.params;
      const { order, conversion } = await convertVersion(deps.db, principal, quoteNo, v, langFromHeader(request.headers["accept-language"]));
      return reply.status(201).send({
        ...order,
        fromQuote: { quoteNo, version: v, repriced: conversion.repriced, repromised: conversion.repromised, superseded: conversion.superseded },
      });
    },
  );
  r.post(
    "/api/quotes/:quoteNo/lost",
    {
      config: { access: "quotes.write" },
      schema: {
        tags: ["quotes"],
        summary: "The quote is lost, with the reason; its live versions with it",
        params: quoteParams,
        body: lostBody,
        response: { 200: quoteReply, ...errorReplies },
      },
    },
    async (request) => {
      await markLost(deps.db, requirePrincipal(request), request.params.quoteNo, request.body);
      return getQuote(deps.db, request.params.quoteNo);
    },
  );
}
