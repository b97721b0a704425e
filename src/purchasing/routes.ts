// HTTP routes of purchasing: suppliers, purchase orders and their schedule lines, receipts, and the
// proposals that turn the plan's shortages into purchase orders.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError, notFound } from "../core/errors.js";
import { requirePrincipal } from "../core/http/access.js";
import type { AppDeps } from "../core/http/app-deps.js";
import { errorReplies, ifMatchHeader } from "../core/http/schemas.js";
import { plantDay } from "../core/plant-day.js";
import { contentDisposition, XLSX_TYPE } from "../exports/xlsx-export.js";
import type { InventoryHooks } from "../inventory/hooks.js";
import { acceptProposals } from "./accept-proposals.js";
import { changePurchaseLine } from "./change-purchase-line.js";
import { createPurchaseOrder } from "./create-purchase-order.js";
import { createSupplier } from "./create-supplier.js";
import { importConfirmations } from "./import-confirmations.js";
import { listProposals } from "./list-proposals.js";
import { listPurchaseOrders } from "./list-purchase-orders.js";
import { listPurchaseWatch } from "./list-purchase-watch.js";
import { listSuppliers } from "./list-suppliers.js";
import { purchaseOrderXlsx } from "./purchase-order-xlsx.js";
import { receivePurchase } from "./receive-purchase.js";
import { renderPurchaseOrderPdf } from "./render-purchase-order-pdf.js";
import {
  acceptBody,
  acceptReply,
  confirmationsReply,
  createPurchaseOrderBody,
  createSupplierBody,
  lineParams,
  patchLineBody,
  poNoParams,
  proposalsReply,
  purchaseOrderReply,
  receiptBody,
  supplierReply,
  watchReply,
} from "./schemas.js";
import { getPurchaseOrderView } from "./store.js";

const idempotencyHeader = z.object({
  "idempotency-key": z
    .string()
    .min(8)
    .max(100)
    .regex(/^[A-Za-z0-9._~:/+=@-]+$/, "letters, digits and . _ ~ : / + = @ -")
    .optional(),
});
const affectedReply = z.array(z.object({ orderNo: z.string(), plannedDate: z.string().nullable() }));

