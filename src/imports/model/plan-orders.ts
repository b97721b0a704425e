// What committing legacy orders would do: which customer each order belongs to (matched by code or
// name variant, or created), which orders are already in the history, and which are new.
import { fromFen, toFen } from "../../core/money.js";
import { customerKey } from "../../customers/model/customer-key.js";
import type { CustomerProposal } from "../../customers/model/propose-customers.js";
import { type CustomerIndex, generatedCustomerCode } from "./customer-names.js";
import type { RowIssue } from "./issues.js";
import type { LegacyOrder } from "./order-rows.js";

export interface CustomerOutcome {
  code: string;
  name: string;
  action: "matched" | "create";
  by?: "code" | "name" | "alias";
  /** The spellings found in the file for this customer. */
  variants: string[];
  orders: number;
  /** For a customer to create: existing customers it may be, for a person to confirm. */
  proposals?: CustomerProposal[];
}

export interface OrderPlan {
  create: (LegacyOrder & { customerCode: string })[];
  existing: string[];
  customers: CustomerOutcome[];
  issues: RowIssue[];
}

/** planOrders over orders given in batches (the server's thread gives others a turn between them). */
export class OrderPlanner {
  private readonly customers = new Map<string, CustomerOutcome>();
  private readonly plan: OrderPlan = { create: [], existing: [], customers: [], issues: [] };

  constructor(
    private readonly index: CustomerIndex,
    private readonly existingOrderNos: Set<string>,
  ) {}

  add(orders: LegacyOrder[]) {
    const { customers, plan, index } = this;
    for (const order of orders) {
      const match = index.match(order.customerName, order.customerCode);
      let outcome: CustomerOutcome;
      if (match.kind === "ambiguous") {
        const detail = match.candidates.map((c) => `${c.code} ${c.name}`).join("、");
        for (const row of order.rows)
          plan.issues.push({ row, field: "customerName", column: "", value: order.customerName, reason: "customer.ambiguous", detail });
        continue;
      }
      if (match.kind === "matched") {
        outcome = customers.get(match.customer.code) ?? {
          code: match.customer.code,
          name: match.customer.name,
          action: "matched",
          by: match.by,
          variants: [],
          orders: 0,
        };
      } else {
        // A code the ledger gives is kept when it fits the master's format; otherwise one is derived from the name.
        const given = order.customerCode?.normalize("NFKC").trim().toUpperCase();
        const code = given && /^[A-Z0-9-]{2,20}$/.test(given) ? given : generatedCustomerCode(customerKey(order.customerName));
        outcome = customers.get(code) ?? {
          code,
          name: order.customerName.normalize("NFKC").trim(),
          action: "create",
          variants: [],
          orders: 0,
          proposals: index.propose(order.customerName),
        };
      }
      customers.set(outcome.code, outcome);
      if (order.customerName && !outcome.variants.includes(order.customerName)) outcome.variants.push(order.customerName);
      outcome.orders++;
      if (this.existingOrderNos.has(order.orderNo)) plan.existing.push(order.orderNo);
      else plan.create.push({ ...order, customerCode: outcome.code });
    }
  }

  result(): OrderPlan {
    return { ...this.plan, customers: [...this.customers.values()] };
  }
}

export function planOrders(orders: LegacyOrder[], index: CustomerIndex, existingOrderNos: Set<string>): OrderPlan {
  const planner = new OrderPlanner(index, existingOrderNos);
  planner.add(orders);
  return planner.result();
}

export function totalAmount(orders: { amount: string }[]): string {
  return fromFen(orders.reduce((sum, o) => sum + toFen(o.amount), 0n));
}
