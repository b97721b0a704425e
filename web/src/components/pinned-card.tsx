// Orders a rule pinned to the top of a board (red for T+3 rush of top customers).
import { PushpinFilled } from "@ant-design/icons";
import { Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { PinnedOrder } from "../api/types";
import { OrderLink } from "../orders/order-drawer";
import { ListCard } from "./list-card";
import { StatusTag } from "./status-tag";

const COLOUR: Record<string, string> = { red: "#f5222d", orange: "#fa8c16", yellow: "#fadb14", green: "#52c41a", blue: "#1677ff" };

export function PinnedCard({ orders }: { orders?: PinnedOrder[] }) {
  const { t } = useTranslation();
  return (
    <ListCard
      title={`${t("pinned.title")}${orders ? ` (${orders.length})` : ""}`}
      testId="pinned"
      items={orders}
      empty={t("pinned.none")}
      renderItem={(o) => (
        <Space wrap>
          <PushpinFilled style={{ color: COLOUR[o.pinColour] ?? "#f5222d" }} />
          <OrderLink orderNo={o.orderNo} />
          <Typography.Text title={o.customer}>{o.customerName ? `${o.customerName} · ${o.customer}` : o.customer}</Typography.Text>
          <StatusTag status={o.status} />
          <Typography.Text type="secondary">{o.promisedDate ?? o.requestedDate ?? ""}</Typography.Text>
        </Space>
      )}
    />
  );
}
