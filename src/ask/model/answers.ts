// The query box's sentences in Chinese and English: short, spoken aloud, naming stage and owner.

export type AskLang = "zh" | "en";

/** A binding constraint as planning names it (see constraintView in src/planning/promise-order.ts). */
export interface ConstraintLine {
  kind: string;
  name?: string;
  workCentre?: string;
  sku?: string;
}
export interface AcceptableFamily {
  family: string;
  acceptable: number;
  capped: boolean;
  limitedBy: ConstraintLine | null;
}
export interface ShortageLine {
  sku: string;
  name: string;
  qtyShort: number;
  dateNeeded: string;
  red: boolean;
}
export interface BottleneckLine {
  code: string;
  name: string;
  fullDays: number;
  lateCount: number;
}

function constraintName(lang: AskLang, c: ConstraintLine): string {
  const code = c.workCentre ?? c.sku;
  if (c.name && code) return lang === "zh" ? `${c.name}（${code}）` : `${c.name} (${code})`;
  if (c.kind === "horizon") return lang === "zh" ? "计划期" : "the planning horizon";
  if (c.kind === "processing") return lang === "zh" ? "加工周期" : "processing time";
  return c.name ?? code ?? c.kind;
}

const STAGES: Record<string, [string, string]> = {
  draft: ["草稿", "draft"],
  confirmed: ["已确认", "confirmed"],
  scheduled: ["已排产", "scheduled"],
  in_production: ["生产中", "in production"],
  ready: ["待发货", "ready to ship"],
  shipped: ["已发货", "shipped"],
  delivered: ["已交付", "delivered"],
  closed: ["已关闭", "closed"],
  on_hold: ["暂停（挂起）", "on hold"],
  cancelled: ["已取消", "cancelled"],
};

const ROLES: Record<string, [string, string]> = {
  sales: ["销售", "sales"],
  service: ["客服", "customer service"],
  planner: ["计划员", "planner"],
  purchasing: ["采购", "purchasing"],
  warehouse: ["仓库", "warehouse"],
  engineering: ["技术总监", "technical director"],
  finance: ["财务", "finance"],
  admin: ["管理员", "admin"],
  production: ["车间", "shop floor"],
};

const pick = (lang: AskLang, pair: [string, string] | undefined, fallback: string) => (pair ? pair[lang === "zh" ? 0 : 1] : fallback);
export const stageName = (lang: AskLang, status: string) => pick(lang, STAGES[status], status);
export const roleName = (lang: AskLang, role: string) => pick(lang, ROLES[role], role);
export const customerLabel = (lang: AskLang, c: { code: string; name: string }) => (lang === "zh" ? `${c.name}（${c.code}）` : `${c.name} (${c.code})`);

