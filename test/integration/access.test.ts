import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../src/core/auth/roles.js";
import { openEventStream } from "../support/sse.js";
import { integrationToken, startTestApp, type TestApp } from "../support/test-app.js";

let t: TestApp;
let orderNo: string;
beforeAll(async () => {
  t = await startTestApp();
  const res = await t.api("POST", "/api/orders", { as: "sales", body: { customer: "C-A1", lines: [{ sku: "TT-200", qty: 1 }] } });
  orderNo = res.body.orderNo;
});
afterAll(() => t?.close());

const PEOPLE: Role[] = ["sales", "service", "planner", "purchasing", "warehouse", "engineering", "finance", "admin"];
const EVERYONE = PEOPLE;
const EQUIPMENT_READERS: Role[] = ["sales", "service", "engineering", "admin"];
const FINANCE: Role[] = ["finance", "admin"];

/** Every API route, who may call it, and a request to try. Adding a route without a row here fails the suite. */
const TABLE: {
  method: string;
  path: string;
  openapi: string;
  allowed: Role[] | "public";
  body?: unknown;
  headers?: Record<string, string>;
  /** An endless stream: only its status is read. */
  stream?: boolean;
}[] = [
  { method: "GET", path: "/api/health", openapi: "/api/health", allowed: "public" },
  { method: "POST", path: "/api/auth/login", openapi: "/api/auth/login", allowed: "public", body: {} },
  { method: "POST", path: "/api/auth/logout", openapi: "/api/auth/logout", allowed: EVERYONE },
  { method: "GET", path: "/api/auth/me", openapi: "/api/auth/me", allowed: EVERYONE },
  { method: "GET", path: "/api/customers", openapi: "/api/customers", allowed: ["sales", "service", "finance", "admin"] },
  { method: "POST", path: "/api/customers", openapi: "/api/customers", allowed: ["sales", "service", "finance", "admin"], body: {} },
  { method: "GET", path: "/api/customers/C-A1", openapi: "/api/customers/{code}", allowed: ["sales", "service", "finance", "admin"] },
  { method: "PATCH", path: "/api/customers/C-A1", openapi: "/api/customers/{code}", allowed: ["sales", "service", "finance", "admin"], body: {} },
  { method: "GET", path: "/api/customers/C-A1/aliases", openapi: "/api/customers/{code}/aliases", allowed: ["sales", "service", "finance", "admin"] },
  {
    method: "POST",
    path: "/api/customers/C-A1/aliases",
    openapi: "/api/customers/{code}/aliases",
    allowed: ["sales", "service", "finance", "admin"],
    body: {},
  },
  { method: "GET", path: "/api/items", openapi: "/api/items", allowed: EVERYONE },
  { method: "GET", path: "/api/items/PS-100", openapi: "/api/items/{sku}", allowed: EVERYONE },
  { method: "GET", path: "/api/items/PS-100/bom", openapi: "/api/items/{sku}/bom", allowed: EVERYONE },
  { method: "POST", path: "/api/items", openapi: "/api/items", allowed: ["engineering", "admin"], body: {} },
  { method: "PATCH", path: "/api/items/PS-100", openapi: "/api/items/{sku}", allowed: ["engineering", "admin"], body: {} },
  { method: "POST", path: "/api/items/PS-100/bom-versions", openapi: "/api/items/{sku}/bom-versions", allowed: ["engineering", "admin"], body: {} },
  { method: "PUT", path: "/api/items/PS-100/bom-versions/1", openapi: "/api/items/{sku}/bom-versions/{version}", allowed: ["engineering", "admin"], body: {} },
  {
    method: "POST",
    path: "/api/items/PS-100/bom-versions/1/release",
    openapi: "/api/items/{sku}/bom-versions/{version}/release",
    allowed: ["engineering", "admin"],
    body: { effectiveFrom: "no" },
  },
  { method: "POST", path: "/api/items/PS-100/routing-versions", openapi: "/api/items/{sku}/routing-versions", allowed: ["engineering", "admin"], body: {} },
  {
    method: "PUT",
    path: "/api/items/PS-100/routing-versions/1",
    openapi: "/api/items/{sku}/routing-versions/{version}",
    allowed: ["engineering", "admin"],
    body: {},
  },
  {
    method: "POST",
    path: "/api/items/PS-100/routing-versions/1/release",
    openapi: "/api/items/{sku}/routing-versions/{version}/release",
    allowed: ["engineering", "admin"],
    body: { effectiveFrom: "no" },
  },
  { method: "GET", path: "/api/items/PS-100/where-used", openapi: "/api/items/{sku}/where-used", allowed: EVERYONE },
  { method: "GET", path: "/api/items/PS-100/diff?from=1&to=2", openapi: "/api/items/{sku}/diff", allowed: EVERYONE },
  { method: "POST", path: "/api/ecns", openapi: "/api/ecns", allowed: ["engineering", "admin"], body: {} },
  { method: "GET", path: "/api/ecns/ECN-2026-9999", openapi: "/api/ecns/{ecnNo}", allowed: EVERYONE },
  { method: "GET", path: "/api/ecns/ECN-2026-9999/impact", openapi: "/api/ecns/{ecnNo}/impact", allowed: EVERYONE },
  { method: "POST", path: "/api/ecns/ECN-2026-9999/decisions", openapi: "/api/ecns/{ecnNo}/decisions", allowed: ["engineering", "admin"], body: {} },
  { method: "POST", path: "/api/ecns/ECN-2026-9999/transitions", openapi: "/api/ecns/{ecnNo}/transitions", allowed: ["engineering", "admin"], body: {} },
  { method: "POST", path: "/api/ecns/ECN-2026-9999/release", openapi: "/api/ecns/{ecnNo}/release", allowed: ["engineering", "admin"] },
  { method: "GET", path: "/api/engineering/board", openapi: "/api/engineering/board", allowed: EVERYONE },
  { method: "GET", path: "/api/orders/{no}/build-record", openapi: "/api/orders/{orderNo}/build-record", allowed: EVERYONE },
  { method: "GET", path: "/api/orders/{no}/build-record.pdf", openapi: "/api/orders/{orderNo}/build-record.pdf", allowed: EVERYONE },
  { method: "POST", path: "/api/orders", openapi: "/api/orders", allowed: ["sales", "service", "admin"], body: {} },
  { method: "GET", path: "/api/orders", openapi: "/api/orders", allowed: EVERYONE },
  { method: "POST", path: "/api/orders/bulk", openapi: "/api/orders/bulk", allowed: ["sales", "service", "admin"], body: {} },
  { method: "GET", path: "/api/orders/{no}", openapi: "/api/orders/{orderNo}", allowed: EVERYONE },
  { method: "PATCH", path: "/api/orders/{no}", openapi: "/api/orders/{orderNo}", allowed: ["sales", "service", "planner", "admin"], body: {} },
  {
    method: "PATCH",
    path: "/api/orders/{no}/lines",
    openapi: "/api/orders/{orderNo}/lines",
    allowed: ["sales", "service", "planner", "admin"],
    body: { lines: [] },
  },
  { method: "POST", path: "/api/orders/{no}/transitions", openapi: "/api/orders/{orderNo}/transitions", allowed: EVERYONE, body: { to: "nowhere" } },
  {
    method: "POST",
    path: "/api/orders/{no}/status-link",
    openapi: "/api/orders/{orderNo}/status-link",
    allowed: ["sales", "service", "admin"],
    body: { expiresInDays: 0 },
  },
  { method: "DELETE", path: "/api/orders/DH20990101999/status-link", openapi: "/api/orders/{orderNo}/status-link", allowed: ["sales", "service", "admin"] },
  { method: "POST", path: "/api/orders/{no}/shipments", openapi: "/api/orders/{orderNo}/shipments", allowed: ["warehouse", "admin"], body: {} },
  { method: "GET", path: "/api/orders/{no}/shipments", openapi: "/api/orders/{orderNo}/shipments", allowed: EVERYONE },
  { method: "GET", path: "/api/equipment", openapi: "/api/equipment", allowed: EQUIPMENT_READERS },
  { method: "POST", path: "/api/equipment/import", openapi: "/api/equipment/import", allowed: ["service", "engineering", "admin"], body: {} },
  { method: "GET", path: "/api/equipment/NO-SUCH-1", openapi: "/api/equipment/{serial}", allowed: EQUIPMENT_READERS },
  { method: "POST", path: "/api/equipment/NO-SUCH-1/proposal", openapi: "/api/equipment/{serial}/proposal", allowed: EQUIPMENT_READERS, body: {} },
  { method: "POST", path: "/api/equipment/NO-SUCH-1/visits", openapi: "/api/equipment/{serial}/visits", allowed: ["service", "engineering", "admin"] },
  {
    method: "GET",
    path: "/api/equipment/NO-SUCH-1/visits/1/photo",
    openapi: "/api/equipment/{serial}/visits/{visitId}/photo",
    allowed: EQUIPMENT_READERS,
  },
  { method: "GET", path: "/api/replenishment-requests", openapi: "/api/replenishment-requests", allowed: ["purchasing", "warehouse", "admin"] },
  {
    method: "POST",
    path: "/api/replenishment-requests/999999/done",
    openapi: "/api/replenishment-requests/{id}/done",
    allowed: ["purchasing", "warehouse", "admin"],
  },
  { method: "GET", path: "/metrics", openapi: "/metrics", allowed: ["admin"] },
  { method: "GET", path: "/api/rules", openapi: "/api/rules", allowed: ["planner", "admin"] },
  { method: "POST", path: "/api/rules", openapi: "/api/rules", allowed: ["admin"], body: {} },
  { method: "GET", path: "/api/rules/execution-rate?from=2026-01-01&to=2026-01-02", openapi: "/api/rules/execution-rate", allowed: ["planner", "admin"] },
  { method: "GET", path: "/api/rules/catalogue", openapi: "/api/rules/catalogue", allowed: ["planner", "admin"] },
  { method: "GET", path: "/api/rules/1", openapi: "/api/rules/{id}", allowed: ["planner", "admin"] },
  { method: "PATCH", path: "/api/rules/1", openapi: "/api/rules/{id}", allowed: ["admin"], body: {} },
  { method: "POST", path: "/api/rules/1/dry-run", openapi: "/api/rules/{id}/dry-run", allowed: ["admin"], body: {} },
  { method: "GET", path: "/api/settings/integrations", openapi: "/api/settings/integrations", allowed: ["admin"] },
  { method: "PUT", path: "/api/settings/integrations/x", openapi: "/api/settings/integrations/{name}", allowed: ["admin"], body: {} },
  { method: "GET", path: "/api/settings/promise", openapi: "/api/settings/promise", allowed: ["planner", "purchasing", "admin"] },
  { method: "PUT", path: "/api/settings/promise", openapi: "/api/settings/promise", allowed: ["planner", "admin"], body: {} },
  { method: "GET", path: "/api/settings/go-live", openapi: "/api/settings/go-live", allowed: EVERYONE },
  { method: "PUT", path: "/api/settings/go-live", openapi: "/api/settings/go-live", allowed: ["admin"], body: {} },
  { method: "GET", path: "/api/tasks", openapi: "/api/tasks", allowed: EVERYONE },
  { method: "GET", path: "/api/tasks/people", openapi: "/api/tasks/people", allowed: EVERYONE },
  { method: "GET", path: "/api/orders/{no}/actions", openapi: "/api/orders/{orderNo}/actions", allowed: EVERYONE },
  { method: "GET", path: "/api/metrics/outcomes?from=2026-01-01&to=2026-01-02", openapi: "/api/metrics/outcomes", allowed: EVERYONE },
  { method: "GET", path: "/api/metrics/outcomes/trends?from=2026-01-01&to=2026-01-02", openapi: "/api/metrics/outcomes/trends", allowed: EVERYONE },
  {
    method: "GET",
    path: "/api/metrics/outcomes/dwell/shipping/orders?from=2026-01-01&to=2026-01-02",
    openapi: "/api/metrics/outcomes/dwell/{stage}/orders",
    allowed: EVERYONE,
  },
  { method: "GET", path: "/api/metrics/outcomes/stuck", openapi: "/api/metrics/outcomes/stuck", allowed: EVERYONE },
  {
    method: "GET",
    path: "/api/metrics/outcomes/on-time/orders?from=2026-01-01&to=2026-01-02",
    openapi: "/api/metrics/outcomes/on-time/orders",
    allowed: EVERYONE,
  },
  {
    method: "GET",
    path: "/api/metrics/outcomes/autonomy/changes?from=2026-01-01&to=2026-01-02",
    openapi: "/api/metrics/outcomes/autonomy/changes",
    allowed: EVERYONE,
  },
  { method: "GET", path: "/api/metrics/outcomes/disagreements", openapi: "/api/metrics/outcomes/disagreements", allowed: EVERYONE },
  { method: "POST", path: "/api/tasks/999999/done", openapi: "/api/tasks/{id}/done", allowed: EVERYONE },
  { method: "POST", path: "/api/imports?dryRun=1", openapi: "/api/imports", allowed: ["sales", "admin"], body: {} },
  { method: "GET", path: "/api/imports", openapi: "/api/imports", allowed: ["sales", "admin"] },
  { method: "GET", path: "/api/imports/templates", openapi: "/api/imports/templates", allowed: ["sales", "admin"] },
  { method: "PUT", path: "/api/imports/templates/x", openapi: "/api/imports/templates/{name}", allowed: ["sales", "admin"], body: {} },
  { method: "GET", path: "/api/imports/progress/abcdefgh", openapi: "/api/imports/progress/{id}", allowed: ["sales", "admin"] },
  { method: "GET", path: "/api/imports/fields", openapi: "/api/imports/fields", allowed: ["sales", "admin"] },
  { method: "GET", path: "/api/history", openapi: "/api/history", allowed: EVERYONE },
  { method: "GET", path: "/api/history/export", openapi: "/api/history/export", allowed: EVERYONE },
  { method: "POST", path: "/api/inventory/sync", openapi: "/api/inventory/sync", allowed: ["warehouse", "admin"], body: {} },
  { method: "POST", path: "/api/inventory/sync/file", openapi: "/api/inventory/sync/file", allowed: ["warehouse", "admin"], body: {} },
  { method: "GET", path: "/api/orders/export", openapi: "/api/orders/export", allowed: EVERYONE },
  { method: "GET", path: "/api/customers/export", openapi: "/api/customers/export", allowed: ["sales", "service", "finance", "admin"] },
  { method: "GET", path: "/api/rules/actions/export", openapi: "/api/rules/actions/export", allowed: ["planner", "admin"] },
  { method: "GET", path: "/api/calendar?from=2026-12-01&to=2026-12-02", openapi: "/api/calendar", allowed: EVERYONE },
  { method: "GET", path: "/api/calendar/work-centres", openapi: "/api/calendar/work-centres", allowed: EVERYONE },
  { method: "PUT", path: "/api/calendar/work-centres/WC-CAL", openapi: "/api/calendar/work-centres/{code}", allowed: ["planner", "admin"], body: {} },
  { method: "POST", path: "/api/calendar/exceptions", openapi: "/api/calendar/exceptions", allowed: ["planner", "admin"], body: {} },
  { method: "PUT", path: "/api/calendar/exceptions/999999", openapi: "/api/calendar/exceptions/{id}", allowed: ["planner", "admin"], body: {} },
  { method: "DELETE", path: "/api/calendar/exceptions/999999", openapi: "/api/calendar/exceptions/{id}", allowed: ["planner", "admin"] },
  { method: "POST", path: "/api/calendar/maintenance", openapi: "/api/calendar/maintenance", allowed: ["planner", "admin"], body: {} },
  { method: "PUT", path: "/api/calendar/maintenance/999999", openapi: "/api/calendar/maintenance/{id}", allowed: ["planner", "admin"], body: {} },
  { method: "DELETE", path: "/api/calendar/maintenance/999999", openapi: "/api/calendar/maintenance/{id}", allowed: ["planner", "admin"] },
  { method: "POST", path: "/api/promise", openapi: "/api/promise", allowed: ["sales", "service", "planner", "admin"], body: {} },
  { method: "GET", path: "/api/promise/holds", openapi: "/api/promise/holds", allowed: ["sales", "service", "planner", "admin"] },
  { method: "POST", path: "/api/promise/holds", openapi: "/api/promise/holds", allowed: ["sales", "service", "planner", "admin"], body: {} },
  {
    method: "POST",
    path: "/api/promise/holds/999999/release",
    openapi: "/api/promise/holds/{id}/release",
    allowed: ["sales", "service", "planner", "admin"],
    body: {},
  },
  { method: "POST", path: "/api/promise/holds/999999/convert", openapi: "/api/promise/holds/{id}/convert", allowed: ["sales", "service", "admin"], body: {} },
  { method: "POST", path: "/api/planning/replan", openapi: "/api/planning/replan", allowed: ["planner", "admin"] },
  { method: "GET", path: "/api/planning/status", openapi: "/api/planning/status", allowed: EVERYONE },
  { method: "GET", path: "/api/planning/orders/DH20990101001", openapi: "/api/planning/orders/{orderNo}", allowed: EVERYONE },
  { method: "GET", path: "/api/planning/shortages", openapi: "/api/planning/shortages", allowed: ["planner", "purchasing", "admin"] },
  { method: "GET", path: "/api/planning/bottlenecks", openapi: "/api/planning/bottlenecks", allowed: ["planner", "purchasing", "admin"] },
  { method: "GET", path: "/api/planning/capacity-today", openapi: "/api/planning/capacity-today", allowed: ["sales", "service", "planner", "admin"] },
  { method: "POST", path: "/api/orders/batch-reschedule", openapi: "/api/orders/batch-reschedule", allowed: ["sales", "planner", "admin"], body: {} },
  { method: "GET", path: "/api/events/stream", openapi: "/api/events/stream", allowed: EVERYONE, stream: true },
  { method: "GET", path: "/api/views?list=orders", openapi: "/api/views", allowed: EVERYONE },
  { method: "POST", path: "/api/views", openapi: "/api/views", allowed: EVERYONE, body: {} },
  { method: "DELETE", path: "/api/views/999999", openapi: "/api/views/{id}", allowed: EVERYONE },
  { method: "POST", path: "/api/ask", openapi: "/api/ask", allowed: EVERYONE, body: { text: "my tasks" } },
  { method: "GET", path: "/api/users", openapi: "/api/users", allowed: ["admin"] },
  { method: "POST", path: "/api/users", openapi: "/api/users", allowed: ["admin"], body: {} },
  { method: "PATCH", path: "/api/users/sales", openapi: "/api/users/{username}", allowed: ["admin"], body: {} },
  { method: "POST", path: "/api/tokens", openapi: "/api/tokens", allowed: ["admin"], body: {} },
  ...PEOPLE.map((role) => ({
    method: "GET",
    path: `/api/dashboards/${role}`,
    openapi: "/api/dashboards/{role}",
    allowed: role === "admin" ? ["admin" as Role] : [role, "admin" as Role],
  })),
  { method: "GET", path: "/api/planning/atp/PM-CHIP", openapi: "/api/planning/atp/{sku}", allowed: EVERYONE },
  { method: "POST", path: "/api/orders/preview", openapi: "/api/orders/preview", allowed: ["sales", "service", "admin"], body: {} },
  { method: "GET", path: "/api/inventory/balances", openapi: "/api/inventory/balances", allowed: EVERYONE },
  { method: "POST", path: "/api/inventory/adjustments", openapi: "/api/inventory/adjustments", allowed: ["warehouse", "admin"], body: {} },
  // Promises kept honest (decision 0056) and the shop floor (0058).
  { method: "GET", path: "/api/orders/DH20990101999/promises", openapi: "/api/orders/{orderNo}/promises", allowed: EVERYONE },
  { method: "POST", path: "/api/orders/DH20990101999/promise", openapi: "/api/orders/{orderNo}/promise", allowed: ["sales", "planner", "admin"], body: {} },
  { method: "GET", path: "/api/planning/purchase-requests", openapi: "/api/planning/purchase-requests", allowed: ["planner", "purchasing", "admin"] },
  {
    method: "POST",
    path: "/api/planning/purchase-requests/999999/confirm",
    openapi: "/api/planning/purchase-requests/{id}/confirm",
    allowed: ["purchasing", "admin"],
    body: {},
  },
  { method: "GET", path: "/api/settings/purchasing", openapi: "/api/settings/purchasing", allowed: ["planner", "purchasing", "admin"] },
  { method: "PUT", path: "/api/settings/purchasing", openapi: "/api/settings/purchasing", allowed: ["planner", "admin"], body: {} },
  { method: "GET", path: "/api/suppliers", openapi: "/api/suppliers", allowed: ["planner", "purchasing", "admin"] },
  { method: "POST", path: "/api/suppliers", openapi: "/api/suppliers", allowed: ["purchasing", "admin"], body: {} },
  { method: "GET", path: "/api/purchase-orders", openapi: "/api/purchase-orders", allowed: ["planner", "purchasing", "admin"] },
  { method: "POST", path: "/api/purchase-orders", openapi: "/api/purchase-orders", allowed: ["purchasing", "admin"], body: {} },
  { method: "GET", path: "/api/purchase-orders/PO20990101-9999", openapi: "/api/purchase-orders/{poNo}", allowed: ["planner", "purchasing", "admin"] },
  {
    method: "PATCH",
    path: "/api/purchase-orders/PO20990101-9999/lines/1",
    openapi: "/api/purchase-orders/{poNo}/lines/{line}",
    allowed: ["purchasing", "admin"],
    body: {},
    headers: { "if-match": "1" },
  },
  {
    method: "POST",
    path: "/api/purchase-orders/PO20990101-9999/receipts",
    openapi: "/api/purchase-orders/{poNo}/receipts",
    allowed: ["warehouse", "admin"],
    body: {},
  },
  { method: "GET", path: "/api/purchasing/proposals", openapi: "/api/purchasing/proposals", allowed: ["planner", "purchasing", "admin"] },
  { method: "GET", path: "/api/purchase-orders/PO20990101-9999/pdf", openapi: "/api/purchase-orders/{poNo}/pdf", allowed: ["planner", "purchasing", "admin"] },
  {
    method: "GET",
    path: "/api/purchase-orders/PO20990101-9999/xlsx",
    openapi: "/api/purchase-orders/{poNo}/xlsx",
    allowed: ["planner", "purchasing", "admin"],
  },
  { method: "POST", path: "/api/purchasing/confirmations", openapi: "/api/purchasing/confirmations", allowed: ["purchasing", "admin"], body: {} },
  { method: "GET", path: "/api/purchasing/watch", openapi: "/api/purchasing/watch", allowed: ["planner", "purchasing", "admin"] },
  { method: "POST", path: "/api/purchasing/proposals/accept", openapi: "/api/purchasing/proposals/accept", allowed: ["purchasing", "admin"], body: {} },
  { method: "GET", path: "/api/work-centres", openapi: "/api/work-centres", allowed: ["planner", "admin"] },
  { method: "GET", path: "/api/work-centres/WC-CAL/dispatch", openapi: "/api/work-centres/{code}/dispatch", allowed: ["planner", "admin"] },
  { method: "GET", path: "/api/work-centres/WC-CAL/dispatch.pdf", openapi: "/api/work-centres/{code}/dispatch.pdf", allowed: ["planner", "admin"] },
  { method: "GET", path: "/api/operations/999999", openapi: "/api/operations/{operationId}", allowed: ["planner", "admin"] },
  { method: "POST", path: "/api/operations/999999/reports", openapi: "/api/operations/{operationId}/reports", allowed: ["admin"], body: {} },
  { method: "POST", path: "/api/work-centres/WC-CAL/downtime", openapi: "/api/work-centres/{code}/downtime", allowed: ["planner", "admin"], body: {} },
  {
    method: "POST",
    path: "/api/work-centres/WC-CAL/downtime/999999/end",
    openapi: "/api/work-centres/{code}/downtime/{id}/end",
    allowed: ["planner", "admin"],
    body: {},
  },
  // Finance (issue 22): invoicing, payments, exposure.
  { method: "GET", path: "/api/customers/C-A1/invoicing", openapi: "/api/customers/{code}/invoicing", allowed: ["sales", "service", "finance", "admin"] },
  { method: "PUT", path: "/api/customers/C-A1/invoicing", openapi: "/api/customers/{code}/invoicing", allowed: FINANCE, body: {} },
  { method: "PUT", path: "/api/items/PS-100/invoicing", openapi: "/api/items/{sku}/invoicing", allowed: FINANCE, body: {} },
  { method: "POST", path: "/api/invoice-requests", openapi: "/api/invoice-requests", allowed: FINANCE, body: {} },
  { method: "GET", path: "/api/invoice-requests/export?ids=999999", openapi: "/api/invoice-requests/export", allowed: FINANCE },
  { method: "GET", path: "/api/invoice-requests/999999", openapi: "/api/invoice-requests/{id}", allowed: FINANCE },
  { method: "POST", path: "/api/invoice-requests/issued", openapi: "/api/invoice-requests/issued", allowed: FINANCE, body: {} },
  { method: "POST", path: "/api/invoice-requests/999999/reverse", openapi: "/api/invoice-requests/{id}/reverse", allowed: FINANCE, body: {} },
  { method: "POST", path: "/api/payments", openapi: "/api/payments", allowed: FINANCE, body: {} },
  { method: "POST", path: "/api/payments/import", openapi: "/api/payments/import", allowed: FINANCE, body: {} },
  { method: "POST", path: "/api/payments/999999/allocations", openapi: "/api/payments/{id}/allocations", allowed: FINANCE, body: {} },
  { method: "GET", path: "/api/customers/C-A1/exposure", openapi: "/api/customers/{code}/exposure", allowed: ["sales", "service", "finance", "admin"] },
  { method: "POST", path: "/api/customers/C-A1/credit-overrides", openapi: "/api/customers/{code}/credit-overrides", allowed: FINANCE, body: {} },
  { method: "GET", path: "/api/finance/work", openapi: "/api/finance/work", allowed: FINANCE },
  { method: "GET", path: "/api/finance/settings", openapi: "/api/finance/settings", allowed: FINANCE },
  { method: "PUT", path: "/api/finance/settings", openapi: "/api/finance/settings", allowed: FINANCE, body: {} },
  { method: "GET", path: "/api/quotes", openapi: "/api/quotes", allowed: ["sales", "finance", "admin"] },
  { method: "POST", path: "/api/quotes", openapi: "/api/quotes", allowed: ["sales", "admin"], body: {} },
  { method: "GET", path: "/api/quotes/BJ20990101001", openapi: "/api/quotes/{quoteNo}", allowed: ["sales", "finance", "admin"] },
  { method: "GET", path: "/api/quotes/BJ20990101001/diff?from=1&to=2", openapi: "/api/quotes/{quoteNo}/diff", allowed: ["sales", "finance", "admin"] },
  {
    method: "GET",
    path: "/api/quotes/BJ20990101001/versions/1/pdf",
    openapi: "/api/quotes/{quoteNo}/versions/{v}/pdf",
    allowed: ["sales", "finance", "admin"],
  },
  { method: "POST", path: "/api/quotes/BJ20990101001/versions", openapi: "/api/quotes/{quoteNo}/versions", allowed: ["sales", "admin"], body: {} },
  {
    method: "POST",
    path: "/api/quotes/BJ20990101001/versions/1/send",
    openapi: "/api/quotes/{quoteNo}/versions/{v}/send",
    allowed: ["sales", "admin"],
  },
  {
    method: "POST",
    path: "/api/quotes/BJ20990101001/versions/1/approve",
    openapi: "/api/quotes/{quoteNo}/versions/{v}/approve",
    allowed: ["sales", "admin"],
    body: {},
  },
  {
    method: "POST",
    path: "/api/quotes/BJ20990101001/versions/1/convert",
    openapi: "/api/quotes/{quoteNo}/versions/{v}/convert",
    allowed: ["sales", "admin"],
  },
  { method: "POST", path: "/api/quotes/BJ20990101001/lost", openapi: "/api/quotes/{quoteNo}/lost", allowed: ["sales", "admin"], body: {} },
];

