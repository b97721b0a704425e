// HTTP routes of engineering change notices (ECN), the engineering board and the build record.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { requirePrincipal } from "../core/http/access.js";
import type { AppDeps } from "../core/http/app-deps.js";
import { errorReplies } from "../core/http/schemas.js";
import { createEcn } from "./create-ecn.js";
import { decideRows } from "./decide-rows.js";
import { getBuildRecord } from "./get-build-record.js";
import { getEcn } from "./get-ecn.js";
import { getEngineeringBoard } from "./get-engineering-board.js";
import { getImpact } from "./get-impact.js";
import { DECISIONS } from "./model/impact.js";
import { ECN_STATUSES } from "./model/lifecycle.js";
import { moveEcn } from "./move-ecn.js";
import { releaseEcn } from "./release-ecn.js";
import { renderBuildRecordPdf } from "./render-build-record-pdf.js";
import { createEcnBody, decisionsBody, ecnNoParams, moveBody } from "./schemas.js";

const versionPair = z.object({ from: z.number().nullable(), to: z.number().nullable() });
const ecnReply = z.object({
  ecnNo: z.string(),
  title: z.string(),
  reason: z.string(),
  sku: z.string(),
  itemName: z.string(),
  status: z.enum(ECN_STATUSES),
  effectivity: z.enum(["date", "order", "use_up"]),
  effectiveDate: z.string(),
  bom: versionPair,
  routing: versionPair,
  lines: z.array(z.object({ lineNo: z.number(), kind: z.string(), ref: z.string(), from: z.string().nullable(), to: z.string().nullable() })),
  createdBy: z.string(),
  createdAt: z.string(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  releasedBy: z.string().nullable(),
  releasedAt: z.string().nullable(),
});
const decision = z.enum(DECISIONS);
const impactRow = z.object({
  kind: z.enum(["order_line", "stock", "purchase"]),
  ref: z.string(),
  suggested: decision,
  allowed: z.array(decision),
  decision: decision.nullable(),
  owner: z.string().nullable(),
  ownerName: z.string().nullable().optional(),
  decidedBy: z.string().nullable(),
  decidedByName: z.string().nullable().optional(),
  decidedAt: z.string().nullable(),
  orderNo: z.string().optional(),
  lineNo: z.number().optional(),
  customer: z.string().optional(),
  customerName: z.string().optional(),
  status: z.string().optional(),
  due: z.string().nullable().optional(),
  via: z.string().nullable().optional(),
  workOrder: z.string().nullable().optional(),
  stage: z.enum(["not_released", "released", "in_progress", "done"]).optional(),
  startedThrough: z.number().optional(),
  bomVersion: z.number().nullable().optional(),
  routingVersion: z.number().nullable().optional(),
  sku: z.string().optional(),
  qty: z.number().optional(),
  onHand: z.number().optional(),
  poRef: z.string().optional(),
  expectedDate: z.string().optional(),
});
const impactReply = z.object({ ecnNo: z.string(), status: z.enum(ECN_STATUSES), rows: z.array(impactRow), undecided: z.array(z.string()) });

export function ecnRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    "/api/ecns",
    {
      config: { access: "engineering.write" },
      schema: {
        tags: ["engineering"],
        summary: "Raise an engineering change notice from the diff between the versions in force and new draft versions",
        headers: z.object({ "idempotency-key": z.string().min(8).max(100).optional() }),
        body: createEcnBody,
        response: { 201: ecnReply, ...errorReplies },
      },
    },
    async (request, reply) => {
      const ecn = await createEcn(deps.db, requirePrincipal(request), request.body, request.headers["idempotency-key"]);
      return reply.code(201).send(await getEcn(deps.db, ecn.ecn_no));
    },
  );
  r.get(
    "/api/ecns/:ecnNo",
    {
      config: { access: "items.read" },
      schema: { tags: ["engineering"], summary: "A change notice and its change lines", params: ecnNoParams, response: { 200: ecnReply, ...errorReplies } },
    },
    async (request) => getEcn(deps.db, request.params.ecnNo),
  );
  r.get(
    "/api/ecns/:ecnNo/impact",
    {
      config: { access: "items.read" },
      schema: {
        tags: ["engineering"],
        summary: "What the change touches (orders, work orders by progress, stock, open purchases), each row with its suggestion and decision",
        params: ecnNoParams,
        response: { 200: impactReply, ...errorReplies },
      },
    },
    async (request) => getImpact(deps.db, request.params.ecnNo),
  );
  r.post(
    "/api/ecns/:ecnNo/decisions",
    {
      config: { access: "engineering.write" },
      schema: {
        tags: ["engineering"],
        summary: "Decide affected rows (each with an owner)",
        params: ecnNoParams,
        body: decisionsBody,
        response: { 200: impactReply, ...errorReplies },
      },
    },
    async (request) => {
      await decideRows(deps.db, requirePrincipal(request), request.params.ecnNo, request.body);
      return getImpact(deps.db, request.params.ecnNo);
    },
  );
  r.post(
    "/api/ecns/:ecnNo/transitions",
    {
      config: { access: "engineering.write" },
      schema: {
        tags: ["engineering"],
        summary: "Submit for review, approve, send back to draft, or close a released notice",
        params: ecnNoParams,
        body: moveBody,
        response: { 200: ecnReply, ...errorReplies },
      },
    },
    async (request) => {
      await moveEcn(deps.db, requirePrincipal(request), request.params.ecnNo, request.body.to);
      return getEcn(deps.db, request.params.ecnNo);
    },
  );
  r.post(
    "/api/ecns/:ecnNo/release",
    {
      config: { access: "engineering.write" },
      schema: {
        tags: ["engineering"],
        summary: "Release an approved notice (422 naming the rows without a decision); switched orders are re-promised",
        params: ecnNoParams,
        response: {
          200: z.object({
            ecnNo: z.string(),
            status: z.literal("released"),
            switched: z.array(z.string()),
            workOrders: z.array(z.object({ workOrder: z.string(), startedThrough: z.number(), replaced: z.array(z.number()), added: z.array(z.number()) })),
            planRun: z.number().nullable(),
            orders: z.array(
              z.object({ orderNo: z.string(), promisedDate: z.string().nullable(), promiseState: z.string().nullable(), plannedDate: z.string().nullable() }),
            ),
          }),
          ...errorReplies,
        },
      },
    },
    async (request) => releaseEcn(deps.db, requirePrincipal(request), request.params.ecnNo),
  );
  r.get(
    "/api/engineering/board",
    {
      config: { access: "items.read" },
      schema: {
        tags: ["engineering"],
        summary: "Engineering's board: review tasks, change notices in progress with rows waiting for a decision, recent releases",
        response: {
          200: z.object({
            reviewTasks: z.array(
              z.object({ id: z.number(), title: z.string(), orderNo: z.string().nullable(), customer: z.string().nullable(), dueAt: z.string().nullable() }),
            ),
            inProgress: z.array(
              z.object({
                ecnNo: z.string(),
                title: z.string(),
                sku: z.string(),
                itemName: z.string(),
                status: z.enum(ECN_STATUSES),
                effectiveDate: z.string(),
                affected: z.number(),
                undecided: z.number(),
                waiting: z.array(
                  z.object({ ref: z.string(), kind: z.string(), suggested: decision, due: z.string().nullable(), stage: z.string().nullable() }),
                ),
              }),
            ),
            recent: z.array(
              z.object({
                ecnNo: z.string(),
                title: z.string(),
                sku: z.string(),
                itemName: z.string(),
                status: z.enum(ECN_STATUSES),
                releasedBy: z.string().nullable(),
                releasedAt: z.string().nullable(),
              }),
            ),
          }),
          ...errorReplies,
        },
      },
    },
    async () => getEngineeringBoard(deps.db),
  );
  const orderNoParams = z.object({ orderNo: z.string().regex(/^DH\d{11,}$/, "an order number") });
  r.get(
    "/api/orders/:orderNo/build-record",
    {
      config: { access: "orders.read" },
      schema: {
        tags: ["engineering"],
        summary: "The build record of an order: the BOM and routing versions each line is pinned to, and its work orders",
        params: orderNoParams,
        response: { 200: z.record(z.string(), z.unknown()), ...errorReplies },
      },
    },
    async (request) => getBuildRecord(deps.db, request.params.orderNo),
  );
  r.get(
    "/api/orders/:orderNo/build-record.pdf",
    {
      config: { access: "orders.read" },
      schema: { tags: ["engineering"], summary: "The build record printed (A4 PDF)", params: orderNoParams },
    },
    async (request, reply) => {
      const pdf = await renderBuildRecordPdf(await getBuildRecord(deps.db, request.params.orderNo));
      return reply.header("content-type", "application/pdf").header("content-disposition", `inline; filename="build-${request.params.orderNo}.pdf"`).send(pdf);
    },
  );
}
