// The query box's sentences in Chinese and English: short, spoken aloud, naming stage and owner.

export type AskLang = "zh" | "en";

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
};

const pick = (lang: AskLang, pair: [string, string] | undefined, fallback: string) => (pair ? pair[lang === "zh" ? 0 : 1] : fallback);
export const stageName = (lang: AskLang, status: string) => pick(lang, STAGES[status], status);
export const roleName = (lang: AskLang, role: string) => pick(lang, ROLES[role], role);

export const say = {
  orderStatus: (lang: AskLang, o: { orderNo: string; stage: string; owner: string | null; due: string | null; holdReason: string | null }) =>
    lang === "zh"
      ? `订单${o.orderNo}当前阶段：${o.stage}，负责人：${o.owner ?? "无"}${o.due ? `，承诺交期 ${o.due}` : ""}${o.holdReason ? `，挂起原因：${o.holdReason}` : ""}。`
      : `Order ${o.orderNo} is ${o.stage}; responsible: ${o.owner ?? "nobody"}${o.due ? `; promised for ${o.due}` : ""}${o.holdReason ? `; on hold because: ${o.holdReason}` : ""}.`,
  orderMissing: (lang: AskLang, orderNo: string) =>
    lang === "zh" ? `没有找到订单${orderNo}，请核对单号。` : `There is no order ${orderNo}; please check the number.`,
  capacity: (lang: AskLang, f: { today: number; waiting: number }) =>
    lang === "zh"
      ? `“今天还能接多少单”需要排产模块的产能计算，目前还不能给出准确数字。今天已接 ${f.today} 单，另有 ${f.waiting} 单已确认待排产。`
      : `"How many more orders fit today" needs the planning module's capacity figures, which are not available yet. Today ${f.today} orders came in; ${f.waiting} confirmed orders wait to be scheduled.`,
  shortages: (lang: AskLang, skus: string[]) => {
    const list = skus.slice(0, 5).join(lang === "zh" ? "、" : ", ");
    if (lang === "zh") {
      const head = skus.length ? `库存已被预留超出在库的物料有 ${skus.length} 种：${list}。` : "目前没有预留超出在库的物料。";
      return `${head}按订单需求和在途的完整缺料分析要等排产模块上线。`;
    }
    const head = skus.length ? `${skus.length} materials are reserved beyond what is on hand: ${list}.` : "No material is reserved beyond what is on hand.";
    return `${head} The full shortage list (demand vs on-hand and in-transit supply) comes with the planning module.`;
  },
  bottlenecks: (lang: AskLang) =>
    lang === "zh"
      ? "瓶颈工作中心需要排产模块的负荷计算，目前还不能提供。"
      : "Bottleneck work centres need the planning module's load figures, which are not available yet.",
  overdue: (lang: AskLang, count: number, first: string[]) =>
    lang === "zh"
      ? count
        ? `有 ${count} 个未完成订单已过交期，最早的是：${first.join("、")}。`
        : "没有逾期的未完成订单。"
      : count
        ? `${count} open orders are past their due date; the oldest: ${first.join(", ")}.`
        : "No open order is past its due date.",
  tasks: (lang: AskLang, count: number, first: string[]) =>
    lang === "zh"
      ? count
        ? `你有 ${count} 个待办任务，最新的：${first.join("；")}。`
        : "你目前没有待办任务。"
      : count
        ? `You have ${count} open tasks; the newest: ${first.join("; ")}.`
        : "You have no open tasks.",
  ordersToday: (lang: AskLang, count: number) => (lang === "zh" ? `今天已接 ${count} 单。` : `${count} orders came in today.`),
  unknown: (lang: AskLang) =>
    lang === "zh"
      ? "没听懂这个问题。可以问：“查订单DH20260218001状态”“今天还能接多少单”“哪些物料缺料”“哪些订单逾期”“我的待办”。"
      : 'Sorry, I did not understand. Try: "status of order DH20260218001", "how many more orders can we accept today", "which materials are short", "overdue orders", "my tasks".',
};
