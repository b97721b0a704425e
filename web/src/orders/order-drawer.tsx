// One order at a glance: stage, owner, promise, lines and its timeline (who, when, from, to, why).
import { Alert, Button, Descriptions, Drawer, Grid, Spin, Table, Tag, Timeline, Typography } from "antd";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/client";
import { useLive } from "../api/live";
import type { OrderEvent, OrderView, StatusLink } from "../api/types";
import { StatusTag } from "../components/status-tag";
import { OrderActions } from "./order-actions";

export function OrderLink({ orderNo }: { orderNo: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpen(true)} data-testid={`order-link-${orderNo}`}>
        {orderNo}
      </Button>
      {open && <OrderDrawer orderNo={orderNo} onClose={() => setOpen(false)} />}
    </>
  );
}

export function OrderDrawer({ orderNo, onClose }: { orderNo: string; onClose(): void }) {
  const { t } = useTranslation();
  const [order, setOrder] = useState<OrderView & { statusLink?: StatusLink | null }>();
  const [error, setError] = useState<string>();
  const { subscribe } = useLive();
  // Phones get the whole width; the action buttons wrap.
  const phone = !Grid.useBreakpoint().sm;
  const load = useCallback(
    () =>
      api<OrderView>("GET", `/api/orders/${orderNo}`)
        .then(setOrder)
        .catch((e: Error) => setError(e.message)),
    [orderNo],
  );
  useEffect(() => {
    void load();
    return subscribe((c) => {
      if (c.orderNo === orderNo) void load();
    });
  }, [orderNo, subscribe, load]);
  return (
    <Drawer open title={orderNo} width={phone ? "100%" : 560} onClose={onClose} data-testid="order-drawer">
      {error && <Alert type="error" showIcon message={error} />}
      {!order && !error && <Spin />}
      {order && (
        <>
          <Descriptions size="small" column={phone ? 1 : 2} bordered>
            <Descriptions.Item label={t("order.status")}>
              <StatusTag status={order.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t("order.owner")}>
              <span data-testid="order-owner">{order.owner.user ?? (order.owner.role ? t(`roles.${order.owner.role}`) : "—")}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t("order.customer")}>{order.customer}</Descriptions.Item>
            <Descriptions.Item label={t("order.amount")}>¥{order.totalAmount}</Descriptions.Item>
            <Descriptions.Item label={t("order.requestedDate")}>{order.requestedDate ?? "—"}</Descriptions.Item>
            <Descriptions.Item label={t("order.promisedDate")}>{order.promise?.date ?? t("order.noPromise")}</Descriptions.Item>
            {order.holdReason && (
              <Descriptions.Item label={t("order.holdReason")} span={2}>
                {order.holdReason}
              </Descriptions.Item>
            )}
            {order.tags.length > 0 && (
              <Descriptions.Item label={t("order.tags")} span={2}>
                {order.tags.map((tag) => (
                  <Tag key={tag}>{tag}</Tag>
                ))}
              </Descriptions.Item>
            )}
          </Descriptions>
          <div style={{ marginTop: 12 }}>
            <OrderActions order={order} onReload={() => void load()} />
          </div>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t("order.lines")}
          </Typography.Title>
          <Table
            size="small"
            rowKey="lineNo"
            pagination={false}
            dataSource={order.lines}
            columns={[
              { title: "#", dataIndex: "lineNo", width: 40 },
              { title: t("order.sku"), dataIndex: "sku" },
              { title: t("order.qty"), dataIndex: "qty" },
              { title: t("order.amount"), dataIndex: "amount" },
              {
                title: t("order.nonstandard"),
                dataIndex: "nonstandard",
                render: (n: boolean) => (n ? <Tag color="orange">{t("order.nonstandard")}</Tag> : ""),
              },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t("order.timeline")}
          </Typography.Title>
          <Timeline items={[...order.events].reverse().map((e) => ({ key: e.id, children: <EventLine event={e} /> }))} data-testid="order-timeline" />
        </>
      )}
    </Drawer>
  );
}

function EventLine({ event }: { event: OrderEvent }) {
  const { t } = useTranslation();
  return (
    <div>
      <Typography.Text strong>{t(`order.event.${event.kind}`)}</Typography.Text> {event.from && <StatusTag status={event.from} />}
      {event.to && (
        <>
          → <StatusTag status={event.to} />
        </>
      )}
      <div>
        <Typography.Text type="secondary">
          {new Date(event.at).toLocaleString()} · {event.actor}
          {event.reason ? ` · ${event.reason}` : ""}
        </Typography.Text>
      </div>
    </div>
  );
}
