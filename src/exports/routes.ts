// Excel exports of the lists: the same filters as the list routes, Chinese headers, one sheet.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../core/http/app-deps.js";
import { errorReplies, isoDate } from "../core/http/schemas.js";
import { CUSTOMER_GRADES } from "../customers/schemas.js";
import { listCustomers } from "../customers/store.js";
import { listHistory } from "../history/list-history.js";
import { historyQuery } from "../history/routes.js";
import { listOrders } from "../orders/list-orders.js";
import { listOrdersQuery } from "../orders/schemas.js";
import { CUSTOMER_COLUMNS, HISTORY_COLUMNS, ORDER_COLUMNS } from "./columns.js";
import { ACTION_LOG_COLUMNS, actionLogPage } from "./rule-action-log.js";
import { contentDisposition, exportXlsx, pagesOf, XLSX_TYPE } from "./xlsx-export.js";

/** More rows than this belong in a report, not a spreadsheet download. */
export const EXPORT_MAX_ROWS = 100_000;
const PAGE = 500;

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10).replaceAll("-", "");

export function exportRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const xlsx = { 200: z.any().describe(`${XLSX_TYPE}: one sheet with Chinese headers`), ...errorReplies };

  r.get(
    "/api/orders/export",
    {
      config: { access: "orders.read" },
      schema: {
        tags: ["orders"],
        summary: "The order list as .xlsx (same filters as GET /api/orders)",
        querystring: listOrdersQuery.omit({ cursor: true, limit: true }),
        response: xlsx,
      },
    },
    async (request, reply) => {
      const pages = pagesOf(async (cursor) => {
        const page = await listOrders(deps.db, { ...request.query, cursor, limit: PAGE });
        return { rows: page.orders, nextCursor: page.nextCursor };
      }, EXPORT_MAX_ROWS);
      const file = await exportXlsx("订单", ORDER_COLUMNS, pages);
      return reply
        .type(XLSX_TYPE)
        .header("content-disposition", contentDisposition(`订单_${today()}.xlsx`))
        .send(file);
    },
  );

  r.get(
    "/api/history/export",
    {
      config: { access: "session" },
      schema: {
        tags: ["history"],
        summary: "Legacy orders as .xlsx (same filters as GET /api/history)",
        querystring: historyQuery.omit({ cursor: true, limit: true }),
        response: xlsx,
      },
    },
    async (request, reply) => {
      const pages = pagesOf(async (cursor) => {
        const page = await listHistory(deps.db, { ...request.query, cursor, limit: PAGE });
        return { rows: page.orders, nextCursor: page.nextCursor };
      }, EXPORT_MAX_ROWS);
      const file = await exportXlsx("历史订单", HISTORY_COLUMNS, pages);
      return reply
        .type(XLSX_TYPE)
        .header("content-disposition", contentDisposition(`历史订单_${today()}.xlsx`))
        .send(file);
    },
  );

  r.get(
    "/api/customers/export",
    {
      config: { access: "customers.read" },
      schema: {
        tags: ["customers"],
        summary: "The customer master with delivery statistics as .xlsx (same filters as GET /api/customers)",
        querystring: z.strictObject({ q: z.string().max(100).optional(), grade: z.enum(CUSTOMER_GRADES).optional() }),
        response: xlsx,
      },
    },
    async (request, reply) => {
      const pages = pagesOf(async (cursor) => {
        const offset = Number(cursor ?? 0);
        const rows = await listCustomers(deps.db, { ...request.query, limit: PAGE, offset });
        return { rows, nextCursor: rows.length === PAGE ? String(offset + PAGE) : null };
      }, EXPORT_MAX_ROWS);
      const file = await exportXlsx("客户", CUSTOMER_COLUMNS, pages);
      return reply
        .type(XLSX_TYPE)
        .header("content-disposition", contentDisposition(`客户_${today()}.xlsx`))
        .send(file);
    },
  );

  r.get(
    "/api/rules/actions/export",
    {
      config: { access: "rules.read" },
      schema: {
        tags: ["rules"],
        summary: "The rules' action log as .xlsx",
        querystring: z.strictObject({
          from: isoDate.optional(),
          to: isoDate.optional(),
          rule: z.coerce.number().int().min(1).optional(),
          status: z.enum(["done", "queued", "failed", "skipped"]).optional(),
        }),
        response: xlsx,
      },
    },
    async (request, reply) => {
      const pages = pagesOf(async (cursor) => actionLogPage(deps.db, request.query, cursor ? Number(cursor) : undefined, PAGE), EXPORT_MAX_ROWS);
      const file = await exportXlsx("规则执行日志", ACTION_LOG_COLUMNS, pages);
      return reply
        .type(XLSX_TYPE)
        .header("content-disposition", contentDisposition(`规则执行日志_${today()}.xlsx`))
        .send(file);
    },
  );
}
