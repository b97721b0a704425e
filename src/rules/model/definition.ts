// A rule as the business writes it: trigger, condition (JSONLogic), priority, ordered actions.
import { z } from "zod";
import { ORDER_STATUSES } from "../../orders/model/lifecycle.js";
import { ruleAction } from "./actions.js";
import { TRIGGERS } from "./facts.js";
import { actionFitsTrigger } from "./trigger-scope.js";

export const ruleTrigger = z.strictObject({
  event: z.enum(TRIGGERS),
  /** order.changed: only when one of these fields changed. */
  fields: z.array(z.string().min(1).max(40)).max(20).optional(),
  /** order.transition: only for these target statuses. */
  to: z.array(z.enum(ORDER_STATUSES)).max(10).optional(),
  /** schedule: time of day in plant time, HH:MM. */
  at: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "HH:MM")
    .optional(),
});

export const ruleDefinition = z
  .strictObject({
    name: z.string().trim().min(1).max(100),
    description: z.string().max(1000).default(""),
    trigger: ruleTrigger,
    // A JSONLogic object, or true / false: null (or a bare number or text) would quietly never match.
    condition: z
      .unknown()
      .refine((c) => typeof c === "boolean" || (typeof c === "object" && c !== null && !Array.isArray(c)), "a JSONLogic condition (true for always)"),
    priority: z.number().int().min(0).max(1000).default(100),
    enabled: z.boolean().default(true),
    actions: z.array(ruleAction).min(1).max(10),
  })
  .superRefine((rule, ctx) => {
    rule.actions.forEach((action, i) => {
      if (action.type === "create_task" && !action.assignRole && !action.assignUser) {
        ctx.addIssue({ code: "custom", path: ["actions", i, "assignRole"], message: "a task needs assignRole or assignUser" });
      }
      if (action.type === "notify" && action.channels.some((c) => c !== "inapp") && !action.webhook) {
        ctx.addIssue({ code: "custom", path: ["actions", i, "webhook"], message: "robot channels need the name of a configured webhook" });
      }
      if (action.type === "notify" && action.channels.includes("inapp") && !action.toRole) {
        ctx.addIssue({ code: "custom", path: ["actions", i, "toRole"], message: "an in-app notification needs toRole" });
      }
      const misfit = actionFitsTrigger(action.type, rule.trigger.event);
      if (misfit) ctx.addIssue({ code: "custom", path: ["actions", i, "type"], message: misfit });
      if (action.type === "block_transition" && action.untilTaskDone && !rule.actions.some((a) => a.type === "create_task")) {
        ctx.addIssue({ code: "custom", path: ["actions", i, "untilTaskDone"], message: "untilTaskDone needs a create_task action in the same rule" });
      }
    });
    if (rule.trigger.event === "schedule" && !rule.trigger.at) {
      ctx.addIssue({ code: "custom", path: ["trigger", "at"], message: "a scheduled rule needs a time of day" });
    }
  });
export type RuleDefinition = z.infer<typeof ruleDefinition>;
export type RuleDefinitionInput = z.input<typeof ruleDefinition>;

/** A rule ready to run: its definition at one version, with the condition compiled. */
export interface ActiveRule {
  id: number;
  version: number;
  definition: RuleDefinition;
  test: (facts: import("./facts.js").OrderFacts) => boolean;
}

/** Does this rule listen to this event? */
export function listensTo(rule: RuleDefinition, trigger: string, detail: { changedFields?: string[]; to?: string | null } = {}): boolean {
  if (rule.trigger.event !== trigger) return false;
  if (rule.trigger.fields?.length && !(detail.changedFields ?? []).some((f) => rule.trigger.fields?.includes(f))) return false;
  if (rule.trigger.to?.length && !rule.trigger.to.includes((detail.to ?? "") as never)) return false;
  return true;
}
