// HTTP routes of finance: invoicing profiles, invoice requests and the tax platform's workbook, its
// results, red reversals, payments (typed or a bank statement), allocation, exposure and overrides.
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../core/errors.js";
import { requirePrincipal } from "../core/http/access.js";
import type { AppDeps } from "../core/http/app-deps.js";
import { errorReplies } from "../core/http/schemas.js";
import { allocatePayment } from "./allocate-payment.js";
import { exportInvoices } from "./export-invoices.js";
import { getFinanceSettings, saveFinanceSettings } from "./finance-settings.js";
import { getExposure } from "./get-exposure.js";
import { importIssued, readResultFile } from "./import-issued.js";
import { importPayments } from "./import-payments.js";
import { getInvoicingProfile, saveInvoicingProfile, saveItemInvoicing } from "./invoicing-profile.js";
import { listFinanceWork } from "./list-finance-work.js";
import { overrideCredit } from "./override-credit.js";
import { recordPayment } from "./record-payment.js";
import { getInvoiceRequestView, requestInvoices } from "./request-invoices.js";
import { reverseInvoice } from "./reverse-invoice.js";
import {
  allocationBody,
  allocationReply,
  customerParams,
  exportQuery,
  exposureReply,
  idParams,
  invoiceRequestBody,
  invoiceRequestView,
  issuedBody,
  issuedReply,
  itemInvoicingBody,
  itemInvoicingReply,
  overrideBody,
  paymentBody,
  paymentImportReply,
  paymentReply,
  profileBody,
  profileReply,
  reverseBody,
  settingsBody,
  settingsReply,
  skuParams,
  workReply,
} from "./schemas.js";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

async function readFile(request: FastifyRequest, limit: number): Promise<{ buffer: Buffer; fileName: string }> {
  try {
    for await (const part of request.parts()) {
      if (part.type === "file") return { buffer: await part.toBuffer(), fileName: part.filename || "upload" };
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "FST_REQ_FILE_TOO_LARGE") throw new AppError("too_large", "import.file_too_large", { limit }, "file");
    if (code === "FST_INVALID_MULTIPART_CONTENT_TYPE") throw new AppError("invalid", "import.file_missing", {}, "file");
    throw error;
  }
  throw new AppError("invalid", "import.file_missing", {}, "file");
}

const attachment = (name: string) => `attachment; filename="invoices.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`;

