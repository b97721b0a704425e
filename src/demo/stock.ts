// Pure generators of stock on hand by location and of the supply on its way (purchase orders, transfers).
import { addDays, plantInstant } from "./dates.js";
import type { ItemMaster } from "./items.js";
import type { Rng } from "./random.js";
import type { InventoryRow, ItemRow, SupplyLineRow } from "./rows.js";

/** Typical stock level of an item: cheap hardware by the thousand, sensors by the piece. */
function typicalStock(item: ItemRow): number {
  const price = Number(item.unit_price);
  if (item.kind === "finished") return 10;
  if (price < 1) return 5000;
  if (price < 20) return 800;
  if (price < 200) return 150;
  return 40;
}

function quantity(item: ItemRow, scale: number): string {
  const q = typicalStock(item) * scale;
  return item.uom === "pcs" || item.uom === "台" ? String(Math.max(1, Math.round(q))) : Math.max(0.5, q).toFixed(3);
}

export function generateInventory(rng: Rng, master: ItemMaster): InventoryRow[] {
  const rows: InventoryRow[] = [];
  const shares: [ItemRow[], number, number][] = [
    [master.purchased, 1, 0.4],
    [master.subassemblies, 1, 0.2],
    [master.finished, 0.3, 0.15],
  ];
  for (const [items, mainShare, branchShare] of shares) {
    for (const item of items) {
      for (const [location, share] of [
        ["WH-MAIN", mainShare],
        ["WH-SH", branchShare],
      ] as const) {
        if (!rng.chance(share)) continue;
        if (rng.chance(0.1)) {
          rows.push({ sku: item.sku, location, on_hand: "0", reserved: "0" });
          continue;
        }
        const onHand = quantity(item, rng.float(0.05, 3) * (location === "WH-SH" ? 0.3 : 1));
        // Reserved is a share of on hand, rounded down so it never exceeds it.
        const reservedShare = rng.chance(0.4) ? rng.float(0, 0.8) : 0;
        const decimals = onHand.includes(".") ? 3 : 0;
        const factor = 10 ** decimals;
        const reserved = Math.floor(Number(onHand) * reservedShare * factor) / factor;
        rows.push({ sku: item.sku, location, on_hand: onHand, reserved: reserved.toFixed(decimals) });
      }
    }
  }
  return rows;
}

export function generateSupply(rng: Rng, master: ItemMaster, today: string): SupplyLineRow[] {
  const rows: SupplyLineRow[] = [];
  const year = today.slice(0, 4);
  let po = 0;
  while (rows.length < 600) {
    po++;
    const ref = `PO${year}${String(po).padStart(4, "0")}`;
    const offset = rng.int(-2, 40);
    const expected = addDays(today, offset);
    const lines = rng.sample(master.purchased, rng.int(1, 4));
    const location = rng.chance(0.85) ? "WH-MAIN" : "WH-SH";
    for (const item of lines) {
      // Past-due lines are mostly in; the rest are the supplier delays purchasing chases.
      const status = offset < 0 ? (rng.chance(0.6) ? "received" : "open") : rng.chance(0.02) ? "cancelled" : "open";
      rows.push({
        kind: "purchase",
        ref,
        sku: item.sku,
        location,
        qty: quantity(item, rng.float(0.5, 4)),
        expected_date: expected,
        status,
        created_at: plantInstant(addDays(expected, -Math.max(item.lead_time_days, 3 + offset)), rng.float(9, 17)),
      });
    }
  }
  const movable = [...master.purchased, ...master.subassemblies, ...master.finished.slice(0, 60)];
  for (let t = 1; t <= 50; t++) {
    const item = rng.pick(movable);
    const expected = addDays(today, rng.int(0, 7));
    rows.push({
      kind: "transfer",
      ref: `TR${year}${String(t).padStart(4, "0")}`,
      sku: item.sku,
      location: rng.chance(0.8) ? "WH-SH" : "WH-MAIN",
      qty: quantity(item, rng.float(0.1, 1)),
      expected_date: expected,
      status: "open",
      created_at: plantInstant(addDays(today, -rng.int(1, 5)), rng.float(9, 17)),
    });
  }
  return rows;
}
