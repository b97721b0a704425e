// What a rule on a service visit (trigger visit.recorded) sees: the visit, the unit, its customer, the
// event and today. The customer part is the order rules' own (credit headroom before any order).
import type { OrderFacts } from "../../rules/model/facts.js";
import { daysBetween, type FactsCustomer, orderFacts } from "../../rules/model/order-facts.js";

export interface VisitFacts {
  visit: { id: number; partCount: number; totalQty: number; skus: string[]; engineer: string; hasNotes: boolean };
  equipment: {
    serial: string;
    model: string;
    family: string;
    underWarranty: boolean;
    ageDays: number;
    previousVisits: number;
    source: string;
    orderNo: string | null;
  };
  customer: OrderFacts["customer"];
  event: OrderFacts["event"];
  today: string;
}

export interface VisitInput {
  id: number;
  engineer: string;
  notes: string;
  parts: { sku: string; qty: number }[];
}
export interface UnitInput {
  serial: string;
  sku: string;
  family: string;
  installed_on: string;
  warranty_until: string;
  source: string;
  order_no: string | null;
}

export function visitFacts(visit: VisitInput, unit: UnitInput, customer: FactsCustomer, previousVisits: number, today: string): VisitFacts {
  const noOrder = { total_amount: "0", rush: false, tags: [], requested_date: null, nonstandard: false, lines: [], orderNo: "", status: "", source: "" };
  const { customer: customerFacts, event } = orderFacts(noOrder, customer, new Map(), { trigger: "visit.recorded" }, today);
  return {
    visit: {
      id: visit.id,
      partCount: visit.parts.length,
      totalQty: visit.parts.reduce((s, p) => s + p.qty, 0),
      skus: visit.parts.map((p) => p.sku),
      engineer: visit.engineer,
      hasNotes: visit.notes.trim().length > 0,
    },
    equipment: {
      serial: unit.serial,
      model: unit.sku,
      family: unit.family,
      underWarranty: today <= unit.warranty_until,
      ageDays: daysBetween(unit.installed_on, today),
      previousVisits,
      source: unit.source,
      orderNo: unit.order_no,
    },
    customer: customerFacts,
    event,
    today,
  };
}
