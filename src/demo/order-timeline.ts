// Pure generator of one order's history: the events that took it from creation to where it is now,
// along the state machine of lifecycle.ts, with realistic dwell times at each stage.

import { plantDay } from "../core/plant-day.js";
import type { OrderStatus } from "../orders/model/lifecycle.js";
import { addDays, addHours, HOUR_MS, plantInstant } from "./dates.js";
import type { Rng } from "./random.js";

export interface TimelineInput {
  createdAt: Date;
  promised: string;
  rush: boolean;
  creator: string;
  /** The customer is over its credit limit now: its recent orders are held by finance. */
  creditBlocked: boolean;
  now: Date;
}

export interface PlannedEvent {
  at: Date;
  actor: string;
  from: OrderStatus | null;
  to: OrderStatus;
  reason: string | null;
}

type Stage = "draft" | "confirmed" | "scheduled" | "in_production" | "ready";

const HOLD_REASONS: Record<Stage, [reason: string, actor: string][]> = {
  draft: [
    ["等待工程评审", "sales"],
    ["等待客户确认技术参数", "service"],
    ["超信用额度", "finance"],
  ],
  confirmed: [
    ["等待工程评审", "sales"],
    ["超信用额度", "finance"],
    ["客户变更交货地址待确认", "service"],
  ],
  scheduled: [
    ["关键物料短缺", "planner"],
    ["客户要求暂停", "service"],
  ],
  in_production: [
    ["关键物料短缺", "planner"],
    ["工艺问题待工程确认", "planner"],
  ],
  ready: [
    ["客户要求暂停发货", "service"],
    ["超信用额度，款到发货", "finance"],
  ],
};
const CANCEL_REASONS = ["客户取消订单", "客户改型重新下单", "交期无法满足，客户取消", "重复下单"];

/** Moves an instant outside the working day (08:00–20:00 plant time) to the next morning. */
function duringWork(rng: Rng, at: Date): Date {
  const day = plantDay(at);
  const hour = (at.getTime() - plantInstant(day, 0).getTime()) / HOUR_MS;
  if (hour >= 8 && hour < 20) return at;
  return plantInstant(hour < 8 ? day : addDays(day, 1), 8 + rng.float(0, 2));
}

