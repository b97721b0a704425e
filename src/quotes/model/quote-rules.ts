// What a rule on a quote below its margin floor (trigger quote.below_margin) sees, and what it may do:
// open a task (the sales manager's approval) and tell people. Pure.
import type { OrderFacts } from "../../rules/model/facts.js";
import { type FactsCustomer, orderFacts } from "../../rules/model/order-facts.js";
import { type ActionPlan, type MatchedRule, planTaskOrNotice } from "../../rules/model/plan-actions.js";

export interface QuoteFacts {
  quote: { quoteNo: string; version: number; amount: number; marginPct: number; floorPct: number; shortfallPct: number; author: string };
  customer: OrderFacts["customer"];
  event: OrderFacts["event"];
  today: string;
}

export function quoteFacts(
  version: { quoteNo: string; version: number; priceTotal: string; marginPct: number; floorPct: number; author: string },
  customer: FactsCustomer,
  today: string,
): QuoteFacts {
  const noOrder = { total_amount: "0", rush: false, tags: [], requested_date: null, nonstandard: false, lines: [], orderNo: "", status: "", source: "" };
  const { customer: customerFacts, event } = orderFacts(noOrder, customer, new Map(), { trigger: "quote.below_margin" }, today);
  return {
    quote: {
      quoteNo: version.quoteNo,
      version: version.version,
      amount: Number(version.priceTotal),
      marginPct: version.marginPct,
      floorPct: version.floorPct,
      shortfallPct: Math.round((version.floorPct - version.marginPct) * 100) / 100,
      author: version.author,
    },
    customer: customerFacts,
    event,
    today,
  };
}

/** What a quote rule does: tasks and notices only (trigger-scope.ts refuses other actions on save). */
export type QuotePlan = Pick<ActionPlan, "tasks" | "notifications" | "robots" | "log">;

/** {quoteNo}, {version}, {customer}, {amount}, {marginPct}, {floorPct}, {author} in a quote rule's texts. */
export function fillQuoteTemplate(text: string, facts: QuoteFacts): string {
  const values: Record<string, string> = {
    quoteNo: facts.quote.quoteNo,
    version: `V${facts.quote.version}`,
    customer: facts.customer.code,
    amount: facts.quote.amount.toFixed(2),
    marginPct: facts.quote.marginPct.toFixed(1),
    floorPct: facts.quote.floorPct.toFixed(1),
    author: facts.quote.author,
  };
  return text.replace(/\{(\w+)\}/g, (all, name: string) => values[name] ?? all);
}

export function planQuoteEffects(matched: MatchedRule[], facts: QuoteFacts, now: Date): QuotePlan {
  const plan: QuotePlan = { tasks: [], notifications: [], robots: [], log: [] };
  for (const rule of matched) {
    rule.actions.forEach((action, actionIndex) => {
      const log = (status: QuotePlan["log"][number]["status"], detail: Record<string, unknown>) => {
        plan.log.push({ ruleId: rule.id, ruleVersion: rule.version, actionIndex, type: action.type, status, detail });
        return plan.log.length - 1;
      };
      // A rule stored before trigger-scope.ts refused other actions is logged, not run.
      if (!planTaskOrNotice(plan, rule, action, (text) => fillQuoteTemplate(text, facts), now, log)) log("skipped", { why: "not_a_quote_action" });
    });
  }
  return plan;
}
