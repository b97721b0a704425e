// The query box's parser: a typed or spoken question → an intent and its arguments. Pure and
// rule-based (keywords per intent, Chinese and English), so every phrasing is a unit test.

export const INTENTS = [
  "order_status",
  "capacity_today",
  "shortages",
  "bottlenecks",
  "overdue",
  "my_tasks",
  "orders_today",
  "customer_orders",
  "unknown",
] as const;
export type Intent = (typeof INTENTS)[number];

export interface ParsedQuestion {
  intent: Intent;
  lang: "zh" | "en";
  orderNo?: string;
  /** A customer code said in the question ("C0003"); names are matched against the master (matchCustomer). */
  customerCode?: string;
}

/** Questions that may be asked about one customer: its orders, its overdue orders, its orders today. */
export const PER_CUSTOMER: readonly Intent[] = ["overdue", "orders_today", "customer_orders", "unknown"];

// Speech engines write numbers with spaces or as full-width digits, and may drop the "DH" case.
const ORDER_NO = /D\s*H\s*((?:\d\s*){11,})/i;

// Customer codes as the master writes them (C0003, C-A1), standing alone, not inside a word or number.
const CUSTOMER_CODE = /(?<![A-Za-z0-9])(C-?[A-Z]?\d{1,6})(?![A-Za-z0-9])/i;

const PATTERNS: { intent: Exclude<Intent, "order_status" | "customer_orders" | "unknown">; zh: RegExp; en: RegExp }[] = [
  {
    intent: "capacity_today",
    zh: /(还|再)?(能|可以)再?(接|收|承接|下)(多少|几)|(接单|产能)(余量|空间|能力)|还(能|可以)再?接|产能.*(够|足).*接/,
    en: /\b(how many|how much)\b.*\b(more|still|can)\b.*\b(accept|take|book|fit)|\bcapacity\b.*\btoday\b|\bcan we (still )?(accept|take)\b/,
  },
  {
    intent: "shortages",
    zh: /缺料|缺货|短缺|缺(什么|哪些)?(物料|料)|齐套|(料|物料)(不够|不足)|补(哪些|什么)?料/,
    // "short" alone is too common ("short story"): it must be said of materials, parts or "what".
    en: /\bshortages?\b|\b(is|are|we|what'?s|anything|materials?|parts?|items?)\b.*\bshort\b|\bmissing (materials?|parts?|components?)|\b(materials?|parts?|components?)\b.*\bmissing\b|\bkitting\b|\bout of stock\b/,
  },
  { intent: "bottlenecks", zh: /瓶颈|负荷|产能(紧张|不足)/, en: /\bbottleneck|\bwork[- ]?cent(re|er)s?\b.*\b(load|overload)|\boverload/ },
  { intent: "overdue", zh: /逾期|延期|超期|迟交|晚交|拖期/, en: /\boverdue\b|\blate (orders|deliveries)\b|\bpast due\b|\bbehind schedule\b/ },
  { intent: "my_tasks", zh: /我的(任务|待办)|待办|我(要|该|需要)做什么/, en: /\bmy tasks?\b|\bmy to-?dos?\b|\bwhat (do|should) i (need to )?do\b/ },
  {
    intent: "orders_today",
    zh: /今天.*(接|收|下|来)了(多少|几)|今日(订单|接单)(数|量)?|今天(有)?多少(个)?(订单|单)/,
    en: /\bhow many orders\b.*\btoday\b|\borders (received |taken )?today\b|\btoday'?s orders\b/,
  },
];

export function parseQuestion(text: string): ParsedQuestion {
  const normalised = text.normalize("NFKC").trim();
  const lang = /[\u3400-\u9fff]/.test(normalised) ? "zh" : "en";
  const order = ORDER_NO.exec(normalised);
  if (order) return { intent: "order_status", lang, orderNo: `DH${order[1].replace(/\s+/g, "")}` };
  const lower = normalised.toLowerCase();
  const code = CUSTOMER_CODE.exec(normalised);
  const customer = code ? { customerCode: code[1].toUpperCase() } : {};
  for (const p of PATTERNS) {
    if ((lang === "zh" ? p.zh : p.en).test(lower) || p.en.test(lower)) {
      return PER_CUSTOMER.includes(p.intent) ? { intent: p.intent, lang, ...customer } : { intent: p.intent, lang };
    }
  }
  return code ? { intent: "customer_orders", lang, ...customer } : { intent: "unknown", lang };
}