export function planTimeline(rng: Rng, input: TimelineInput): PlannedEvent[] {
  const { createdAt, rush, creator } = input;
  const events: PlannedEvent[] = [{ at: createdAt, actor: creator, from: null, to: "draft", reason: null }];

  // A few enquiries stay drafts: the customer never confirms and the draft is cancelled later.
  if (rng.chance(0.025)) {
    events.push({ at: addHours(createdAt, 24 * rng.float(3, 12)), actor: creator, from: "draft", to: "cancelled", reason: "客户未确认，取消询价" });
    return finish(rng, events, input.now);
  }

  const t1 = addHours(createdAt, rush ? rng.float(0.1, 1) : rng.float(0.2, 2));
  const t2 = addHours(t1, rush ? rng.float(1, 6) : rng.float(1, 30));
  const onTime = rng.chance(0.85);
  const deliveredDay = onTime ? addDays(input.promised, -rng.int(0, rush ? 0 : 3)) : addDays(input.promised, rng.int(1, 7));
  let t6 = plantInstant(deliveredDay, rng.float(9, 17));
  const minSpan = rush ? 30 : 48;
  if ((t6.getTime() - t2.getTime()) / HOUR_MS < minSpan) t6 = addHours(t2, minSpan + rng.float(0, 12));
  const span = (t6.getTime() - t2.getTime()) / HOUR_MS;
  const t3 = addHours(t2, span * rng.float(0.05, 0.25));
  const t5 = addHours(t6, -Math.min(rng.float(rush ? 4 : 12, rush ? 20 : 72), span * 0.25));
  const t4 = addHours(t5, -Math.min(rng.float(2, 30), span * 0.15));
  const t7 = addHours(t6, 24 * rng.float(2, 25));
  const main: [OrderStatus, Date, string][] = [
    ["confirmed", t1, creator],
    ["scheduled", t2, "planner"],
    ["in_production", t3, "planner"],
    ["ready", t4, rng.pick(["planner", "warehouse"])],
    ["shipped", t5, "warehouse"],
    ["delivered", t6, rng.pick(["warehouse", "service"])],
    ["closed", t7, rng.pick(["finance", "sales"])],
  ];
  let from: OrderStatus = "draft";
  for (const [to, at, actor] of main) {
    events.push({ at: to === "delivered" ? at : duringWork(rng, at), actor, from, to, reason: null });
    from = to;
  }

  if (input.creditBlocked && rng.chance(0.9)) {
    hold(rng, events, "draft", ["超信用额度", "finance"], 24 * rng.float(1, 15));
  } else if (rng.chance(0.05)) {
    const stage = rng.weighted<Stage>(["draft", "confirmed", "scheduled", "in_production", "ready"], [4, 3, 1, 1, 0.5]);
    hold(rng, events, stage, rng.pick(HOLD_REASONS[stage]), 24 * rng.float(0.2, 8));
  } else if (rng.chance(0.03)) {
    const stage = rng.weighted<Stage>(["draft", "confirmed", "scheduled", "in_production"], [3, 3, 2, 0.5]);
    const i = events.findIndex((e) => e.to === stage);
    const at = between(rng, events[i].at, events[i + 1].at);
    const actor = stage === "in_production" ? "planner" : creator;
    events.splice(i + 1, events.length, { at, actor, from: stage, to: "cancelled", reason: rng.pick(CANCEL_REASONS) });
  } else if (rng.chance(0.04)) {
    // A supplier delay sends a scheduled order back to planning, which re-schedules it.
    const i = events.findIndex((e) => e.to === "scheduled");
    const at = between(rng, events[i].at, events[i + 1].at);
    const back = addHours(at, rng.float(2, 24));
    shift(events, i + 1, back.getTime() - at.getTime() + HOUR_MS);
    events.splice(
      i + 1,
      0,
      { at, actor: "planner", from: "scheduled", to: "confirmed", reason: "物料延期，重新排产" },
      { at: back, actor: "planner", from: "confirmed", to: "scheduled", reason: null },
    );
  }
  return finish(rng, events, input.now);
}

function between(rng: Rng, a: Date, b: Date): Date {
  return new Date(a.getTime() + (b.getTime() - a.getTime()) * rng.float(0.1, 0.9));
}

function shift(events: PlannedEvent[], from: number, ms: number) {
  for (let i = from; i < events.length; i++) events[i] = { ...events[i], at: new Date(events[i].at.getTime() + ms) };
}

/** Puts the order on hold during `stage`; after `holdHours` it is released (or, sometimes, cancelled). */
function hold(rng: Rng, events: PlannedEvent[], stage: Stage, [reason, actor]: [string, string], holdHours: number) {
  const i = events.findIndex((e) => e.to === stage);
  const at = between(rng, events[i].at, events[i + 1].at);
  const end = addHours(at, holdHours);
  if (rng.chance(0.15) && stage !== "in_production" && stage !== "ready") {
    events.splice(
      i + 1,
      events.length,
      { at, actor, from: stage, to: "on_hold", reason },
      { at: end, actor: "sales", from: "on_hold", to: "cancelled", reason: "暂停期满，客户取消订单" },
    );
    return;
  }
  shift(events, i + 1, end.getTime() - at.getTime());
  events.splice(i + 1, 0, { at, actor, from: stage, to: "on_hold", reason }, { at: end, actor, from: "on_hold", to: stage, reason: null });
}

/** Keeps the events strictly ordered in time and drops the ones that have not happened yet. */
function finish(rng: Rng, events: PlannedEvent[], now: Date): PlannedEvent[] {
  const out: PlannedEvent[] = [];
  for (const e of events) {
    const prev = out[out.length - 1];
    const at = prev && e.at.getTime() <= prev.at.getTime() ? new Date(prev.at.getTime() + rng.int(60_000, 600_000)) : e.at;
    if (at.getTime() > now.getTime()) break;
    out.push({ ...e, at });
  }
  return out;
}
