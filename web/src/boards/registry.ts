// Which page shows which role's board. A new board is a new file and one line here.
import type { ComponentType } from "react";
import { EngineeringBoard } from "../engineering/engineering-board";
import { AdminBoard } from "./admin-board";
import { FinanceBoard } from "./finance-board";
import { PlannerBoard } from "./planner-board";
import { ProductionBoard } from "./production-board";
import { PurchasingBoard } from "./purchasing-board";
import { SalesBoard } from "./sales-board";
import { ServiceBoard } from "./service-board";
import { WarehouseBoard } from "./warehouse-board";

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
