// Which page shows which role's board. A new board is a new file and one line here.
import type { ComponentType } from "react";
import { lazyPage } from "../lazy-page";

const EngineeringBoard = lazyPage(() => import("../engineering/engineering-board"), "EngineeringBoard");
const AdminBoard = lazyPage(() => import("./admin-board"), "AdminBoard");
const FinanceBoard = lazyPage(() => import("./finance-board"), "FinanceBoard");
const PlannerBoard = lazyPage(() => import("./planner-board"), "PlannerBoard");
const ProductionBoard = lazyPage(() => import("./production-board"), "ProductionBoard");
const PurchasingBoard = lazyPage(() => import("./purchasing-board"), "PurchasingBoard");
const SalesBoard = lazyPage(() => import("./sales-board"), "SalesBoard");
const ServiceBoard = lazyPage(() => import("./service-board"), "ServiceBoard");
const WarehouseBoard = lazyPage(() => import("./warehouse-board"), "WarehouseBoard");

export const BOARDS: Record<string, ComponentType> = {
  sales: SalesBoard,
  service: ServiceBoard,
  planner: PlannerBoard,
  purchasing: PurchasingBoard,
  warehouse: WarehouseBoard,
  engineering: EngineeringBoard,
  finance: FinanceBoard,
  admin: AdminBoard,
  production: ProductionBoard,
};
