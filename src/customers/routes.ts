// HTTP routes of the customer master.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { notFound } from "../core/errors.js";
import { requirePrincipal } from "../core/http/access.js";
import type { AppDeps } from "../core/http/app-deps.js";
import { errorReplies, ifMatchHeader } from "../core/http/schemas.js";
import { createCustomer } from "./create-customer.js";
import { addCustomerAlias, listCustomerAliases } from "./customer-aliases.js";
import { CUSTOMER_GRADES, createCustomerBody, customerReply, patchCustomerBody } from "./schemas.js";
import { getCustomer, listCustomers } from "./store.js";
import { updateCustomer } from "./update-customer.js";

const codeParams = z.object({ code: z.string().min(1).max(20) });

export function customerRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/customers",
    {
      config: { access: "customers.read" },
      schema: {
        tags: ["customers"],
        summary: "Customer master with computed delivery statistics",
        querystring: z.strictObject({
          q: z.string().max(100).optional(),
          grade: z.enum(CUSTOMER_GRADES).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: z.object({ customers: z.array(customerReply) }), ...errorReplies },
      },
    },
    async (request) => ({ customers: await listCustomers(deps.db, request.query) }),
  );
  r.post(
    "/api/customers",
    {
      config: { access: "customers.write" },
      schema: { tags: ["customers"], summary: "Add a customer", body: createCustomerBody, response: { 201: customerReply, ...errorReplies } },
    },
    async (request, reply) => reply.status(201).send(await createCustomer(deps.db, requirePrincipal(request), request.body)),
  );
  r.get(
    "/api/customers/:code",
    {
      config: { access: "customers.read" },
      schema: { tags: ["customers"], summary: "One customer", params: codeParams, response: { 200: customerReply, ...errorReplies } },
    },
    async (request, reply) => {
      const customer = await getCustomer(deps.db, request.params.code);
      if (!customer) throw notFound("customer.not_found", { code: request.params.code }, "code");
      reply.header("etag", `"${customer.version}"`);
      return customer;
    },
  );
  r.patch(
    "/api/customers/:code",
    {
      config: { access: "customers.write" },
      schema: {
        tags: ["customers"],
        summary: "Change customer fields; If-Match must carry the version (grade and credit: finance)",
        params: codeParams,
        headers: ifMatchHeader,
        body: patchCustomerBody,
        response: { 200: customerReply, ...errorReplies },
      },
    },
    async (request) => updateCustomer(deps.db, requirePrincipal(request), request.params.code, request.headers["if-match"], request.body),
  );
  const aliasReply = z.object({ alias: z.string(), customerCode: z.string(), createdBy: z.string(), createdAt: z.string() });
  r.get(
    "/api/customers/:code/aliases",
    {
      config: { access: "customers.read" },
      schema: {
        tags: ["customers"],
        summary: "Spellings confirmed to name this customer (the importer and the order search use them)",
        params: codeParams,
        response: { 200: z.object({ aliases: z.array(aliasReply) }), ...errorReplies },
      },
    },
    async (request) => {
      if (!(await getCustomer(deps.db, request.params.code))) throw notFound("customer.not_found", { code: request.params.code }, "code");
      return { aliases: await listCustomerAliases(deps.db, request.params.code) };
    },
  );
  r.post(
    "/api/customers/:code/aliases",
    {
      config: { access: "customers.write" },
      schema: {
        tags: ["customers"],
        summary: "Confirm that a spelling names this customer (idempotent; 409 when it names another)",
        params: codeParams,
        body: z.strictObject({ alias: z.string().trim().min(1).max(100) }),
        response: { 201: aliasReply, ...errorReplies },
      },
    },
    async (request, reply) => reply.status(201).send(await addCustomerAlias(deps.db, requirePrincipal(request), request.params.code, request.body.alias)),
  );
}
