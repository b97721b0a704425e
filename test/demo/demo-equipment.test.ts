// The demo plant's installed base (pure): units of delivered orders, and visit histories that make sense.
import { describe, expect, it } from "vitest";
import { generateDemoPlant } from "../../src/demo/generate-demo-plant.js";
import { demoClock } from "../../src/demo/load-demo-plant.js";
import { plantDay } from "../../src/orders/model/numbering.js";

const TODAY = "2026-11-20";
const plant = generateDemoPlant(42, demoClock(TODAY, new Date("2030-01-01T00:00:00Z")));
const base = plant.installedBase;
const items = new Map(plant.master.items.map((i) => [i.sku, i]));
const orders = new Map(plant.book.orders.map((o) => [o.order_no, o]));

describe("demo installed base", () => {
  it("registers serialised units of delivered orders, installed on their delivery day", () => {
    expect(base.equipment.length).toBeGreaterThan(100);
    expect(base.equipment.length).toBeLessThanOrEqual(320);
    expect(new Set(base.equipment.map((e) => e.serial)).size).toBe(base.equipment.length);
    for (const e of base.equipment) {
      const order = orders.get(e.order_no)!;
      expect(order.delivered_at).not.toBeNull();
      expect(e.installed_on).toBe(plantDay(order.delivered_at!));
      expect(items.get(e.sku)).toMatchObject({ serialised: true, kind: "finished" });
      expect(e.serial.startsWith(`${e.sku}-${e.order_no}-`)).toBe(true);
    }
  });

  it("gives some units visits after installation and before today, each with parts, photo, card, replenishment and lifecycle", () => {
    expect(base.visits.length).toBeGreaterThan(30);
    const unitOf = new Map(base.equipment.map((e) => [e.serial, e]));
    for (const v of base.visits) {
      const unit = unitOf.get(v.serial)!;
      expect(v.visited_on > unit.installed_on && v.visited_on < TODAY).toBe(true);
      const parts = base.parts.filter((p) => p.visit_id === v.id);
      expect(parts.length).toBeGreaterThan(0);
      for (const p of parts) expect(items.get(p.sku)?.kind).toBe("purchased");
      expect(base.photos.filter((p) => p.visit_id === v.id)).toHaveLength(1);
      expect(base.cards.filter((c) => c.visit_id === v.id)).toHaveLength(1);
      expect(base.replenishment.filter((r) => r.visit_id === v.id).map((r) => r.sku)).toEqual(parts.map((p) => p.sku));
      expect(base.events.filter((e) => e.kind === "visit" && e.data.visitId === v.id)).toHaveLength(1);
    }
    expect(base.events.filter((e) => e.kind === "installed")).toHaveLength(base.equipment.length);
  });

  it("is the same for the same seed and day", () => {
    const again = generateDemoPlant(42, demoClock(TODAY, new Date("2030-01-01T00:00:00Z"))).installedBase;
    expect(again.cards.map((c) => c.code)).toEqual(base.cards.map((c) => c.code));
  });
});
