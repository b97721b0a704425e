// Assembles the app: core's HTTP plumbing, then every capability's routes, the live-change hub and the gauges.
// A new capability appends its route registrar to CAPABILITY_ROUTES.
import type { FastifyInstance } from "fastify";
import { askRoutes } from "./ask/routes.js";
import { calendarRoutes } from "./calendar/routes.js";
import { authRoutes } from "./core/auth/routes.js";
import type { AppDeps } from "./core/http/app-deps.js";
import { createHttpApp, type HttpAppOptions } from "./core/http/create-http-app.js";
import { registerRuleGauges } from "./core/http/metrics.js";
import { customerRoutes } from "./customers/routes.js";
import { dashboardRoutes } from "./dashboards/routes.js";
import { itemRoutes } from "./engineering/routes.js";
import { ChangeHub } from "./events/change-hub.js";
import { eventRoutes } from "./events/routes.js";
import { exportRoutes } from "./exports/routes.js";
import { historyRoutes } from "./history/routes.js";
import { importRoutes } from "./imports/routes.js";
import { inventoryRoutes } from "./inventory/routes.js";
import { registerOutcomeGauges } from "./metrics/outcome-gauges.js";
import { metricsRoutes } from "./metrics/routes.js";
import { orderActionRoutes } from "./orders/actions-routes.js";
import { orderRoutes } from "./orders/routes.js";
import { planningRoutes } from "./planning/routes.js";
import { productionRoutes } from "./production/routes.js";
import { ruleRoutes } from "./rules/routes.js";
import { ruleExecutionRate } from "./rules/rule-execution-rate.js";
import { equipmentRoutes, replenishmentRoutes } from "./service/equipment-routes.js";
import { publicRoutes } from "./service/public-routes.js";
import { statusLinkRoutes } from "./service/status-link-routes.js";
import { settingsRoutes } from "./settings/routes.js";
import { systemRoutes } from "./system/routes.js";
import { taskRoutes } from "./tasks/routes.js";
import { userRoutes } from "./users/routes.js";
import { viewRoutes } from "./views/routes.js";

type RouteRegistrar = (app: FastifyInstance, deps: AppDeps) => void;

/** Every capability's routes, in the order they appear in /openapi.json. */
const CAPABILITY_ROUTES: RouteRegistrar[] = [
  systemRoutes,
  authRoutes,
  customerRoutes,
  itemRoutes,
  orderRoutes,
  orderActionRoutes,
  ruleRoutes,
  taskRoutes,
  settingsRoutes,
  metricsRoutes,
  importRoutes,
  historyRoutes,
  inventoryRoutes,
  exportRoutes,
  calendarRoutes,
  planningRoutes,
  statusLinkRoutes,
  // Multipart is registered once for the app (spreadsheet limits); a visit upload narrows them per request.
  equipmentRoutes,
  replenishmentRoutes,
  publicRoutes,
  productionRoutes,
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
  eventRoutes(app, hub);
  for (const register of READ_ROUTES) register(app, deps);
  await app.ready();
  return app;
}
