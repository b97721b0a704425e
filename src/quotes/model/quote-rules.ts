// What a rule on a quote below its margin floor (trigger quote.below_margin) sees, and what it may do:
// open a task (the sales manager's approval) and tell people. Pure.
import type { OrderFacts } from "../../rules/model/facts.js";
import { type FactsCustomer, orderFacts } from "../../rules/model/order-facts.js";
import type { MatchedRule } from "../../rules/model/plan-actions.js";

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

type LogStatus = "done" | "queued" | "skipped";
export interface QuotePlan {
  tasks: {
    title: string;
    assigneeRole: string | null;
    assigneeUser: string | null;
    mentions: string[];
    dueAt: Date | null;
    ruleId: number;
    ruleVersion: number;
  }[];
  notifications: { toRole: string; level: "info" | "warning" | "critical"; message: string; ruleId: number }[];
  robots: { webhook: string; channels: string[]; message: string; level: string; logIndex: number }[];
  log: { ruleId: number; ruleVersion: number; actionIndex: number; type: string; status: LogStatus; detail: Record<string, unknown> }[];
}

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
      const log = (status: LogStatus, detail: Record<string, unknown>) => {
        plan.log.push({ ruleId: rule.id, ruleVersion: rule.version, actionIndex, type: action.type, status, detail });
        return plan.log.length - 1;
      };
      switch (action.type) {
        case "create_task": {
          const title = fillQuoteTemplate(action.title, facts);
          plan.tasks.push({
            title,
            assigneeRole: action.assignRole ?? null,
            assigneeUser: action.assignUser ?? null,
            mentions: action.mentions ?? [],
            dueAt: action.dueInHours === undefined ? null : new Date(now.getTime() + action.dueInHours * 3_600_000),
            ruleId: rule.id,
            ruleVersion: rule.version,
          });
          log("done", { title, assignee: action.assignUser ?? action.assignRole });
          break;
        }
        case "notify": {
          const message = fillQuoteTemplate(action.message, facts);
          if (action.channels.includes("inapp") && action.toRole)
            plan.notifications.push({ toRole: action.toRole, level: action.level, message, ruleId: rule.id });
          const robots = action.channels.filter((c) => c !== "inapp");
          if (robots.length && action.webhook) {
            const logIndex = log("queued", { channels: action.channels, message });
            plan.robots.push({ webhook: action.webhook, channels: robots, message, level: action.level, logIndex });
          } else log("done", { channels: action.channels, message });
          break;
        }
        default:
          // Refused on save (trigger-scope.ts); a rule stored before that check is logged, not run.
          log("skipped", { why: "not_a_quote_action" });
      }
    });
  }
  return plan;
}
