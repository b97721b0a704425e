// Bulk versions of the common actions on a list selection: ship a pick wave (one carrier, a tracking
// number per order) and release several holds. Each order's actions come from the server, so only what
// every selected order offers is shown, and each order goes through the same routes as the drawer.
import { App, Button, Flex, Form, Input, Modal, Typography } from "antd";
import { type ReactNode, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/client";
import type { OrderAction, OrderHeader } from "../api/types";
import { runAction } from "./run-action";

const BULK = ["ship", "release"] as const;
type Bulk = (typeof BULK)[number];

/** The bulk actions every one of `orders` offers the caller now. */
function useCommonActions(orders: OrderHeader[]) {
  const [common, setCommon] = useState<Map<string, OrderAction>[]>([]);
  const key = orders.map((o) => `${o.orderNo}@${o.version}:${o.status}`).join(",");
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the selected orders
  useEffect(() => {
    let live = true;
    void Promise.all(orders.map((o) => api<OrderAction[]>("GET", `/api/orders/${o.orderNo}/actions`)))
      .then((lists) => live && setCommon(lists.map((l) => new Map(l.map((a) => [a.action, a])))))
      .catch(() => live && setCommon([]));
    return () => {
      live = false;
    };
  }, [key]);
  return BULK.filter((b) => common.length === orders.length && common.length > 0 && common.every((m) => m.has(b))).map((b) => ({
    name: b,
    byOrder: common.map((m) => m.get(b) as OrderAction),
  }));
}

/** `children`: further actions on the same selection (batch reschedule, for those who may). */
export function BulkActions({ orders, onDone, children }: { orders: OrderHeader[]; onDone(): void; children?: ReactNode }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const common = useCommonActions(orders);
  const [shipping, setShipping] = useState(false);
  const [busy, setBusy] = useState(false);
  // A batch action's dialog stays mounted after it clears the selection, to show its result.
  if (!orders.length && !children) return null;
  const release = async (actions: OrderAction[]) => {
    setBusy(true);
    const failures = await runEach(orders, (o, i) => runAction(o.orderNo, undefined, actions[i], {}));
    setBusy(false);
    report(failures);
  };
  const report = (failures: string[]) => {
    const text = t("actions.bulk.result", { ok: orders.length - failures.length, failed: failures.length });
    if (failures.length) modal.warning({ title: text, content: failures.join("\n") });
    else message.success(text);
    onDone();
  };
  return (
    <Flex wrap gap={8} align="center" style={{ marginBottom: 8 }} data-testid="bulk-actions">
      {orders.length > 0 && <Typography.Text type="secondary">{t("actions.bulk.selected", { count: orders.length })}</Typography.Text>}
      {children}
      {common.map((c: { name: Bulk; byOrder: OrderAction[] }) =>
        c.name === "ship" ? (
          <Button key="ship" type="primary" onClick={() => setShipping(true)} data-testid="bulk-ship">
            {t("actions.bulk.ship")}
          </Button>
        ) : (
          <Button key="release" type="primary" loading={busy} onClick={() => void release(c.byOrder)} data-testid="bulk-release">
            {t("actions.bulk.release")}
          </Button>
        ),
      )}
      {shipping && (
        <ShipWaveModal
          orders={orders}
          onClose={(failures) => {
            setShipping(false);
            if (failures) report(failures);
          }}
        />
      )}
    </Flex>
  );
}

/** One carrier for the wave, a tracking number per order; each order recorded and moved to shipped. */
export function ShipWaveModal({ orders, onClose }: { orders: OrderHeader[]; onClose(failures?: string[]): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ carrier: string; tracking: Record<string, string> }>();
  const [busy, setBusy] = useState(false);
  const ship = async () => {
    const v = await form.validateFields();
    setBusy(true);
    const action: OrderAction = { action: "ship", label: "", needs: ["carrier", "trackingNo"], route: "shipment+transition", to: "shipped" };
    const failures = await runEach(orders, (o) => runAction(o.orderNo, undefined, action, { carrier: v.carrier, trackingNo: v.tracking[o.orderNo] }));
    setBusy(false);
    onClose(failures);
  };
  const required = (field: string) => [{ required: true, whitespace: true, message: t("actions.fieldRequired", { field }) }];
  return (
    <Modal
      open
      title={t("actions.bulk.shipTitle", { count: orders.length })}
      onOk={() => void ship()}
      confirmLoading={busy}
      onCancel={() => onClose()}
      okButtonProps={{ "data-testid": "ship-wave-ok" }}
    >
      <Form form={form} layout="vertical" data-testid="ship-wave-form">
        <Form.Item name="carrier" label={t("actions.carrier")} rules={required(t("actions.carrier"))}>
          <Input autoFocus maxLength={60} data-testid="wave-carrier" />
        </Form.Item>
        {orders.map((o) => (
          <Form.Item
            key={o.orderNo}
            name={["tracking", o.orderNo]}
            label={`${o.orderNo} ${o.customerName ?? o.customer}`}
            rules={required(t("actions.trackingNo"))}
          >
            <Input maxLength={60} placeholder={t("actions.trackingNo")} data-testid={`wave-tracking-${o.orderNo}`} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}

/** Runs `fn` for each order one after another; answers "order: why" for each that failed. */
async function runEach(orders: OrderHeader[], fn: (o: OrderHeader, i: number) => Promise<unknown>): Promise<string[]> {
  const failures: string[] = [];
  for (const [i, o] of orders.entries()) {
    try {
      await fn(o, i);
    } catch (e) {
      failures.push(`${o.orderNo}: ${(e as Error).message}`);
    }
  }
  return failures;
}
