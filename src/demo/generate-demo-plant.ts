// The whole demo plant as plain rows, ready to insert. Pure: `now` is the only clock.
import { plantDay } from "../orders/model/numbering.js";
import { generateMasterData, type MasterData } from "./master-data.js";
import { generateOrders, type OrderBook } from "./orders.js";
import { childRng } from "./random.js";

export interface DemoPlant extends MasterData {
  today: string;
  book: OrderBook;
}

export const DEFAULT_SEED = 20260218;

export function generateDemoPlant(seed: number, now: Date): DemoPlant {
  const today = plantDay(now);
  const data = generateMasterData(seed, today);
  const book = generateOrders(childRng(seed, "orders"), { customers: data.customers, master: data.master, engineering: data.engineering, now });
  return { ...data, today, book };
}
