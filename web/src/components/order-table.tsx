// A compact list of orders for the boards: number (opens the order), customer, status, promise, owner.
// A table where there is room; cards where there is not (a phone, or a side column), so no text is
// squeezed or printed over its neighbour.
import { ThunderboltFilled } from "@ant-design/icons";
import { Checkbox, List, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useTranslation } from "react-i18next";
import type { OrderHeader } from "../api/types";
import { OrderLink } from "../orders/order-drawer";
import { ownerLabel } from "./format";
import { StatusTag } from "./status-tag";
import { useNarrow } from "./use-narrow";

interface Props {
  orders: OrderHeader[];
  testId?: string;
  pageSize?: number;
  /** Ticked order numbers, for lists with batch actions. */
  selected?: string[];
  onSelect?(orderNos: string[]): void;
}

export function OrderTable(props: Props) {
  const [ref, narrow] = useNarrow<HTMLDivElement>();
  return <div ref={ref}>{narrow ? <OrderCards {...props} /> : <OrderRows {...props} />}</div>;
}

function OrderNo({ order }: { order: OrderHeader }) {
  const { t } = useTranslation();
  return (
    <span className="nowrap">
      <OrderLink orderNo={order.orderNo} />
      {order.rush && <ThunderboltFilled style={{ color: "#f5222d", marginLeft: 2 }} title={t("order.rush")} aria-label={t("order.rush")} />}
    </span>
  );
}

function OrderRows({ orders, testId, pageSize = 8, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const columns: ColumnsType<OrderHeader> = [
    { title: t("order.orderNo"), dataIndex: "orderNo", width: 150, render: (_, o) => <OrderNo order={o} /> },
    {
      title: t("order.customer"),
      dataIndex: "customer",
      ellipsis: true,
      render: (c: string, o) => <span title={c}>{o.customerName ?? c}</span>,
    },
    { title: t("order.status"), dataIndex: "status", render: (s: string) => <StatusTag status={s} /> },
    { title: t("order.promisedDate"), render: (_, o) => <span className="nowrap">{o.promisedDate ?? t("order.unpromised")}</span> },
    { title: t("order.owner"), ellipsis: true, render: (_, o) => ownerLabel(t, o.owner) },
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

function OrderCards({ orders, testId, pageSize = 8, selected = [], onSelect }: Props) {
  const { t } = useTranslation();
  const tick = (orderNo: string, on: boolean) => onSelect?.(on ? [...selected, orderNo] : selected.filter((n) => n !== orderNo));
  return (
    <List
      size="small"
      className="order-cards"
      dataSource={orders}
      data-testid={testId}
      pagination={orders.length > pageSize ? { pageSize, size: "small", align: "center" } : false}
      renderItem={(o) => (
        <List.Item className="order-card" key={o.orderNo}>
          <div className="order-card-head">
            {onSelect && <Checkbox checked={selected.includes(o.orderNo)} onChange={(e) => tick(o.orderNo, e.target.checked)} aria-label={o.orderNo} />}
            <OrderNo order={o} />
            <StatusTag status={o.status} />
          </div>
          <Typography.Text className="order-card-line" ellipsis={{ tooltip: o.customer }}>
            {o.customerName ? `${o.customerName} · ${o.customer}` : o.customer}
          </Typography.Text>
          <div className="order-card-meta">
            <span>
              {t("order.promisedDate")} {o.promisedDate ?? t("order.unpromised")}
            </span>
            <span>{ownerLabel(t, o.owner)}</span>
            {o.tags.map((tag) => (
              <Tag key={tag}>{tag}</Tag>
            ))}
          </div>
        </List.Item>
      )}
    />
  );
}
