// Assembles the app: core's HTTP plumbing, then every capability's routes, the live-change hub and the gauges.
// A new capability appends its route registrar to CAPABILITY_ROUTES.
import type { FastifyInstance } from "fastify";
import { askRoutes } from "./ask/routes.js";
import { calendarRoutes } from "./calendar/routes.js";
import { SYSTEM } from "./core/auth/principal.js";
import { authRoutes } from "./core/auth/routes.js";
import type { AppDeps } from "./core/http/app-deps.js";
import { createHttpApp, type HttpAppOptions } from "./core/http/create-http-app.js";
import { registerRuleGauges } from "./core/http/metrics.js";
import { customerRoutes } from "./customers/routes.js";
import { dashboardRoutes } from "./dashboards/routes.js";
import { ecnRoutes } from "./ecn/routes.js";
import { itemRoutes } from "./engineering/routes.js";
import { registerDeliveredEquipment } from "./equipment/register-delivered-equipment.js";
import { equipmentRoutes } from "./equipment/routes.js";
import { ChangeHub } from "./events/change-hub.js";
import { eventRoutes } from "./events/routes.js";
import { exportRoutes } from "./exports/routes.js";
import { exposureView } from "./finance/credit-exposure.js";
import { financeRoutes } from "./finance/routes.js";
import { historyRoutes } from "./history/routes.js";
import { inventoryFileRoutes } from "./imports/inventory-file-routes.js";
import { importRoutes } from "./imports/routes.js";
import { orderPreviewRoutes } from "./intake/preview-routes.js";
import { intakeRoutes } from "./intake/routes.js";
import type { InventoryHooks } from "./inventory/hooks.js";
import { inventoryRoutes } from "./inventory/routes.js";
import { registerOutcomeGauges } from "./metrics/outcome-gauges.js";
import { metricsRoutes } from "./metrics/routes.js";
import { orderActionRoutes } from "./orders/actions-routes.js";
import { plugOrderHooks } from "./orders/hooks.js";
import { orderRoutes } from "./orders/routes.js";
import { settleTaskBlocks } from "./orders/settle-task-blocks.js";
import { shipmentRoutes } from "./orders/shipment-routes.js";
import type { PlanningHooks } from "./planning/hooks.js";
import { planningRoutes } from "./planning/routes.js";
import { takeDispatchBaselines } from "./production/get-dispatch.js";
import { releaseWorkOrders } from "./production/release-work-orders.js";
import { productionRoutes } from "./production/routes.js";
import { flagLateLines } from "./purchasing/flag-late-lines.js";
import { matchWmsReceipts } from "./purchasing/match-wms-receipts.js";
import { purchasingRoutes } from "./purchasing/routes.js";
import { dryRunQuoteRule } from "./quotes/dry-run-quote-rule.js";
import { quoteRoutes } from "./quotes/routes.js";
import { fireInventoryChanged } from "./rules/fire-inventory-changed.js";
import { ruleRoutes } from "./rules/routes.js";
import { ruleExecutionRate } from "./rules/rule-execution-rate.js";
import { runOrderRules } from "./rules/run-rules-on-order.js";
import { settingsRoutes } from "./settings/routes.js";
import { statusPageRoutes } from "./status-links/public-routes.js";
import { statusLinkRoutes } from "./status-links/routes.js";
import { systemRoutes } from "./system/routes.js";
import { taskRoutes } from "./tasks/routes.js";
import { userRoutes } from "./users/routes.js";
import { viewRoutes } from "./views/routes.js";
import { dryRunVisitRule } from "./visits/dry-run-visit-rule.js";
import { warrantyCardRoutes } from "./visits/public-routes.js";
import { replenishmentRoutes, visitRoutes } from "./visits/routes.js";

type RouteRegistrar = (app: FastifyInstance, deps: AppDeps) => void;

// Ports: a lower capability calls out through these; the higher one that answers is plugged in here.
plugOrderHooks({
  delivered: registerDeliveredEquipment,
  changed: async (tx, cacheKey, row, event, at) => (await runOrderRules(tx, cacheKey, row, event, { at })).row,
  creditExposure: exposureView,
});
const inventoryHooks: InventoryHooks = {
  stockChanged: (tx, db, skus) => fireInventoryChanged(tx, db, skus),
  purchaseLinesSynced: (tx, lines) => matchWmsReceipts(tx, lines),
};
/**
 * Before a re-plan (the route and every tick of the background re-planner): scheduled orders are released
 * to the shop floor, a shift that has started gets its dispatch lists' baselines (decision 0061), and purchase
 * lines past their date turn late (decision 0067).
 */
export const planningHooks: PlanningHooks = {
  beforeReplan: async (db) => {
    await releaseWorkOrders(db, SYSTEM);
    await takeDispatchBaselines(db);
    // Purchase lines past their date turn late (their rules run); the plan that follows rolls them forward.
    await flagLateLines(db);
  },
};

/** Every capability's routes, in the order they appear in /openapi.json. */
const CAPABILITY_ROUTES: RouteRegistrar[] = [
  systemRoutes,
  authRoutes,
  customerRoutes,
  itemRoutes,
  ecnRoutes,
  intakeRoutes,
  orderRoutes,
  orderActionRoutes,
  orderPreviewRoutes,
  (app, deps) => ruleRoutes(app, deps, { dryRuns: { "visit.recorded": dryRunVisitRule, "quote.below_margin": dryRunQuoteRule } }),
  (app, deps) => taskRoutes(app, deps, { decided: settleTaskBlocks }),
  settingsRoutes,
  metricsRoutes,
  importRoutes,
  historyRoutes,
  (app, deps) => inventoryRoutes(app, deps, inventoryHooks),
  (app, deps) => inventoryFileRoutes(app, deps, inventoryHooks),
  exportRoutes,
  calendarRoutes,
  (app, deps) => planningRoutes(app, deps, planningHooks),
  statusLinkRoutes,
  shipmentRoutes,
  // Multipart is registered once for the app (spreadsheet limits); a visit upload narrows them per request.
  equipmentRoutes,
  visitRoutes,
  replenishmentRoutes,
  statusPageRoutes,
  warrantyCardRoutes,
  productionRoutes,
  (app, deps) => purchasingRoutes(app, deps, { inventory: inventoryHooks }),
  financeRoutes,
  quoteRoutes,
];

/** Read models and screens that come after the live-change stream. */
const READ_ROUTES: RouteRegistrar[] = [dashboardRoutes, askRoutes, viewRoutes, userRoutes];

export async function buildApp(options: HttpAppOptions): Promise<FastifyInstance> {
  const { app, deps } = await createHttpApp(options);
  registerRuleGauges(deps.metrics.registry, () => ruleExecutionRate(options.db, { from: new Date(Date.now() - 86_400_000), to: new Date() }));
  registerOutcomeGauges(deps.metrics.registry, options.db);
  for (const register of CAPABILITY_ROUTES) register(app, deps);
  // Without a listener (a bare app in a unit test) the stream stays open but silent.
  const hub = new ChangeHub();
  if (options.listen) await hub.start(options.listen);
  app.addHook("onClose", () => hub.stop());
  eventRoutes(app, hub, deps);
  for (const register of READ_ROUTES) register(app, deps);
  await app.ready();
  return app;
}