async function statusOf(route: (typeof TABLE)[number], path: string, role: Role) {
  if (!route.stream) return t.api(route.method, path, { as: role, body: route.body });
  const stream = await openEventStream(t.url, await t.cookie(role));
  stream.close();
  return { status: stream.status, body: {} as { error: { code: string } } };
}

describe("every route checks the caller's role", () => {
  for (const route of TABLE) {
    it(`${route.method} ${route.openapi}`, async () => {
      const path = route.path.replace("{no}", orderNo);
      const anonymous = await t.api(route.method, path, { as: "anonymous", body: route.body });
      if (route.allowed === "public") {
        expect(anonymous.status).not.toBe(401);
        return;
      }
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.error.code).toBe("unauthenticated");
      for (const role of PEOPLE) {
        // Sign-out would end the shared session of the role: try it last, on its own.
        if (route.path === "/api/auth/logout") continue;
        const res = await statusOf(route, path, role);
        if (route.allowed.includes(role)) expect(res.status, `${role} should pass`).not.toBe(403);
        else {
          expect(res.status, `${role} should be refused: ${JSON.stringify(res.body)}`).toBe(403);
          expect(res.body.error.code).toBe("forbidden");
        }
      }
    });
  }

  it("openapi.json documents every route of the table, and the table covers every API route", async () => {
    const res = await t.api("GET", "/openapi.json", { as: "anonymous" });
    expect(res.status).toBe(200);
    const documented = Object.entries(res.body.paths as Record<string, Record<string, unknown>>).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
    );
    const expected = TABLE.map((r) => `${r.method} ${r.openapi}`);
    const apiRoutes = documented.filter((r) => r.includes(" /api/") || r.endsWith(" /metrics"));
    expect(apiRoutes.sort()).toEqual([...new Set(expected)].sort());
    const docs = await t.api("GET", "/docs/", { as: "anonymous" });
    expect(docs.status).toBe(200);
  });
});

