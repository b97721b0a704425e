// Use case: the figures on one role's board, for that role or admin.
import type { Kysely } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { AppError } from "../core/errors.js";
import { adminBoard } from "./admin-board.js";
import { deskBoard } from "./desk-board.js";
import { plannerBoard } from "./planner-board.js";
import { productionBoard } from "./production-board.js";
import { purchasingBoard } from "./purchasing-board.js";
import { salesBoard } from "./sales-board.js";
import { serviceBoard } from "./service-board.js";
import { warehouseBoard } from "./warehouse-board.js";

export const BOARD_ROLES = ["sales", "service", "planner", "purchasing", "warehouse", "engineering", "finance", "admin", "production"] as const;
export type BoardRole = (typeof BOARD_ROLES)[number];

export async function getDashboard(db: Kysely<DB>, principal: Principal, role: BoardRole) {
  // The planner watches the shop floor's board too.
  const planner = role === "production" && principal.roles.includes("planner");
  if (!principal.roles.includes(role) && !principal.roles.includes("admin") && !planner) {
    throw new AppError("forbidden", "auth.forbidden", { roles: principal.roles.join(","), allowed: `${role},admin` });
  }
  switch (role) {
    case "sales":
      return salesBoard(db);
    case "service":
      return serviceBoard(db);
    case "planner":
      return plannerBoard(db);
    case "purchasing":
      return purchasingBoard(db);
    case "warehouse":
      return warehouseBoard(db);
    case "admin":
      return adminBoard(db);
    case "production":
      return productionBoard(db);
    case "engineering":
    case "finance":
      return deskBoard(db, role);
  }
}
