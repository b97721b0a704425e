// The typed catalogue of what a rule may do. Anything else is refused when the rule is saved.
import { z } from "zod";
import { ROLES } from "../../core/auth/roles.js";
import { ORDER_STATUSES } from "../../orders/model/lifecycle.js";

const role = z.enum(ROLES.filter((r) => r !== "integration") as [string, ...string[]]);
const text = (max: number) => z.string().trim().min(1).max(max);

export const NOTIFY_CHANNELS = ["inapp", "wecom", "dingtalk", "feishu"] as const;
export const PIN_COLOURS = ["red", "orange", "yellow", "green", "blue"] as const;
export const BOARDS = ["production", "purchasing", "sales", "warehouse", "service"] as const;
/** Order fields a rule may set: none of them moves status or money. */
export const SETTABLE_FIELDS = ["note", "rush", "priority"] as const;

export const createTaskAction = z.strictObject({
  type: z.literal("create_task"),
  title: text(200).describe("may use {orderNo}, {customer}, {amount}"),
  assignRole: role.optional(),
  assignUser: z.string().min(2).max(40).optional(),
  mentions: z.array(z.string().min(2).max(40)).max(10).optional(),
  dueInHours: z
    .number()
    .min(0)
    .max(24 * 90)
    .optional(),
});
export const notifyAction = z.strictObject({
  type: z.literal("notify"),
  channels: z.array(z.enum(NOTIFY_CHANNELS)).min(1),
  message: text(1000),
  toRole: role.optional(),
  /** Name of a configured robot webhook (per channel); required for wecom/dingtalk/feishu. */
  webhook: z.string().min(1).max(60).optional(),
  level: z.enum(["info", "warning", "critical"]).default("info"),
});
export const softReserveAction = z.strictObject({
  type: z.literal("soft_reserve"),
  expiresInHours: z
    .number()
    .min(1)
    .max(24 * 30),
});
export const creditCheckAction = z.strictObject({
  type: z.literal("credit_check"),
  provider: z.string().min(1).max(60).default("default"),
});
export const holdAction = z.strictObject({
  type: z.literal("hold"),
  reason: text(300),
  /** Who may release the hold; the release is a logged transition. */
  releasableBy: z.array(role).min(1).optional(),
});
export const blockTransitionAction = z.strictObject({
  type: z.literal("block_transition"),
  to: z.enum(ORDER_STATUSES),
  reason: text(300),
  /** The block lifts when the task created by the same rule run is done. */
  untilTaskDone: z.boolean().default(false),
});
export const setFieldAction = z.strictObject({
  type: z.literal("set_field"),
  field: z.enum(SETTABLE_FIELDS),
  value: z.union([z.string().max(2000), z.number(), z.boolean()]),
});
export const addTagAction = z.strictObject({ type: z.literal("add_tag"), tag: text(30) });
export const pinAction = z.strictObject({
  type: z.literal("pin"),
  board: z.enum(BOARDS),
  colour: z.enum(PIN_COLOURS),
});
/** A customer status link for the order, handed to a role in-app (and a robot) to pass to the customer's contact. */
export const sendStatusLinkAction = z.strictObject({
  type: z.literal("send_status_link"),
  expiresInDays: z.number().int().min(1).max(365).default(30),
  toRole: role.default("service"),
  webhook: z.string().min(1).max(60).optional(),
});

/** Service visits (trigger visit.recorded): the customer's warranty card, its PDF rendered by the outbox, the role told. */
export const issueWarrantyCardAction = z.strictObject({
  type: z.literal("issue_warranty_card"),
  notifyRole: role.default("service"),
});
/** Service visits: ask a role (the warehouse) to replenish the parts the visit used. */
export const requestReplenishmentAction = z.strictObject({
  type: z.literal("request_replenishment"),
  toRole: role.default("warehouse"),
});
/** Service visits: the visit's entry in the equipment's lifecycle timeline. */
export const addLifecycleEntryAction = z.strictObject({ type: z.literal("add_lifecycle_entry") });
/** The actions that only make sense on a service visit; a visit rule may also notify. */
export const VISIT_ACTIONS = ["issue_warranty_card", "request_replenishment", "add_lifecycle_entry"] as const;

export const ruleAction = z.discriminatedUnion("type", [
  createTaskAction,
  notifyAction,
  softReserveAction,
  creditCheckAction,
  holdAction,
  blockTransitionAction,
  setFieldAction,
  addTagAction,
  pinAction,
  sendStatusLinkAction,
  issueWarrantyCardAction,
  requestReplenishmentAction,
  addLifecycleEntryAction,
]);
export type RuleAction = z.infer<typeof ruleAction>;
export type ActionType = RuleAction["type"];
