// A compact table of orders for the boards: number (opens the order), customer, status, due date, owner.
import { ThunderboltFilled } from "@ant-design/icons";
import { Table } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useTranslation } from "react-i18next";
import type { OrderHeader } from "../api/types";
import { OrderLink } from "../orders/order-drawer";
import { StatusTag } from "./status-tag";

export function OrderTable({
  orders,
  testId,
  pageSize = 8,
  selected,
  onSelect,
}: {
  orders: OrderHeader[];
  testId?: string;
  pageSize?: number;
  /** Ticked order numbers, for lists with batch actions. */
  selected?: string[];
  onSelect?(orderNos: string[]): void;
}) {
  const { t } = useTranslation();
  const columns: ColumnsType<OrderHeader> = [
    {
      title: t("order.orderNo"),
      dataIndex: "orderNo",
      render: (no: string, o) => (
        <span className="nowrap">
          <OrderLink orderNo={no} />
          {o.rush && <ThunderboltFilled style={{ color: "#f5222d", marginLeft: 2 }} title={t("order.rush")} aria-label={t("order.rush")} />}
        </span>
      ),
    },
    { title: t("order.customer"), dataIndex: "customer", render: (c: string, o) => o.customerName ?? c, ellipsis: true },
    { title: t("order.status"), dataIndex: "status", render: (s: string) => <StatusTag status={s} /> },
    { title: t("order.promisedDate"), render: (_, o) => <span className="nowrap">{o.promisedDate ?? o.requestedDate ?? "—"}</span> },
    { title: t("order.owner"), render: (_, o) => o.owner.user ?? (o.owner.role ? t(`roles.${o.owner.role}`) : "—") },
  ];
  return (
    <Table
      rowKey="orderNo"
      size="small"
      columns={columns}
      dataSource={orders}
      pagination={orders.length > pageSize ? { pageSize, size: "small" } : false}
      rowSelection={onSelect ? { selectedRowKeys: selected, onChange: (keys) => onSelect(keys as string[]) } : undefined}
      data-testid={testId}
    />
  );
}
