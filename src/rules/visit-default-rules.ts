// The default rules on a service visit: what one visit record leads to. Business people edit or
// disable them like the other defaults (e.g. no cards for a customer who has a paper contract).
import type { RuleDefinitionInput } from "./model/definition.js";

const recorded = { event: "visit.recorded" as const };

export const VISIT_DEFAULT_RULES: RuleDefinitionInput[] = [
  {
    name: "服务后出具电子保修卡",
    description: "每次服务记录：为更换的部件出具电子保修卡（PDF，带验证码），生成后通知客服发给客户",
    trigger: recorded,
    condition: true,
    priority: 10,
    actions: [{ type: "issue_warranty_card", notifyRole: "service" }],
  },
  {
    name: "服务用件补货申请",
    description: "每次服务记录：把用掉的备件作为补货申请发给仓库",
    trigger: recorded,
    condition: { ">": [{ var: "visit.totalQty" }, 0] },
    priority: 20,
    actions: [{ type: "request_replenishment", toRole: "warehouse" }],
  },
  {
    name: "服务记入设备履历",
    description: "每次服务记录：在设备生命周期时间线上记一笔",
    trigger: recorded,
    condition: true,
    priority: 30,
    actions: [{ type: "add_lifecycle_entry" }],
  },
  {
    name: "过保设备维修提醒销售",
    description: "设备已过保修期仍在维修：提醒销售跟进备件或换新方案",
    trigger: recorded,
    condition: { "!": { var: "equipment.underWarranty" } },
    priority: 40,
    actions: [
      {
        type: "notify",
        channels: ["inapp"],
        toRole: "sales",
        level: "info",
        message: "设备 {serial}（{model}，客户 {customer}）已过保修期仍在维修，可跟进备件或换新方案",
      },
    ],
  },
];
