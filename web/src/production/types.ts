// Shapes of the shop floor's API replies, from the generated contract (web/src/api/contract.ts).
import type { Reply } from "../api/contract";

export type Dispatch = Reply<"GET /api/work-centres/{code}/dispatch">;
export type DispatchOp = Dispatch["operations"][number];
export type OpStatus = DispatchOp["status"];
export type Operation = Reply<"GET /api/operations/{operationId}">;
export type Downtime = Omit<Reply<"POST /api/work-centres/{code}/downtime">, "affectedOrders">;
/** GET /api/work-centres answers loosely typed rows (its schema is a record): this is what it holds. */
export interface Centre {
  code: string;
  name: string;
  units: number;
  down: Downtime[];
}
