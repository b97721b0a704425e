// A promise in words, Chinese and English, the way a planner would say it on the phone:
// "12月4日（周五）无法交付：校准台（WC-CAL）满负荷至12月3日（周四）；最早12月7日（周一）".
import { dayFromNumber, weekdayName } from "../../calendar/model/dates.js";
import type { Constraint, ItemInfo, PromiseCondition } from "./types.js";

export interface Names {
  item: (sku: string) => ItemInfo | undefined;
  centre: (code: string) => string | undefined;
}

export function dayZh(n: number): string {
  const day = dayFromNumber(n);
  return `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日（${weekdayName(day, "zh")}）`;
}
export function dayEn(n: number): string {
  const day = dayFromNumber(n);
  return `${weekdayName(day, "en")} ${day}`;
}

const qtyText = (q: number) => String(Math.round(q * 1000) / 1000);

function constraintText(c: Constraint, names: Names): { zh: string; en: string } {
  switch (c.kind) {
    case "work_centre": {
      const name = names.centre(c.code) ?? c.code;
      if (c.why === "maintenance") {
        return {
          zh: `${name}（${c.code}）${dayZh(c.untilN)}维护${c.note ? `（${c.note}）` : ""}，此前已排满`,
          en: `${name} (${c.code}) is in maintenance on ${dayEn(c.untilN)}${c.note ? ` (${c.note})` : ""} and booked before it`,
        };
      }
      if (c.why === "closed") {
        return { zh: `${name}（${c.code}）停工/休息至${dayZh(c.untilN)}`, en: `${name} (${c.code}) is not working until ${dayEn(c.untilN)}` };
      }
      return { zh: `${name}（${c.code}）满负荷至${dayZh(c.untilN)}`, en: `${name} (${c.code}) is full until ${dayEn(c.untilN)}` };
    }
    case "material": {
      const item = names.item(c.sku);
      const name = item?.name ?? c.sku;
      if (c.purchase) {
        return {
          zh: `${name}（${c.sku}）缺 ${qtyText(c.short)}，库存和在途都不够，需新采购（采购周期 ${item?.leadTimeDays ?? "?"} 天，约${dayZh(c.readyN)}到）`,
          en: `${name} (${c.sku}) is short by ${qtyText(c.short)} with nothing on order to cover it: a new purchase (lead time ${item?.leadTimeDays ?? "?"} days) arrives about ${dayEn(c.readyN)}`,
        };
      }
      if (c.short <= 0) return { zh: `${name}（${c.sku}）在途${dayZh(c.readyN)}到货`, en: `${name} (${c.sku}) arrives ${dayEn(c.readyN)}` };
      return {
        zh: `${name}（${c.sku}）缺 ${qtyText(c.short)}，在途${dayZh(c.readyN)}到货`,
        en: `${name} (${c.sku}) is short by ${qtyText(c.short)} until the supply due ${dayEn(c.readyN)}`,
      };
    }
    case "processing":
      return { zh: `工序本身需要约 ${c.days} 天`, en: `the operations themselves take about ${c.days} days` };
    case "horizon":
      return { zh: "计划期内排不下", en: "it does not fit within the planning horizon" };
  }
}

/** What the date is subject to, appended to the explanation: "subject to purchase of 239 × SEN-0072, supplier lead time 12 days". */
export function conditionsText(conditions: PromiseCondition[]): { zh: string; en: string } {
  if (!conditions.length) return { zh: "", en: "" };
  const zh = conditions.map((c) =>
    c.kind === "purchase"
      ? `以采购 ${qtyText(c.qty)} × ${c.sku} 为前提（供应商周期 ${c.leadTimeDays} 天）`
      : c.kind === "unconfirmed_supply"
        ? `依赖供应商尚未确认交期的 ${c.sku} 采购（供应有风险）`
        : `依赖已逾期的 ${c.sku} 在途到货（有风险）`,
  );
  const en = conditions.map((c) =>
    c.kind === "purchase"
      ? `subject to purchase of ${qtyText(c.qty)} × ${c.sku}, supplier lead time ${c.leadTimeDays} days`
      : c.kind === "unconfirmed_supply"
        ? `supply at risk: counts on a purchase of ${c.sku} the supplier has not confirmed`
        : `at risk: counts on overdue supply of ${c.sku}`,
  );
  return { zh: `；${zh.join("；")}`, en: `; ${en.join("; ")}` };
}

export function explainPromise(
  p: { requestedN: number | null; earliestN: number | null; feasible: boolean; bottleneck: Constraint; partial: { qty: number } | null },
  names: Names,
  conditions: PromiseCondition[] = [],
): { zh: string; en: string } {
  const base = explainDate(p, names);
  if (p.earliestN === null) return base;
  const subject = conditionsText(conditions);
  return { zh: base.zh + subject.zh, en: base.en + subject.en };
}

function explainDate(
  p: { requestedN: number | null; earliestN: number | null; feasible: boolean; bottleneck: Constraint; partial: { qty: number } | null },
  names: Names,
): { zh: string; en: string } {
  const why = constraintText(p.bottleneck, names);
  if (p.earliestN === null) return { zh: `无法承诺：${why.zh}`, en: `Cannot promise: ${why.en}` };
  const earliest = { zh: `最早${dayZh(p.earliestN)}`, en: `earliest ${dayEn(p.earliestN)}` };
  if (p.requestedN === null) {
    const binding = p.bottleneck.kind === "processing" ? "" : `（瓶颈：${why.zh}）`;
    return {
      zh: `${earliest.zh}可交付${binding}`,
      en: `Can ship ${earliest.en}${p.bottleneck.kind === "processing" ? "" : ` (binding: ${why.en})`}`,
    };
  }
  if (p.feasible) {
    return { zh: `可按要求交期${dayZh(p.requestedN)}交付；${earliest.zh}`, en: `The requested ${dayEn(p.requestedN)} holds; ${earliest.en}` };
  }
  const partial = p.partial
    ? { zh: `，或${dayZh(p.requestedN)}先交 ${p.partial.qty} 件`, en: `, or ${p.partial.qty} pieces by ${dayEn(p.requestedN)}` }
    : { zh: "", en: "" };
  return {
    zh: `${dayZh(p.requestedN)}无法交付：${why.zh}；${earliest.zh}${partial.zh}`,
    en: `${dayEn(p.requestedN)} not possible: ${why.en}; ${earliest.en}${partial.en}`,
  };
}
