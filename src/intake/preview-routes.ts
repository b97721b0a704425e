// HTTP route of the order preview: the same body as POST /api/orders, the consequences of saving it.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../core/http/app-deps.js";
import { errorReplies } from "../core/http/schemas.js";
import { langFromHeader } from "../core/i18n.js";
import { createOrderBody } from "../orders/schemas.js";
import { previewOrder } from "./preview-order.js";

const ruleRef = z.object({ id: z.number(), version: z.number(), name: z.string() });

const previewReply = z.union([
  z.object({
    accepted: z.literal(false),
    refusal: z.object({ code: z.string(), reason: z.string(), message: z.string(), field: z.string().optional(), status: z.number() }),
  }),
  z.object({
    accepted: z.literal(true),
    status: z.string().describe("the status the order would be taken in with: confirmed, on_hold or draft"),
    promisedDate: z.string().nullable().describe("the promise stored with the order (none while held)"),
    planDate: z.string().nullable().describe("the date the plan can promise, held or not"),
    requestedDate: z.string().nullable(),
    totalAmount: z.string(),
    nonstandard: z.boolean(),
    rush: z.boolean(),
    tags: z.array(z.string()),
    credit: z.object({
      grade: z.string(),
      limit: z.string(),
      openReceivables: z.string(),
      headroom: z.string().describe("limit − open receivables − this order"),
      exceededBy: z.string().nullable(),
    }),
    hold: z
      .object({
        reason: z.string(),
        ownerRole: z.string(),
        holds: z.array(z.object({ reason: z.string(), releasableBy: z.array(z.string()), creditCheck: z.boolean(), rule: ruleRef })),
      })
      .nullable(),
    tasks: z.array(
      z.object({
        title: z.string(),
        assigneeRole: z.string().nullable(),
        assigneeUser: z.string().nullable(),
        assigneeName: z.string().nullable(),
        mentions: z.array(z.string()),
        rule: ruleRef,
      }),
    ),
    blocks: z.array(z.object({ to: z.string(), reason: z.string(), untilTaskDone: z.boolean(), rule: ruleRef })),
    reservations: z
      .object({
        expiresAt: z.string().nullable(),
        rule: ruleRef,
        lines: z.array(z.object({ lineNo: z.number(), sku: z.string(), requested: z.number(), reserved: z.number() })),
      })
      .nullable(),
    pins: z.array(z.object({ board: z.string(), colour: z.string(), rule: ruleRef })),
    notifications: z.array(z.object({ toRole: z.string(), level: z.string(), message: z.string(), rule: ruleRef })),
    actions: z.array(z.unknown()).describe("what the rules would do, as POST /api/orders answers it"),
  }),
]);

export function orderPreviewRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    "/api/orders/preview",
    {
      config: { access: "orders.create" },
      schema: {
        tags: ["orders"],
        summary: "What saving this order would do (status, hold and why, promise, tasks, blocks, tags, stock locks, or the refusal); writes nothing",
        body: createOrderBody,
        response: { 200: previewReply, ...errorReplies },
      },
    },
    async (request) => previewOrder(deps.db, request.body, langFromHeader(request.headers["accept-language"])),
  );
}
