// Turns the rules that matched a service visit into a plan: the warranty card, the replenishment
// request, the lifecycle entry and notifications, each with its action's log entry. Pure (the card's
// code comes from the caller), so the dry-run shows exactly what a visit would do.
import type { MatchedRule } from "../../rules/model/plan-actions.js";
import type { VisitFacts } from "./visit-facts.js";

type LogStatus = "done" | "queued" | "skipped";
export interface VisitPlan {
  card: { code: string; notifyRole: string; logIndex: number } | null;
  replenishment: { toRole: string; logIndex: number } | null;
  lifecycle: { logIndex: number } | null;
  notifications: { toRole: string; level: "info" | "warning" | "critical"; message: string; ruleId: number }[];
  robots: { webhook: string; channels: string[]; message: string; level: string; logIndex: number }[];
  log: { ruleId: number; ruleVersion: number; actionIndex: number; type: string; status: LogStatus; detail: Record<string, unknown> }[];
}

/** {serial}, {model}, {customer}, {visitId}, {engineer} in a visit rule's messages. */
export function fillVisitTemplate(text: string, facts: VisitFacts): string {
  const values: Record<string, string> = {
    serial: facts.equipment.serial,
    model: facts.equipment.model,
    customer: facts.customer.code,
    visitId: String(facts.visit.id),
    engineer: facts.visit.engineer,
  };
  return text.replace(/\{(\w+)\}/g, (all, name: string) => values[name] ?? all);
}

/** Rules run in priority order; one card, one replenishment and one lifecycle entry per visit however many rules ask. */
export function planVisitEffects(matched: MatchedRule[], facts: VisitFacts, newCode: () => string): VisitPlan {
  const plan: VisitPlan = { card: null, replenishment: null, lifecycle: null, notifications: [], robots: [], log: [] };
  for (const rule of matched) {
    rule.actions.forEach((action, actionIndex) => {
      const log = (status: LogStatus, detail: Record<string, unknown>) => {
        plan.log.push({ ruleId: rule.id, ruleVersion: rule.version, actionIndex, type: action.type, status, detail });
        return plan.log.length - 1;
      };
      switch (action.type) {
        case "issue_warranty_card":
          if (plan.card) log("done", { alreadyPlanned: true, code: plan.card.code });
          else {
            const code = newCode();
            plan.card = { code, notifyRole: action.notifyRole, logIndex: log("queued", { code, notifyRole: action.notifyRole }) };
          }
          break;
        case "request_replenishment":
          if (plan.replenishment) log("done", { alreadyPlanned: true });
          else plan.replenishment = { toRole: action.toRole, logIndex: log("done", { toRole: action.toRole, skus: facts.visit.skus }) };
          break;
        case "add_lifecycle_entry":
          if (plan.lifecycle) log("done", { alreadyPlanned: true });
          else plan.lifecycle = { logIndex: log("done", { serial: facts.equipment.serial }) };
          break;
        case "notify":
          planNotice(plan, rule.id, action, fillVisitTemplate(action.message, facts), log);
          break;
        default:
          // Refused on save (trigger-scope.ts); a rule stored before that check is logged, not run.
          log("skipped", { why: "not_a_visit_action" });
      }
    });
  }
  return plan;
}

type Notify = Extract<MatchedRule["actions"][number], { type: "notify" }>;

/** In-app notices are rows written with the visit; robot channels go through the outbox (queued). */
function planNotice(plan: VisitPlan, ruleId: number, action: Notify, message: string, log: (status: LogStatus, detail: Record<string, unknown>) => number) {
  const robots = action.channels.filter((c) => c !== "inapp");
  const toRole = action.channels.length > robots.length ? action.toRole : undefined;
  if (toRole) plan.notifications.push({ toRole, level: action.level, message, ruleId });
  const webhook = robots.length ? action.webhook : undefined;
  if (!webhook) {
    log("done", { channels: action.channels, message });
    return;
  }
  const logIndex = log("queued", { channels: action.channels, message });
  plan.robots.push({ webhook, channels: robots, message, level: action.level, logIndex });
}
