// One order at a glance: stage, owner, promise, lines and its timeline (who, when, from, to, why).
import { Alert, Button, Descriptions, Drawer, Grid, List, Spin, Table, Tag, Timeline, Typography } from "antd";
import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/client";
import type { OrderEvent, OrderView } from "../api/types";
import { useLiveData } from "../api/use-live-data";
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
  const {
    data: order,
    error: failed,
    reload,
  } = useLiveData(
    () => api<OrderView>("GET", `/api/orders/${encodeURIComponent(orderNo)}`),
    [orderNo],
    (c) => c.orderNo === orderNo,
  );
  const error = failed?.message;
  // Phones get the whole width; the action buttons wrap.
  const phone = !Grid.useBreakpoint().sm;
  return (
    <Drawer open title={orderNo} width={phone ? "100%" : 560} onClose={onClose} data-testid="order-drawer">
      {error && <Alert type="error" showIcon message={error} />}
      {!order && !error && <Spin />}
      {order && (
        <>
          <Descriptions size="small" column={phone ? 1 : 2} bordered>
            <Descriptions.Item label={t("order.status")}>
              <StatusTag status={order.status} />
              {partlyShipped(order) && (
                <Tag color="blue" data-testid="partly-shipped">
                  {t("order.partlyShipped")}
                </Tag>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t("order.owner")}>
              <span className="nowrap" data-testid="order-owner">
                {ownerLabel(t, order.owner)}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t("order.customer")}>
              {order.customerName ? `${order.customerName} · ${order.customer}` : order.customer}
            </Descriptions.Item>
            <Descriptions.Item label={t("order.amount")}>
              <span className="nowrap">{yuan(order.totalAmount)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t("order.requestedDate")}>
              <span className="nowrap">{order.requestedDate ?? "—"}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t("order.promisedDate")}>
              <span className="nowrap">{order.promise?.date ?? t("order.noPromise")}</span>
            </Descriptions.Item>
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
            <OrderActions order={order} onReload={() => void reload()} />
          </div>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t("order.lines")}
          </Typography.Title>
          <OrderLines lines={order.lines} cards={phone} />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t("order.timeline")}
          </Typography.Title>
          <Timeline items={[...order.events].reverse().map((e) => ({ key: e.id, children: <EventLine event={e} /> }))} data-testid="order-timeline" />
        </>
      )}
    </Drawer>
  );
}

type Line = OrderView["lines"][number];

/** The order's lines: a table in the drawer's desktop width, one card per line on a phone. */
function OrderLines({ lines, cards }: { lines: Line[]; cards: boolean }) {
  const { t } = useTranslation();
  const item = (l: Line) => (
    <span title={l.sku}>
      {l.itemName ?? l.sku}
      {l.itemName && l.itemName !== l.sku && <Typography.Text type="secondary"> · {l.sku}</Typography.Text>}
    </span>
  );
  const qty = (l: Line) => (
    <span className="nowrap">
      {`${l.qty} ${unitName(t, l.uom)}`}
      {(l.shippedQty ?? 0) > 0 && l.shippedQty !== l.qty && (
        <Typography.Text type="secondary"> · {t("order.shippedQty", { qty: l.shippedQty })}</Typography.Text>
      )}
    </span>
  );
  const nonstandard = (l: Line) => (l.nonstandard ? <Tag color="orange">{t("order.nonstandard")}</Tag> : "");
  if (cards) {
    return (
      <List
        size="small"
        className="order-cards"
        dataSource={lines}
        data-testid="order-lines"
        renderItem={(l) => (
          <List.Item className="order-card" key={l.lineNo}>
            <div className="order-card-head">
              <span>#{l.lineNo}</span>
              {item(l)}
            </div>
            <div className="order-card-meta">
              {qty(l)}
              <span>{yuan(l.amount)}</span>
              {nonstandard(l)}
            </div>
          </List.Item>
        )}
      />
    );
  }
  return (
    <Table
      size="small"
      rowKey="lineNo"
      pagination={false}
      dataSource={lines}
      data-testid="order-lines"
      columns={[
        { title: "#", dataIndex: "lineNo", width: 40 },
        { title: t("order.sku"), dataIndex: "sku", render: (_: string, l) => item(l) },
        { title: t("order.qty"), dataIndex: "qty", align: "right", render: (_: number, l) => qty(l) },
        { title: t("order.amount"), dataIndex: "amount", align: "right", render: (a: string) => yuan(a) },
        { title: t("order.nonstandard"), dataIndex: "nonstandard", render: (_: boolean, l) => nonstandard(l) },
      ]}
    />
  );
}

/** Something went out and something is still to go. */
const partlyShipped = (order: OrderView) => order.lines.some((l) => (l.shippedQty ?? 0) > 0) && order.lines.some((l) => (l.shippedQty ?? 0) < l.qty);

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
          {event.reason ? ` · ${t(`order.reasons.${event.reason}`, { defaultValue: event.reason })}` : ""}
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