export function purchasingRoutes(app: FastifyInstance, deps: AppDeps, hooks: { inventory: InventoryHooks }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/suppliers",
    {
      config: { access: "planning.read" },
      schema: {
        tags: ["purchasing"],
        summary: "Suppliers with their items, lead times, shutdowns and reliability from history",
        response: { 200: z.object({ suppliers: z.array(supplierReply) }), ...errorReplies },
      },
    },
    async () => ({ suppliers: await listSuppliers(deps.db) }),
  );
  r.post(
    "/api/suppliers",
    {
      config: { access: "purchasing.write" },
      schema: {
        tags: ["purchasing"],
        summary: "Add a supplier with the items it sells",
        body: createSupplierBody,
        response: { 201: supplierReply, ...errorReplies },
      },
    },
    async (request, reply) => {
      const code = await createSupplier(deps.db, requirePrincipal(request), request.body);
      return reply.status(201).send((await listSuppliers(deps.db, { code }))[0]);
    },
  );
  r.get(
    "/api/purchase-orders",
    {
      config: { access: "planning.read" },
      schema: {
        tags: ["purchasing"],
        summary: "Purchase orders with their schedule lines, newest first",
        querystring: z.object({
          status: z.enum(["open", "closed", "cancelled"]).optional(),
          supplier: z.string().max(40).optional(),
          orderNo: z.string().max(40).optional().describe("only orders with a line pegged to this customer order"),
        }),
        response: { 200: z.object({ orders: z.array(purchaseOrderReply) }), ...errorReplies },
      },
    },
    async (request) => listPurchaseOrders(deps.db, request.query),
  );
  r.post(
    "/api/purchase-orders",
    {
      config: { access: "purchasing.write" },
      schema: {
        tags: ["purchasing"],
        summary: "Place a purchase order; its lines count as in-transit supply (unconfirmed) at once; Idempotency-Key makes a retry answer the same order",
        headers: idempotencyHeader,
        body: createPurchaseOrderBody,
        response: { 200: purchaseOrderReply, 201: purchaseOrderReply, ...errorReplies },
      },
    },
    async (request, reply) => {
      const { created, order } = await createPurchaseOrder(deps.db, requirePrincipal(request), request.body, request.headers["idempotency-key"]);
      return reply.status(created ? 201 : 200).send(order);
    },
  );
  r.get(
    "/api/purchase-orders/:poNo",
    {
      config: { access: "planning.read" },
      schema: {
        tags: ["purchasing"],
        summary: "One purchase order with its lines",
        params: poNoParams,
        response: { 200: purchaseOrderReply, ...errorReplies },
      },
    },
    async (request) => getPurchaseOrderView(deps.db, request.params.poNo, plantDay(new Date())),
  );
  r.get(
    "/api/purchase-orders/:poNo/pdf",
    {
      config: { access: "planning.read" },
      schema: {
        tags: ["purchasing"],
        summary: "The purchase order as the supplier gets it: A4 PDF in Chinese",
        params: poNoParams,
        response: { 200: z.any().describe("application/pdf"), ...errorReplies },
      },
    },
    async (request, reply) => {
      const po = await getPurchaseOrderView(deps.db, request.params.poNo, plantDay(new Date()));
      const supplier = await deps.db.selectFrom("suppliers").select("contacts").where("code", "=", po.supplier.code).executeTakeFirstOrThrow();
      const pdf = await renderPurchaseOrderPdf(po, supplier.contacts ?? []);
      return reply
        .header("content-type", "application/pdf")
        .header("content-disposition", `inline; filename="${po.poNo}.pdf"`)
        .header("cache-control", "no-store")
        .send(pdf);
    },
  );
  r.get(
    "/api/purchase-orders/:poNo/xlsx",
    {
      config: { access: "planning.read" },
      schema: {
        tags: ["purchasing"],
        summary: "The purchase order as Excel, with empty 确认交期 / 确认数量 columns the supplier fills and sends back",
        params: poNoParams,
        response: { 200: z.any().describe(XLSX_TYPE), ...errorReplies },
      },
    },
    async (request, reply) => {
      const po = await getPurchaseOrderView(deps.db, request.params.poNo, plantDay(new Date()));
      return reply
        .type(XLSX_TYPE)
        .header("content-disposition", contentDisposition(`采购订单_${po.poNo}.xlsx`))
        .send((await purchaseOrderXlsx(po)) as never);
    },
  );
  r.post(
    "/api/purchasing/confirmations",
    {
      config: { access: "purchasing.write" },
      schema: {
        tags: ["purchasing"],
        summary:
          "Import a supplier's confirmations (multipart file: 采购单号, 行号, 确认交期, 确认数量); dryRun=1 reports per row and writes nothing; otherwise all or nothing",
        consumes: ["multipart/form-data"],
        querystring: z.object({
          dryRun: z
            .enum(["0", "1", "true", "false"])
            .default("0")
            .transform((v) => v === "1" || v === "true"),
        }),
        response: { 200: confirmationsReply, ...errorReplies },
      },
    },
    async (request) => {
      let buffer: Buffer | undefined;
      try {
        buffer = await (await request.file({ limits: { fileSize: deps.config.importMaxBytes } }))?.toBuffer();
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === "FST_REQ_FILE_TOO_LARGE") throw new AppError("too_large", "import.file_too_large", { limit: deps.config.importMaxBytes }, "file");
        if (code === "FST_INVALID_MULTIPART_CONTENT_TYPE") throw new AppError("invalid", "import.file_missing", {}, "file");
        throw error;
      }
      if (!buffer) throw new AppError("invalid", "import.file_missing", {}, "file");
      return importConfirmations(deps.db, requirePrincipal(request), buffer, { dryRun: request.query.dryRun });
    },
  );
  r.patch(
    "/api/purchase-orders/:poNo/lines/:line",
    {
      config: { access: "purchasing.write" },
      schema: {
        tags: ["purchasing"],
        summary:
          "The supplier's answer for a line: confirmed date and/or quantity; If-Match carries the line version you saw (stale → 409). A moved date re-plans and tells the affected orders' owners",
        params: lineParams,
        headers: ifMatchHeader,
        body: patchLineBody,
        response: { 200: purchaseOrderReply.extend({ affected: affectedReply }), ...errorReplies },
      },
    },
    async (request, reply) => {
      const { order, affected } = await changePurchaseLine(
        deps.db,
        requirePrincipal(request),
        request.params.poNo,
        request.params.line,
        request.headers["if-match"],
        request.body,
      );
      const line = order.lines.find((l) => l.line === request.params.line);
      if (!line) throw notFound("purchase_line.not_found", { poNo: order.poNo, line: request.params.line }, "line");
      reply.header("etag", `"${line.version}"`);
      return { ...order, affected };
    },
  );
  r.post(
    "/api/purchase-orders/:poNo/receipts",
    {
      config: { access: "inventory.adjust" },
      schema: {
        tags: ["purchasing"],
        summary: "Goods received against lines (partial, or within the supplier's tolerance); on-hand rises; Idempotency-Key makes a retry count once",
        params: poNoParams,
        headers: idempotencyHeader,
        body: receiptBody,
        response: { 200: purchaseOrderReply.extend({ replayed: z.boolean() }), ...errorReplies },
      },
    },
    async (request) => {
      const { replayed, order } = await receivePurchase(deps.db, requirePrincipal(request), request.params.poNo, request.body.lines, {
        hooks: hooks.inventory,
        idempotencyKey: request.headers["idempotency-key"],
      });
      return { ...order, replayed };
    },
  );
  r.get(
    "/api/purchasing/proposals",
    {
      config: { access: "planning.read" },
      schema: {
        tags: ["purchasing"],
        summary: "What to buy from the current plan: purchase requests and uncovered shortages, per supplier, rush first",
        response: { 200: proposalsReply, ...errorReplies },
      },
    },
    async () => listProposals(deps.db),
  );
  r.get(
    "/api/purchasing/watch",
    {
      config: { access: "planning.read" },
      schema: {
        tags: ["purchasing"],
        summary: "What to chase: lines the supplier has not confirmed, and late lines with the customer orders they hold up",
        response: { 200: watchReply, ...errorReplies },
      },
    },
    async () => listPurchaseWatch(deps.db),
  );
  r.post(
    "/api/purchasing/proposals/accept",
    {
      config: { access: "purchasing.write" },
      schema: {
        tags: ["purchasing"],
        summary: "Turn proposals into purchase orders (one per supplier); a proposal accepted before creates nothing new",
        body: acceptBody,
        response: { 200: acceptReply, ...errorReplies },
      },
    },
    async (request) => acceptProposals(deps.db, requirePrincipal(request), request.body),
  );
}