export const say = {
  // The promise is the plant's word; a requested date is the customer's wish and is never called a promise.
  orderStatus: (
    lang: AskLang,
    o: { orderNo: string; stage: string; owner: string | null; promised: string | null; requested: string | null; holdReason: string | null },
  ) => {
    if (lang === "zh") {
      const date = o.promised ? `，承诺交期 ${o.promised}` : `，尚未承诺交期${o.requested ? `（客户要求 ${o.requested}）` : ""}`;
      return `订单${o.orderNo}当前阶段：${o.stage}，负责人：${o.owner ?? "无"}${date}${o.holdReason ? `，挂起原因：${o.holdReason}` : ""}。`;
    }
    const date = o.promised ? `; promised for ${o.promised}` : `; no promise yet${o.requested ? ` (the customer asked for ${o.requested})` : ""}`;
    return `Order ${o.orderNo} is ${o.stage}; responsible: ${o.owner ?? "nobody"}${date}${o.holdReason ? `; on hold because: ${o.holdReason}` : ""}.`;
  },
  orderMissing: (lang: AskLang, orderNo: string) =>
    lang === "zh" ? `没有找到订单${orderNo}，请核对单号。` : `There is no order ${orderNo}; please check the number.`,
  capacity: (lang: AskLang, families: AcceptableFamily[]) => {
    if (!families.length) return lang === "zh" ? "还没有产品系列可以计算。" : "There is no product family to count yet.";
    const open = families.filter((f) => f.acceptable > 0).sort((a, b) => b.acceptable - a.acceptable);
    const full = families.filter((f) => f.acceptable === 0);
    const plus = (f: { capped: boolean }) => (f.capped ? "+" : "");
    const total = open.reduce((n, f) => n + f.acceptable, 0);
    const anyCapped = open.some((f) => f.capped) ? "+" : "";
    const limits = [...new Set(full.flatMap((f) => (f.limitedBy ? [constraintName(lang, f.limitedBy)] : [])))].slice(0, 3);
    if (lang === "zh") {
      const head = open.length
        ? `今天还能接 ${total}${anyCapped} 单标准单：${open.map((f) => `${f.family} ${f.acceptable}${plus(f)} 单`).join("、")}。`
        : "今天各产品系列都接不下新的标准单了。";
      const tail = full.length && open.length ? `${full.map((f) => f.family).join("、")}今天接不下` : "";
      const why = limits.length ? `受限于${limits.join("、")}` : "";
      return `${head}${[tail, why].filter(Boolean).join("，")}${tail || why ? "。" : ""}`;
    }
    const head = open.length
      ? `We can still take ${total}${anyCapped} standard orders today: ${open.map((f) => `${f.family} ${f.acceptable}${plus(f)}`).join(", ")}.`
      : "No product family can take another standard order today.";
    const tail = full.length && open.length ? ` None more of ${full.map((f) => f.family).join(", ")} today.` : "";
    const why = limits.length ? ` Limited by ${limits.join(", ")}.` : "";
    return `${head}${tail}${why}`;
  },
  shortages: (lang: AskLang, shortages: ShortageLine[]) => {
    const red = shortages.filter((s) => s.red).length;
    const top = shortages.slice(0, 5);
    if (lang === "zh") {
      if (!shortages.length) return "当前计划没有缺料。";
      const list = top.map((s) => `${s.name}（${s.sku}）缺 ${s.qtyShort}，${s.dateNeeded} 需要${s.red ? "，影响加急单" : ""}`).join("；");
      return `当前计划缺料 ${shortages.length} 种${red ? `，其中 ${red} 种影响加急订单` : ""}：${list}。`;
    }
    if (!shortages.length) return "Nothing is short in the current plan.";
    const list = top.map((s) => `${s.name} (${s.sku}) short ${s.qtyShort}, needed ${s.dateNeeded}${s.red ? ", a rush order waits" : ""}`).join("; ");
    return `${shortages.length} materials are short in the current plan${red ? `, ${red} of them for rush orders` : ""}: ${list}.`;
  },
  bottlenecks: (lang: AskLang, centres: BottleneckLine[], days: number) => {
    const top = centres.slice(0, 3);
    if (lang === "zh") {
      if (!centres.length) return `未来 ${days} 天没有满负荷的工作中心。`;
      const list = top
        .map((c) => `${c.name}（${c.code}）${c.fullDays ? `满负荷 ${c.fullDays} 天` : "有订单排不下"}${c.lateCount ? `，${c.lateCount} 单将延期` : ""}`)
        .join("；");
      return `未来 ${days} 天有 ${centres.length} 个瓶颈工作中心：${list}。`;
    }
    if (!centres.length) return `No work centre is full over the next ${days} days.`;
    const list = top
      .map(
        (c) =>
          `${c.name} (${c.code}) ${c.fullDays ? `full on ${c.fullDays} days` : "cannot fit its orders"}${c.lateCount ? `, ${c.lateCount} orders late` : ""}`,
      )
      .join("; ");
    return `${centres.length} work centres are bottlenecks over the next ${days} days: ${list}.`;
  },
  noPlan: (lang: AskLang) => (lang === "zh" ? "还没有排产计划，请稍后再问。" : "There is no plan yet; please ask again in a moment."),
  notAllowed: (lang: AskLang, role: string) =>
    lang === "zh" ? `这个问题需要${role}的权限，你的角色不能查看。` : `Only ${role} may see this; your role cannot.`,
  overdue: (lang: AskLang, count: number, first: string[], customer?: string) =>
    lang === "zh"
      ? count
        ? `${customer ?? ""}有 ${count} 个未完成订单已过交期，最早的是：${first.join("、")}。`
        : `${customer ?? ""}没有逾期的未完成订单。`
      : count
        ? `${count} open orders${customer ? ` of ${customer}` : ""} are past their due date; the oldest: ${first.join(", ")}.`
        : `No open order${customer ? ` of ${customer}` : ""} is past its due date.`,
  customerOrders: (
    lang: AskLang,
    customer: string,
    o: { open: number; byStage: [stage: string, count: number][]; overdue: number; next: { orderNo: string; promised: string } | null },
  ) => {
    if (lang === "zh") {
      if (!o.open) return `${customer}目前没有未完成的订单。`;
      const stages = o.byStage.map(([stage, n]) => `${stage} ${n}`).join("、");
      const late = o.overdue ? `，其中 ${o.overdue} 个已逾期` : "";
      const next = o.next ? `。最近的承诺交期：${o.next.orderNo}，${o.next.promised}` : "";
      return `${customer}有 ${o.open} 个未完成订单（${stages}）${late}${next}。`;
    }
    if (!o.open) return `${customer} has no open orders.`;
    const stages = o.byStage.map(([stage, n]) => `${n} ${stage}`).join(", ");
    const late = o.overdue ? `; ${o.overdue} past due` : "";
    const next = o.next ? `. Next promise: ${o.next.orderNo} on ${o.next.promised}` : "";
    return `${customer} has ${o.open} open orders (${stages})${late}${next}.`;
  },
  customerMissing: (lang: AskLang, code: string) =>
    lang === "zh" ? `没有找到客户${code}，请核对客户编码。` : `There is no customer ${code}; please check the code.`,
  whichCustomer: (lang: AskLang, said: string, names: string[]) =>
    lang === "zh"
      ? `有 ${names.length} 个客户名称含“${said}”：${names.slice(0, 5).join("、")}${names.length > 5 ? "等" : ""}。请说全名或客户编码。`
      : `${names.length} customers have "${said}" in their name: ${names.slice(0, 5).join(", ")}${names.length > 5 ? ", …" : ""}. Please say the full name or the customer code.`,
  tasks: (lang: AskLang, count: number, first: string[]) =>
    lang === "zh"
      ? count
        ? `你有 ${count} 个待办任务，最新的：${first.join("；")}。`
        : "你目前没有待办任务。"
      : count
        ? `You have ${count} open tasks; the newest: ${first.join("; ")}.`
        : "You have no open tasks.",
  ordersToday: (lang: AskLang, count: number, customer?: string) =>
    lang === "zh" ? `${customer ? `${customer}` : ""}今天已接 ${count} 单。` : `${count} orders${customer ? ` of ${customer}` : ""} came in today.`,
  unknown: (lang: AskLang) =>
    lang === "zh"
      ? "没听懂这个问题。可以问：“查订单DH20260218001状态”“今天还能接多少单”“哪些物料缺料”“哪里是瓶颈”“哪些订单逾期”“C0003有几个订单逾期”“宁波永威的订单”“今天接了多少单”“我的待办”。"
      : 'Sorry, I did not understand. You can ask: "status of order DH20260218001", "how many more orders can we accept today", "which materials are short", "bottlenecks", "overdue orders", "overdue orders of C0003", "orders of C0003", "how many orders today", "my tasks".',
};
