// The demo plant's master data in one call: places, work centres, items, engineering, customers,
// stock, supply and calendar. Pure: the same seed and day give the same rows.
import { calendarExceptions, maintenanceWindows } from "./calendar.js";
import { generateCustomers } from "./customers.js";
import { type Engineering, generateEngineering } from "./engineering.js";
import { generateItems, type ItemMaster, LOCATIONS, workCentres } from "./items.js";
import { childRng } from "./random.js";
import type { CalendarExceptionRow, CustomerRow, InventoryRow, LocationRow, MaintenanceWindowRow, SupplyLineRow, WorkCentreRow } from "./rows.js";
import { generateInventory, generateSupply } from "./stock.js";

export interface MasterData {
  locations: LocationRow[];
  workCentres: WorkCentreRow[];
  master: ItemMaster;
  engineering: Engineering;
  customers: CustomerRow[];
  inventory: InventoryRow[];
  supply: SupplyLineRow[];
  calendarExceptions: CalendarExceptionRow[];
  maintenanceWindows: MaintenanceWindowRow[];
}

export function generateMasterData(seed: number, today: string): MasterData {
  const centres = workCentres();
  const master = generateItems(childRng(seed, "items"));
  return {
    locations: LOCATIONS,
    workCentres: centres,
    master,
    engineering: generateEngineering(childRng(seed, "engineering"), master, today),
    customers: generateCustomers(childRng(seed, "customers")),
    inventory: generateInventory(childRng(seed, "inventory"), master),
    supply: generateSupply(childRng(seed, "supply"), master, today),
    calendarExceptions: calendarExceptions(),
    maintenanceWindows: maintenanceWindows(childRng(seed, "maintenance"), centres, today),
  };
}
