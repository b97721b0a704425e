import { describe, expect, it } from "vitest";
import { parseQuestion } from "../../src/ask/model/parse-question.js";

const cases: [string, string, string?][] = [
  ["查订单DH20260218001状态", "order_status", "DH20260218001"],
  ["DH20260218001到哪了", "order_status", "DH20260218001"],
  ["订单 DH20260218001 现在谁在负责？", "order_status", "DH20260218001"],
  ["帮我看一下dh20260218001", "order_status", "DH20260218001"],
  ["查一下 DH 2026 0218 001 的进度", "order_status", "DH20260218001"],
  ["ＤＨ２０２６０２１８００１状态", "order_status", "DH20260218001"],
  ["DH202602181234 发货了吗", "order_status", "DH202602181234"],
  ["status of order DH20260218001", "order_status", "DH20260218001"],
  ["Where is DH20260218001?", "order_status", "DH20260218001"],
  ["who owns order dh20260218001 now", "order_status", "DH20260218001"],
  ["今天还能接多少单", "capacity_today"],
  ["今天还能接几单？", "capacity_today"],
  ["还能再接多少订单", "capacity_today"],
  ["今天接单余量多少", "capacity_today"],
  ["How many more orders can we accept today?", "capacity_today"],
  ["how many orders can we still take today", "capacity_today"],
  ["capacity left today", "capacity_today"],
  ["今天还能接几个订单", "capacity_today"],
  ["今天还能下多少单", "capacity_today"],
  ["还能接单吗", "capacity_today"],
  ["今天产能还够接单吗", "capacity_today"],
  ["今天还可以接多少订单？", "capacity_today"],
  ["今天还能承接几单", "capacity_today"],
  ["how many more orders can we take today", "capacity_today"],
  ["How many orders can we still accept?", "capacity_today"],
  ["can we take more orders today", "capacity_today"],
  ["remaining capacity today", "capacity_today"],
  ["how many more orders fit today", "capacity_today"],
  ["哪些物料缺料", "shortages"],
  ["现在缺什么料？", "shortages"],
  ["有没有短缺的物料", "shortages"],
  ["齐套情况怎么样", "shortages"],
  ["Which materials are short?", "shortages"],
  ["show me the shortages", "shortages"],
  ["what is out of stock", "shortages"],
  ["缺哪些料", "shortages"],
  ["哪些料不够", "shortages"],
  ["物料短缺情况", "shortages"],
  ["采购要补哪些料？", "shortages"],
  ["哪些物料不够用", "shortages"],
  ["which materials are short", "shortages"],
  ["what materials are we short of", "shortages"],
  ["which parts are missing?", "shortages"],
  ["shortage list", "shortages"],
  ["what's short", "shortages"],
  ["哪里是瓶颈", "bottlenecks"],
  ["bottleneck work centres", "bottlenecks"],
  ["哪些工作中心满负荷", "bottlenecks"],
  ["which work centres are overloaded", "bottlenecks"],
  ["哪些订单逾期了", "overdue"],
  ["有延期的单吗", "overdue"],
  ["list overdue orders", "overdue"],
  ["any late orders?", "overdue"],
  ["我的待办", "my_tasks"],
  ["我要做什么", "my_tasks"],
  ["my tasks", "my_tasks"],
  ["what do I need to do", "my_tasks"],
  ["今天接了多少单", "orders_today"],
  ["今天有多少订单", "orders_today"],
  ["how many orders today", "orders_today"],
  ["today's orders", "orders_today"],
  ["你好", "unknown"],
  ["what's the weather", "unknown"],
  ["DH2026", "unknown"],
  ["今天天气怎么样", "unknown"],
  ["short story please", "unknown"],
  ["C0003有几个订单逾期", "overdue"],
  ["c0003的订单", "customer_orders"],
  ["C0003", "customer_orders"],
  ["orders of C-A1", "customer_orders"],
  ["C0003今天下了多少单", "orders_today"],
  ["宁波永威的订单", "unknown"],
];

describe("the ask parser", () => {
  for (const [text, intent, orderNo] of cases) {
    it(`${text} → ${intent}`, () => {
      const parsed = parseQuestion(text);
      expect(parsed.intent).toBe(intent);
      if (orderNo) expect(parsed.orderNo).toBe(orderNo);
    });
  }

  it("takes a customer code for the questions asked per customer, and never from inside a word or number", () => {
    expect(parseQuestion("C0003有几个订单逾期")).toEqual({ intent: "overdue", lang: "zh", customerCode: "C0003" });
    expect(parseQuestion("overdue orders of c-a1")).toEqual({ intent: "overdue", lang: "en", customerCode: "C-A1" });
    expect(parseQuestion("ABC0003 overdue").customerCode).toBeUndefined();
    // The code does not turn a planning question into a customer's.
    expect(parseQuestion("C0003 缺料")).toEqual({ intent: "shortages", lang: "zh" });
    // An order number wins over a customer code.
    expect(parseQuestion("C0003 的 DH20260218001")).toMatchObject({ intent: "order_status", orderNo: "DH20260218001" });
  });

  it("answers in the language of the question", () => {
    expect(parseQuestion("查订单DH20260218001状态").lang).toBe("zh");
    expect(parseQuestion("status of order DH20260218001").lang).toBe("en");
  });
});
