// The public order-status page and its refusal page: small server-rendered HTML, Chinese or English.
// Only what the customer needs about this one order; every value is HTML-escaped.
import type { Lang } from "../../core/i18n.js";

export interface StatusPageData {
  orderNo: string;
  status: string;
  requestedDate: string | null;
  promisedDate: string | null;
  /** The plan can no longer make the promise: the date it now expects (null: not yet known). */
  atRisk?: { expectedDate: string | null } | null;
  deliveredOn: string | null;
  lines: { name: string; qty: number }[];
  shipments: { carrier: string; trackingNo: string; shippedOn: string }[];
  updatedAt: string;
}

const STEPS = ["confirmed", "scheduled", "in_production", "ready", "shipped", "delivered"] as const;

const STAGE: Record<string, [string, string]> = {
  draft: ["待确认", "Awaiting confirmation"],
  confirmed: ["已确认", "Confirmed"],
  scheduled: ["已排产", "Scheduled"],
  in_production: ["生产中", "In production"],
  ready: ["待发货", "Ready to ship"],
  shipped: ["已发货", "Shipped"],
  delivered: ["已送达", "Delivered"],
  closed: ["已完成", "Completed"],
  on_hold: ["暂停处理", "On hold"],
  cancelled: ["已取消", "Cancelled"],
};

const TEXT = {
  title: ["订单进度", "Order status"],
  order: ["订单号", "Order"],
  stage: ["当前阶段", "Current stage"],
  promised: ["承诺交期", "Promised date"],
  atRisk: ["交期有延误风险，我们的销售会与您联系确认新交期", "This date is at risk; our sales team will call you with a new date"],
  expected: ["目前预计", "Now expected"],
  requested: ["要求交期", "Requested date"],
  delivered: ["送达日期", "Delivered on"],
  notYet: ["待定", "Not set yet"],
  items: ["产品", "Items"],
  qty: ["数量", "Qty"],
  shipments: ["物流跟踪", "Shipment tracking"],
  carrier: ["承运商", "Carrier"],
  tracking: ["运单号", "Tracking number"],
  shippedOn: ["发货日期", "Shipped on"],
  updated: ["更新时间", "Last updated"],
  refusedTitle: ["链接无法打开", "This link cannot be opened"],
  invalid: ["此链接无效。请向您的客服索取新的订单进度链接。", "This link is not valid. Please ask your customer service contact for a new order-status link."],
  gone: [
    "此链接已过期或已被撤销。请向您的客服索取新的订单进度链接。",
    "This link has expired or was withdrawn. Please ask your customer service contact for a new order-status link.",
  ],
  card: ["没有这张保修卡。请核对验证码，或联系您的客服。", "There is no warranty card with this code. Check the code or ask your customer service contact."],
  switchLang: ["English", "中文"],
} as const;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}

const t = (lang: Lang, key: keyof typeof TEXT) => TEXT[key][lang === "zh" ? 0 : 1];

export function stageLabel(status: string, lang: Lang): string {
  const label = STAGE[status];
  return label ? label[lang === "zh" ? 0 : 1] : status;
}

function page(lang: Lang, title: string, body: string, switchHref?: string): string {
  const other = lang === "zh" ? "en" : "zh";
  const switcher = switchHref ? `<p class="lang"><a href="${escapeHtml(switchHref)}?lang=${other}">${t(lang, "switchLang")}</a></p>` : "";
  return `<!doctype html>
<html lang="${lang === "zh" ? "zh-CN" : "en"}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;max-width:40rem;margin:1rem auto;padding:0 1rem;color:#222}
h1{font-size:1.4rem}dl{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem}dt{color:#666}
ol.steps{display:flex;flex-wrap:wrap;gap:.4rem;padding:0;list-style:none}ol.steps li{padding:.2rem .5rem;border-radius:.3rem;background:#eee}
ol.steps li.done{background:#cfe8d4}ol.steps li.current{background:#1677ff;color:#fff}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #ddd;padding:.3rem;text-align:left}.lang{text-align:right}</style></head>
<body>${switcher}${body}</body></html>`;
}

export function renderStatusPage(data: StatusPageData, lang: Lang, selfPath: string): string {
  const stage = stageLabel(data.status, lang);
  const current = STEPS.indexOf(data.status as (typeof STEPS)[number]);
  const reached = data.status === "closed" ? STEPS.length : current;
  const steps =
    reached >= 0
      ? `<ol class="steps">${STEPS.map((s, i) => `<li class="${i < reached ? "done" : i === reached ? "current" : ""}">${escapeHtml(stageLabel(s, lang))}</li>`).join("")}</ol>`
      : "";
  const date = (d: string | null) => escapeHtml(d ?? t(lang, "notYet"));
  const lines = data.lines.map((l) => `<tr><td>${escapeHtml(l.name)}</td><td>${l.qty}</td></tr>`).join("");
  const shipments = data.shipments.length
    ? `<h2>${t(lang, "shipments")}</h2><table><tr><th>${t(lang, "carrier")}</th><th>${t(lang, "tracking")}</th><th>${t(lang, "shippedOn")}</th></tr>${data.shipments
        .map((s) => `<tr><td>${escapeHtml(s.carrier)}</td><td class="tracking">${escapeHtml(s.trackingNo)}</td><td>${escapeHtml(s.shippedOn)}</td></tr>`)
        .join("")}</table>`
    : "";
  const body = `<h1>${t(lang, "title")}</h1>
<dl><dt>${t(lang, "order")}</dt><dd id="order-no">${escapeHtml(data.orderNo)}</dd>
<dt>${t(lang, "stage")}</dt><dd id="stage" data-status="${escapeHtml(data.status)}">${escapeHtml(stage)}</dd>
<dt>${t(lang, "promised")}</dt><dd id="promised">${date(data.promisedDate)}</dd>
${data.atRisk ? `<dt>${t(lang, "expected")}</dt><dd id="at-risk" class="at-risk">${date(data.atRisk.expectedDate)} — ${t(lang, "atRisk")}</dd>` : ""}
${data.requestedDate ? `<dt>${t(lang, "requested")}</dt><dd>${escapeHtml(data.requestedDate)}</dd>` : ""}
${data.deliveredOn ? `<dt>${t(lang, "delivered")}</dt><dd>${escapeHtml(data.deliveredOn)}</dd>` : ""}
<dt>${t(lang, "updated")}</dt><dd>${escapeHtml(data.updatedAt)}</dd></dl>
${steps}
<h2>${t(lang, "items")}</h2><table><tr><th>${t(lang, "items")}</th><th>${t(lang, "qty")}</th></tr>${lines}</table>
${shipments}`;
  return page(lang, `${t(lang, "title")} ${data.orderNo}`, body, selfPath);
}

/** The same page for a tampered, unknown, revoked or expired link: it names no order and no reason beyond that. */
export function renderRefusalPage(kind: "invalid" | "gone" | "card", lang: Lang): string {
  return page(lang, t(lang, "refusedTitle"), `<h1>${t(lang, "refusedTitle")}</h1><p id="refusal">${t(lang, kind)}</p>`);
}
