// The whole demo plant as plain rows, ready to insert. Pure: `now` is the only clock.
import { plantDay } from "../core/plant-day.js";
import { generateInstalledBase, type InstalledBase } from "./equipment.js";
import { generateMasterChanges, type MasterChangeRow } from "./master-changes.js";
import { generateMasterData, type MasterData } from "./master-data.js";
import { generateOrders, type OrderBook } from "./orders.js";
import { generatePurchasing, type PurchasingRows } from "./purchasing.js";
import { childRng } from "./random.js";

export interface DemoPlant extends MasterData {
  today: string;
  book: OrderBook;
  /** Who kept the master data over the year (feeds the data-autonomy figure). */
  masterChanges: MasterChangeRow[];
  /** Units of recently delivered orders, some with service visits. */
  installedBase: InstalledBase;
  /** Suppliers, purchase orders (open and a half-year of history); `supply` holds the open lines' mirrors. */
  purchasing: PurchasingRows;
}

export const DEFAULT_SEED = 20260218;

export function generateDemoPlant(seed: number, now: Date): DemoPlant {
  const today = plantDay(now);
  const data = generateMasterData(seed, today);
  const book = generateOrders(childRng(seed, "orders"), { customers: data.customers, master: data.master, engineering: data.engineering, now });
  const masterChanges = generateMasterChanges(childRng(seed, "master-changes"), { today, customers: data.customers, items: data.master.items });
  const installedBase = generateInstalledBase(childRng(seed, "installed-base"), {
    book,
    items: data.master.items,
    customers: data.customers,
    engineering: data.engineering,
    now,
  });
  const purchasing = generatePurchasing(childRng(seed, "purchasing"), data.master, data.supply, today);
  return { ...data, supply: purchasing.supply, today, book, masterChanges, installedBase, purchasing };
}