export function financeRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["finance"];

  r.get(
    "/api/customers/:code/invoicing",
    {
      config: { access: "customers.read" },
      schema: {
        tags,
        summary: "A customer's invoicing profile (null until finance sets it)",
        params: customerParams,
        response: { 200: profileReply, ...errorReplies },
      },
    },
    async (request) => getInvoicingProfile(deps.db, request.params.code),
  );
  r.put(
    "/api/customers/:code/invoicing",
    {
      config: { access: "finance.write" },
      schema: {
        tags,
        summary: "Save a customer's invoicing profile: 购买方名称, 纳税人识别号 (checked), address, bank, e-mail, default invoice type",
        params: customerParams,
        body: profileBody,
        response: { 200: profileReply, ...errorReplies },
      },
    },
    async (request) => saveInvoicingProfile(deps.db, requirePrincipal(request), request.params.code, request.body),
  );
  r.put(
    "/api/items/:sku/invoicing",
    {
      config: { access: "finance.write" },
      schema: {
        tags,
        summary: "An item's invoicing: 税收分类编码 (19 digits), tax rate, invoice name and unit",
        params: skuParams,
        body: itemInvoicingBody,
        response: { 200: itemInvoicingReply, ...errorReplies },
      },
    },
    async (request) => saveItemInvoicing(deps.db, requirePrincipal(request), request.params.sku, request.body),
  );

  r.post(
    "/api/invoice-requests",
    {
      config: { access: "finance.write" },
      schema: {
        tags,
        summary: "Ask for invoices for shipped lines: one 发票流水号 per tax rate (or per order / shipment when split)",
        description:
          "Refused (422 finance.invoice_problems, `problems` naming the sheet, row and column) when the platform would refuse a row: a 专票 without 税号, " +
          "a tax code that is not 19 digits, a name over 100 characters. A line already on a request is refused (422 finance.line_invoiced).",
        body: invoiceRequestBody,
        response: { 201: z.object({ requests: z.array(invoiceRequestView) }), ...errorReplies },
      },
    },
    async (request, reply) => reply.status(201).send(await requestInvoices(deps.db, requirePrincipal(request), request.body)),
  );
  r.get(
    "/api/invoice-requests/export",
    {
      config: { access: "finance.read" },
      schema: {
        tags,
        summary: "The tax platform's batch-issue workbook for these requests (sheets 1-发票基本信息 and 2-发票明细信息, every cell text)",
        querystring: exportQuery,
        response: { 200: z.any().describe(XLSX_TYPE), ...errorReplies },
      },
    },
    async (request, reply) => {
      const { file } = await exportInvoices(deps.db, request.query.ids);
      return reply
        .type(XLSX_TYPE)
        .header("content-disposition", attachment(`数电票批量开具_${new Date().toISOString().slice(0, 10)}.xlsx`))
        .send(file);
    },
  );
  r.get(
    "/api/invoice-requests/:id",
    {
      config: { access: "finance.read" },
      schema: { tags, summary: "An invoice request with its lines", params: idParams, response: { 200: invoiceRequestView, ...errorReplies } },
    },
    async (request) => getInvoiceRequestView(deps.db, request.params.id),
  );
  r.post(
    "/api/invoice-requests/issued",
    {
      config: { access: "finance.write" },
      schema: {
        tags,
        summary: "The platform's result: invoice numbers per 发票流水号 (multipart result file, or JSON); the lines become invoiced for good",
        description:
          "JSON body: `{results: [{serial, invoiceNo, issuedOn?}]}`; or multipart with the platform's result file (.xlsx/.csv, found by the headers 发票流水号 and 发票号码).",
        consumes: ["multipart/form-data", "application/json"],
        response: { 200: issuedReply, ...errorReplies },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      if (request.isMultipart()) {
        const file = await readFile(request, deps.config.importMaxBytes);
        return importIssued(deps.db, principal, await readResultFile(file.buffer, file.fileName));
      }
      // Validated here: a multipart request has no JSON body for the route schema to check.
      const parsed = issuedBody.safeParse(request.body);
      if (!parsed.success) {
        const field = parsed.error.issues[0]?.path.join(".") || "results";
        throw new AppError("invalid", "field.invalid", { field, detail: parsed.error.issues[0]?.message ?? "" }, field);
      }
      return importIssued(deps.db, principal, parsed.data.results);
    },
  );
  r.post(
    "/api/invoice-requests/:id/reverse",
    {
      config: { access: "finance.write" },
      schema: {
        tags,
        summary: "A red-letter (红字) reversal of an issued invoice, for a return or a wrong invoice",
        params: idParams,
        body: reverseBody,
        response: { 201: invoiceRequestView, ...errorReplies },
      },
    },
    async (request, reply) => reply.status(201).send(await reverseInvoice(deps.db, requirePrincipal(request), request.params.id, request.body)),
  );

  r.post(
    "/api/payments",
    {
      config: { access: "finance.write" },
      schema: {
        tags,
        summary: "Record a payment received: matched, allocated oldest first, held orders released when they fit",
        body: paymentBody,
        response: { 201: paymentReply, 200: paymentReply, ...errorReplies },
      },
    },
    async (request, reply) => {
      const result = await recordPayment(deps.db, requirePrincipal(request), request.body);
      return reply.status(result.duplicate ? 200 : 201).send(result);
    },
  );
  r.post(
    "/api/payments/import",
    {
      config: { access: "finance.write" },
      schema: {
        tags,
        summary: "Import a bank statement (.xlsx or .csv, UTF-8 or GBK): each credit once, matched and allocated",
        consumes: ["multipart/form-data"],
        response: { 200: paymentImportReply, ...errorReplies },
      },
    },
    async (request) => importPayments(deps.db, requirePrincipal(request), await readFile(request, deps.config.importMaxBytes)),
  );
  r.post(
    "/api/payments/:id/allocations",
    {
      config: { access: "finance.write" },
      schema: {
        tags,
        summary: "Allocate what is left of a payment by hand (or oldest first); name the customer of an unmatched one",
        params: idParams,
        body: allocationBody,
        response: { 200: allocationReply, ...errorReplies },
      },
    },
    async (request) => allocatePayment(deps.db, requirePrincipal(request), request.params.id, request.body),
  );

  r.get(
    "/api/customers/:code/exposure",
    {
      config: { access: "customers.read" },
      schema: {
        tags,
        summary: "Credit exposure: open receivables + shipped not invoiced + confirmed not shipped, limit, aging, held orders",
        params: customerParams,
        response: { 200: exposureReply, ...errorReplies },
      },
    },
    async (request) => getExposure(deps.db, request.params.code),
  );
  r.post(
    "/api/customers/:code/credit-overrides",
    {
      config: { access: "finance.write" },
      schema: {
        tags,
        summary: "Finance raises the limit until an expiry, with a reason (logged); held orders that now fit are released",
        params: customerParams,
        body: overrideBody,
        response: { 201: exposureReply.extend({ released: z.array(z.string()) }), ...errorReplies },
      },
    },
    async (request, reply) => reply.status(201).send(await overrideCredit(deps.db, requirePrincipal(request), request.params.code, request.body)),
  );
  r.get(
    "/api/finance/work",
    {
      config: { access: "finance.read" },
      schema: {
        tags,
        summary:
          "Finance's work: orders held for credit with the exposure, shipments waiting for invoicing, requests waiting for the platform, overdue receivables, payments to allocate",
        response: { 200: workReply, ...errorReplies },
      },
    },
    async () => listFinanceWork(deps.db),
  );
  r.get(
    "/api/finance/settings",
    {
      config: { access: "finance.read" },
      schema: { tags, summary: "Which parts make up the exposure; the workbook layout version", response: { 200: settingsReply, ...errorReplies } },
    },
    async () => getFinanceSettings(deps.db),
  );
  r.put(
    "/api/finance/settings",
    {
      config: { access: "finance.write" },
      schema: {
        tags,
        summary: "Switch exposure parts on or off; save a newer workbook layout",
        body: settingsBody,
        response: { 200: settingsReply, ...errorReplies },
      },
    },
    async (request) => saveFinanceSettings(deps.db, requirePrincipal(request), request.body),
  );
}