describe("sign-in, sessions and API tokens", () => {
  it("refuses a wrong password without saying which part was wrong", async () => {
    const res = await t.api("POST", "/api/auth/login", { as: "anonymous", body: { username: "sales", password: "wrong" } });
    expect(res.status).toBe(401);
    expect(res.body.error.reason).toBe("auth.bad_credentials");
    const unknown = await t.api("POST", "/api/auth/login", { as: "anonymous", body: { username: "nobody", password: "wrong" } });
    expect(unknown.body.error.reason).toBe("auth.bad_credentials");
  });

  it("stores passwords as argon2id hashes and sessions only as hashes", async () => {
    const user = await t.database.db.selectFrom("users").select("password_hash").where("username", "=", "sales").executeTakeFirstOrThrow();
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
    const login = await fetch(`${t.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "planner", password: "test-password" }),
    });
    const cookie = login.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/HttpOnly/i);
    const token = cookie.split(";")[0].split("=")[1];
    const stored = await t.database.db.selectFrom("sessions").select("token_hash").execute();
    expect(stored.some((s) => s.token_hash === token)).toBe(false);
  });

  it("ends a session on logout", async () => {
    const login = await fetch(`${t.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "engineering", password: "test-password" }),
    });
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0];
    const me = await fetch(`${t.url}/api/auth/me`, { headers: { cookie } });
    expect(await me.json()).toMatchObject({ name: "engineering", roles: ["engineering"] });
    expect((await fetch(`${t.url}/api/auth/logout`, { method: "POST", headers: { cookie } })).status).toBe(204);
    expect((await fetch(`${t.url}/api/auth/me`, { headers: { cookie } })).status).toBe(401);
  });

  it("lets an integration token read orders but not create single orders or read customers", async () => {
    const token = await integrationToken(t.database);
    expect((await t.api("GET", "/api/orders", { token })).status).toBe(200);
    expect((await t.api("POST", "/api/orders", { token, body: {} })).status).toBe(403);
    expect((await t.api("GET", "/api/customers", { token })).status).toBe(403);
    expect((await t.api("GET", "/api/orders", { token: "lvt_forged" })).status).toBe(401);
  });

  it("answers in English when asked", async () => {
    const res = await t.api("GET", "/api/orders", { as: "anonymous", headers: { "accept-language": "en-US,en;q=0.9" } });
    expect(res.body.error.message).toBe("Please sign in");
    const zh = await t.api("GET", "/api/orders", { as: "anonymous" });
    expect(zh.body.error.message).toBe("请先登录");
  });
});

describe("operations", () => {
  it("reports health with the database kind", async () => {
    const res = await t.api("GET", "/api/health", { as: "anonymous" });
    expect(res.body).toEqual({ status: "ok", db: process.env.LVYUE_TEST_DB === "postgres" ? "postgres" : "pglite", version: "test" });
  });

  it("serves Prometheus text metrics", async () => {
    expect((await fetch(`${t.url}/metrics`)).status).toBe(401);
    const token = await integrationToken(t.database);
    const res = await fetch(`${t.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    const text = await res.text();
    expect(res.headers.get("content-type")).toContain("text/plain");
    expect(text).toContain("lvyue_http_request_duration_seconds_bucket");
    expect(text).toMatch(/lvyue_orders_created_total\{source="api"\} \d+/);
  });
});
