// One order at a glance: stage, owner, promise, lines and its timeline (who, when, from, to, why).
import { Alert, Button, Descriptions, Drawer, Grid, Spin, Table, Tag, Timeline, Typography } from "antd";
import type { TFunction } from "i18next";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/client";
import { useLive } from "../api/live";
import type { OrderEvent, OrderView, StatusLink } from "../api/types";
import { ownerLabel, yuan } from "../components/format";
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
  const { t, i18n } = useTranslation();
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
              <span data-testid="order-owner">{ownerLabel(t, order.owner)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t("order.customer")}>
              {order.customerName ? `${order.customerName} · ${order.customer}` : order.customer}
            </Descriptions.Item>
            <Descriptions.Item label={t("order.amount")}>{yuan(order.totalAmount)}</Descriptions.Item>
            <Descriptions.Item label={t("order.requestedDate")}>{order.requestedDate ?? "—"}</Descriptions.Item>
            <Descriptions.Item label={t("order.promisedDate")}>{order.promise?.date ?? t("order.noPromise")}</Descriptions.Item>
            {order.promise?.state === "none" && order.promise.reason && (
              <Descriptions.Item label={t("order.noPromiseReason")} span={2}>
                <span data-testid="no-promise-reason">{order.promise.reason[i18n.language.startsWith("en") ? "en" : "zh"]}</span>
              </Descriptions.Item>
            )}
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
              {
                title: t("order.sku"),
                dataIndex: "sku",
                render: (sku: string, l) => (
                  <span title={sku}>
                    {l.itemName ?? sku}
                    {l.itemName && l.itemName !== sku && <Typography.Text type="secondary"> · {sku}</Typography.Text>}
                  </span>
                ),
              },
              {
                title: t("order.qty"),
                dataIndex: "qty",
                align: "right",
                render: (q: number, l) => <span className="nowrap">{`${q} ${unitName(t, l.uom)}`}</span>,
              },
              { title: t("order.amount"), dataIndex: "amount", align: "right", render: (a: string) => yuan(a) },
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
          {new Date(event.at).toLocaleString()} · {actorText(t, event)}
          {event.reason ? ` · ${event.reason}` : ""}
        </Typography.Text>
      </div>
    </div>
  );
}

/** Who acted, as people say it: 吴财务, 规则「信用超限拦截」v2, 系统. */
function actorText(t: TFunction, event: OrderEvent): string {
  if (!event.actorNames?.length) return event.actor;
  return event.actorNames
    .map((a) =>
      a.kind === "rule" ? t("order.byRule", { name: a.name, version: a.version }) : a.kind === "system" ? t("order.bySystem", { name: a.name }) : a.name,
    )
    .join(t("order.actorSeparator"));
}

/** A unit of measure in the reader's language ("pcs" → 件). */
const unitName = (t: TFunction, uom?: string) => (uom ? t(`units.${uom}`, { defaultValue: uom }) : "");
