// Pure generator of the order book: a year of orders (most in the last 120 days) with their lines and full event histories,
// numbered per plant day as the live app numbers them.
import { sumMoney } from "../core/money.js";
import { plantDay } from "../core/plant-day.js";
import { effectiveVersion } from "../engineering/model.js";
import { STAGE_OWNER } from "../orders/model/lifecycle.js";
import { formatOrderNo } from "../orders/model/numbering.js";
import { addDays, daysBetween, plantInstant, weekday } from "./dates.js";
import type { Engineering } from "./engineering.js";
import type { ItemMaster } from "./items.js";
import { drawLines } from "./order-lines.js";
import { planTimeline } from "./order-timeline.js";
import type { Rng } from "./random.js";
import type { CustomerRow, OrderEventRow, OrderLineRow, OrderRow, VersionRow } from "./rows.js";

export interface OrderBook {
  orders: OrderRow[];
  lines: OrderLineRow[];
  events: OrderEventRow[];
  sequences: { day: string; last_seq: number }[];
}

export interface OrderBookInput {
  customers: CustomerRow[];
  master: ItemMaster;
  engineering: Engineering;
  now: Date;
  count?: number;
  days?: number;
}

const GRADE_WEIGHT = { A: 3, B: 2, C: 1, D: 0.6 } as const;
const NOTES = ["请提前电话通知收货", "随货附出厂检验报告", "外箱贴客户物料编码", "可分批发货", "发票与货物同行", "项目备件，单独包装"];
// Rush is never offered to grade D, so the other grades take a larger share to make ~30% overall.
const RUSH_SHARE = 0.3 / 0.85;
const CREDIT_HOLD_DAYS = 30;
// Slightly above the 75% target: orders of spare parts alone have no parameters to depart from.
const NONSTANDARD_SHARE = 0.78;

function bySku(versions: VersionRow[]): Map<string, VersionRow[]> {
  const map = new Map<string, VersionRow[]>();
  for (const v of versions) map.set(v.sku, [...(map.get(v.sku) ?? []), v]);
  return map;
}

export function generateOrders(rng: Rng, input: OrderBookInput): OrderBook {
  const { customers, master, engineering, now } = input;
  const count = input.count ?? 5000;
  const today = plantDay(now);
  // A year of history, so that last February's example (DH20260218001) exists, with the last 120
  // days three times as busy so today's boards have a full open book.
  const days = Array.from({ length: input.days ?? 365 }, (_, i) => addDays(today, -i));
  const dayWeights = days.map((d, age) => [0.1, 1, 1, 1, 1, 1, 0.35][weekday(d)] * (age < 120 ? 3 : 1));
  const latest = now.getTime() - 5 * 60_000;

  const created: Date[] = [];
  while (created.length < count) {
    const at = plantInstant(rng.weighted(days, dayWeights), rng.float(8, 20));
    if (at.getTime() <= latest) created.push(at);
  }
  created.sort((a, b) => a.getTime() - b.getTime());

  const customerWeights = customers.map((c) => GRADE_WEIGHT[c.grade]);
  const blocked = new Set(customers.filter((c) => Number(c.open_receivables) > Number(c.credit_limit)).map((c) => c.code));
  const pools = {
    finished: master.finished,
    spares: [
      ...master.subassemblies.filter((i) => /^SA-(CORE|PCBA|DISP|CBL)/.test(i.sku)),
      ...master.purchased.filter((i) => /^(ORG|CON|LCD|DIA)-/.test(i.sku)),
    ],
  };
  const bomsBySku = bySku(engineering.bomVersions);
  const routingsBySku = bySku(engineering.routingVersions);

  const book: OrderBook = { orders: [], lines: [], events: [], sequences: [] };
  const lastSeq = new Map<string, number>();
  for (const createdAt of created) {
    const day = plantDay(createdAt);
    const seq = (lastSeq.get(day) ?? 0) + 1;
    lastSeq.set(day, seq);
    const orderNo = formatOrderNo(day, seq);
    const customer = rng.weighted(customers, customerWeights);
    const rush = customer.grade !== "D" && rng.chance(RUSH_SHARE);
    const creator = rng.chance(0.7) ? "sales" : "service";
    const drafts = drawLines(rng, pools, rng.chance(NONSTANDARD_SHARE));
    const requested = addDays(day, rush ? 3 : rng.weighted([rng.int(3, 7), rng.int(8, 30), rng.int(31, 45)], [25, 55, 20]));
    const promised = rng.chance(rush ? 0.85 : 0.75) ? requested : addDays(requested, rush ? rng.int(1, 2) : rng.int(1, 10));
    const history = planTimeline(rng, {
      createdAt,
      promised,
      rush,
      creator,
      creditBlocked: blocked.has(customer.code) && daysBetween(day, today) < CREDIT_HOLD_DAYS,
      now,
    });

    const last = history[history.length - 1];
    const status = last.to;
    const confirmedAt = history.find((e) => e.to === "confirmed")?.at;
    const pinDay = confirmedAt ? plantDay(confirmedAt) : undefined;
    const lines: OrderLineRow[] = drafts.map((l) => ({
      ...l,
      order_no: orderNo,
      bom_version_id: pinDay ? (effectiveVersion(bomsBySku.get(l.sku) ?? [], pinDay)?.id ?? null) : null,
      routing_version_id: pinDay ? (effectiveVersion(routingsBySku.get(l.sku) ?? [], pinDay)?.id ?? null) : null,
    }));
    const total = sumMoney(lines.map((l) => l.amount));
    const onHold = status === "on_hold";
    const delivered = history.find((e) => e.to === "delivered");
    const tags = rush ? ["T+3"] : [];
    if (rng.chance(0.03)) tags.push("出口");

    book.orders.push({
      order_no: orderNo,
      customer_code: customer.code,
      status,
      held_from: onHold ? last.from : null,
      hold_reason: onHold ? last.reason : null,
      rush,
      tags,
      requested_date: requested,
      promised_date: confirmedAt ? promised : null,
      delivered_at: status === "delivered" || status === "closed" ? (delivered?.at ?? null) : null,
      total_amount: total,
      nonstandard: lines.some((l) => l.nonstandard),
      // As transition-order.ts does: a held order is owned by whoever held it.
      owner_role: onHold ? last.actor : STAGE_OWNER[status],
      owner_user: onHold ? last.actor : status === "draft" ? creator : null,
      note: rng.chance(0.15) ? rng.pick(NOTES) : "",
      source: "demo",
      version: history.length,
      created_by: creator,
      created_at: createdAt,
      updated_at: last.at,
    });
    book.lines.push(...lines);
    for (const e of history) {
      const data: Record<string, unknown> =
        e.from === null
          ? { source: "demo", lines: lines.length, amount: total }
          : e.to === "confirmed" && e.at === confirmedAt
            ? { pinned: Object.fromEntries(lines.map((l) => [l.line_no, { bom: l.bom_version_id, routing: l.routing_version_id }])) }
            : {};
      book.events.push({
        order_no: orderNo,
        at: e.at,
        actor: e.actor,
        kind: e.from === null ? "created" : "transition",
        from_status: e.from,
        to_status: e.to,
        reason: e.reason,
        data,
      });
    }
  }
  book.sequences = [...lastSeq].map(([day, last_seq]) => ({ day, last_seq }));
  return book;
}
