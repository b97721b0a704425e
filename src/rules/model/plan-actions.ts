// Turns the rules that matched an order into a plan: what changes on the order, and which rows
// (tasks, notifications, blocks, outbox messages, reservations, pins) to write with it.
// Pure, so single and bulk intake share it and dry-runs show exactly what would happen.
import { PIN_COLOURS, type RuleAction } from "./actions.js";
import type { OrderFacts } from "./facts.js";

export interface MatchedRule {
  id: number;
  version: number;
  name: string;
  actions: RuleAction[];
}

export interface PlannedHold {
  reason: string;
  releasableBy: string[];
  ruleId: number;
  ruleVersion: number;
  /** The hold waits for this credit provider's answer. */
  creditProvider?: string;
  logIndex: number;
}

export interface ActionPlan {
  holds: PlannedHold[];
  blocks: { to: string; reason: string; ruleId: number; ruleVersion: number; taskIndex: number | null }[];
  tags: string[];
  fields: { note?: string; rush?: boolean; priority?: number };
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
  robots: { webhook: string; channels: string[]; message: string; level: string; mentions: string[]; logIndex: number }[];
  reserve: { expiresAt: Date; ruleId: number; logIndex: number } | null;
  pins: { board: string; colour: string; ruleId: number }[];
  statusLinks: { expiresAt: Date; toRole: string; webhook: string | null; logIndex: number }[];
  log: { ruleId: number; ruleVersion: number; actionIndex: number; type: string; status: "done" | "queued" | "skipped"; detail: Record<string, unknown> }[];
}

export function fillTemplate(text: string, facts: OrderFacts): string {
  const values: Record<string, string> = {
    orderNo: facts.order.orderNo,
    customer: facts.customer.code,
    amount: facts.order.amount.toFixed(2),
    requestedDate: facts.order.requestedDate ?? "",
    grade: facts.customer.grade,
  };
  return text.replace(/\{(\w+)\}/g, (all, name: string) => values[name] ?? all);
}

export function emptyPlan(): ActionPlan {
  return { holds: [], blocks: [], tags: [], fields: {}, tasks: [], notifications: [], robots: [], reserve: null, pins: [], statusLinks: [], log: [] };
}

/**
 * The actions a rule on any subject (an order, a quote) may take: open a task, tell people in the app and
 * through robots. Answers false for any other action.
 */
export function planTaskOrNotice(
  plan: Pick<ActionPlan, "tasks" | "notifications" | "robots">,
  rule: MatchedRule,
  action: RuleAction,
  fill: (text: string) => string,
  now: Date,
  log: (status: "done" | "queued", detail: Record<string, unknown>) => number,
): boolean {
  switch (action.type) {
    case "create_task": {
      const title = fill(action.title);
      plan.tasks.push({
        title,
        assigneeRole: action.assignRole ?? null,
        assigneeUser: action.assignUser ?? null,
        mentions: action.mentions ?? [],
        dueAt: action.dueInHours === undefined ? null : new Date(now.getTime() + action.dueInHours * 3600_000),
        ruleId: rule.id,
        ruleVersion: rule.version,
      });
      log("done", { title, assignee: action.assignUser ?? action.assignRole });
      return true;
    }
    case "notify": {
      const message = fill(action.message);
      if (action.channels.includes("inapp") && action.toRole) plan.notifications.push({ toRole: action.toRole, level: action.level, message, ruleId: rule.id });
      const robots = action.channels.filter((c) => c !== "inapp");
      if (robots.length && action.webhook) {
        const index = log("queued", { channels: action.channels, message });
        plan.robots.push({ webhook: action.webhook, channels: robots, message, level: action.level, mentions: [], logIndex: index });
      } else log("done", { channels: action.channels, message });
      return true;
    }
    default:
      return false;
  }
}

/** Rules run in priority order; within a rule, actions run in the order written. */
export function planActions(matched: MatchedRule[], facts: OrderFacts, now: Date): ActionPlan {
  const plan = emptyPlan();
  for (const rule of matched) {
    let taskOfRule: number | null = null;
    rule.actions.forEach((action, actionIndex) => {
      const log = (status: "done" | "queued", detail: Record<string, unknown>) => {
        plan.log.push({ ruleId: rule.id, ruleVersion: rule.version, actionIndex, type: action.type, status, detail });
        return plan.log.length - 1;
      };
      switch (action.type) {
        case "create_task":
        case "notify":
          planTaskOrNotice(plan, rule, action, (text) => fillTemplate(text, facts), now, log);
          if (action.type === "create_task") taskOfRule = plan.tasks.length - 1;
          break;
        case "soft_reserve":
          if (!plan.reserve) {
            const index = log("done", { expiresInHours: action.expiresInHours });
            plan.reserve = { expiresAt: new Date(now.getTime() + action.expiresInHours * 3600_000), ruleId: rule.id, logIndex: index };
          } else log("done", { alreadyPlanned: true });
          break;
        case "credit_check": {
          const index = log("queued", { provider: action.provider });
          plan.holds.push({
            reason: "等待外部信用审核",
            releasableBy: ["finance"],
            ruleId: rule.id,
            ruleVersion: rule.version,
            creditProvider: action.provider,
            logIndex: index,
          });
          break;
        }
        case "hold": {
          const index = log("done", { reason: action.reason });
          plan.holds.push({ reason: action.reason, releasableBy: action.releasableBy ?? [], ruleId: rule.id, ruleVersion: rule.version, logIndex: index });
          break;
        }
        case "block_transition":
          plan.blocks.push({
            to: action.to,
            reason: action.reason,
            ruleId: rule.id,
            ruleVersion: rule.version,
            taskIndex: action.untilTaskDone ? taskOfRule : null,
          });
          log("done", { to: action.to, reason: action.reason });
          break;
        case "set_field":
          (plan.fields as Record<string, unknown>)[action.field] = action.value;
          log("done", { field: action.field, value: action.value });
          break;
        case "add_tag":
          if (!plan.tags.includes(action.tag)) plan.tags.push(action.tag);
          log("done", { tag: action.tag });
          break;
        case "pin": {
          // One pin per board: when two rules pin the same board, the more urgent colour stays.
          const existing = plan.pins.find((p) => p.board === action.board);
          if (!existing) plan.pins.push({ board: action.board, colour: action.colour, ruleId: rule.id });
          else if (PIN_COLOURS.indexOf(action.colour) < PIN_COLOURS.indexOf(existing.colour as (typeof PIN_COLOURS)[number])) {
            Object.assign(existing, { colour: action.colour, ruleId: rule.id });
          }
          log("done", { board: action.board, colour: action.colour });
          break;
        }
        case "send_status_link": {
          const index = log("queued", { expiresInDays: action.expiresInDays, toRole: action.toRole, webhook: action.webhook ?? null });
          plan.statusLinks.push({
            expiresAt: new Date(now.getTime() + action.expiresInDays * 86_400_000),
            toRole: action.toRole,
            webhook: action.webhook ?? null,
            logIndex: index,
          });
          break;
        }
      }
    });
  }
  return plan;
}
