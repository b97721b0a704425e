// The default rule on a quote below its margin floor: who is asked to approve it. The quote cannot be
// sent without an approval whatever the rules say; the rule decides who is asked (a role, or the sales
// manager by name) and who else hears of it. Should no rule open a task, the quote asks sales itself.
import type { RuleDefinitionInput } from "./model/definition.js";

export const QUOTE_DEFAULT_RULES: RuleDefinitionInput[] = [
  {
    name: "低毛利报价由销售经理审批",
    description: "报价版本毛利低于客户等级的下限：发出前由销售经理审批（不能审批自己的报价）",
    trigger: { event: "quote.below_margin" },
    condition: true,
    priority: 10,
    actions: [
      {
        type: "create_task",
        title: "报价审批（销售经理）：{quoteNo} {version} 毛利 {marginPct}% 低于 {floorPct}% 下限，批准后方可发出",
        assignRole: "sales",
        dueInHours: 24,
      },
    ],
  },
];
