// Stock by item and location; the warehouse corrects a balance (adjustment or cycle count) with a reason.
// Each correction is a master-data change; every open board hears of it.
import { Button, Card, Form, Input, InputNumber, Modal, Radio, Select, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../api/client";
import { useLiveData } from "../api/use-live-data";
import { useSession } from "../auth/session";
import { masterAccess } from "./access";
import { type RecordColumn, RecordList } from "./record-list";

interface Balance {
  sku: string;
  name: string;
  uom: string;
  location: string;
  onHand: string;
  reserved: string;
  available: string;
  updatedAt: string;
}
interface Adjusted {
  name: string;
  uom: string;
  onHand: { from: string; to: string };
}

export function StockPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const canAdjust = masterAccess(me?.roles ?? []).adjustStock;
  const [q, setQ] = useState("");
  const [location, setLocation] = useState<string>();
  const [adjusting, setAdjusting] = useState<Balance>();
  const [done, setDone] = useState<string>();
  const query = new URLSearchParams({ limit: "500", ...(q ? { q } : {}), ...(location ? { location } : {}) }).toString();
  const list = useLiveData(
    () => api<{ balances: Balance[]; locations: { code: string; name: string }[] }>("GET", `/api/inventory/balances?${query}`),
    [query],
    (c) => c.kind === "master" || c.kind === "order" || c.kind === "orders",
  );
  const qty = (b: Balance, v: string) => `${Number(v).toLocaleString()} ${b.uom}`;
  const columns: RecordColumn<Balance>[] = [
    {
      key: "item",
      title: t("intake.stock.item"),
      primary: true,
      render: (b) => (
        <Space size={4} wrap>
          <Typography.Text strong>{b.name}</Typography.Text>
          <Typography.Text type="secondary">{b.sku}</Typography.Text>
        </Space>
      ),
    },
    { key: "location", title: t("intake.stock.location"), width: 100, render: (b) => b.location },
    { key: "onHand", title: t("intake.stock.onHand"), align: "right", width: 110, render: (b) => <span data-testid="on-hand">{qty(b, b.onHand)}</span> },
    { key: "reserved", title: t("intake.stock.reserved"), align: "right", width: 110, render: (b) => qty(b, b.reserved) },
    { key: "available", title: t("intake.stock.available"), align: "right", width: 110, render: (b) => qty(b, b.available) },
    { key: "updated", title: t("intake.stock.updated"), width: 150, render: (b) => new Date(b.updatedAt).toLocaleString() },
  ];
  return (
    <Card title={t("intake.stock.title")} size="small" data-testid="stock-page">
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t("intake.stock.search")} onSearch={setQ} style={{ width: 260, maxWidth: "100%" }} data-testid="stock-search" />
        <Select
          allowClear
          placeholder={t("intake.stock.allLocations")}
          value={location}
          onChange={setLocation}
          options={(list.data?.locations ?? []).map((l) => ({ value: l.code, label: `${l.code} · ${l.name}` }))}
          style={{ width: 180 }}
        />
      </Space>
      {done && (
        <Typography.Paragraph type="success" data-testid="stock-done">
          {done}
        </Typography.Paragraph>
      )}
      <RecordList
        testId="stock"
        rows={list.data?.balances ?? []}
        loading={list.loading && !list.data}
        rowKey={(b) => `${b.sku}@${b.location}`}
        columns={columns}
        actions={
          canAdjust
            ? (b) => (
                <Button size="small" onClick={() => setAdjusting(b)} data-testid={`adjust-${b.sku}`}>
                  {t("intake.stock.adjust")}
                </Button>
              )
            : undefined
        }
      />
      {adjusting && (
        <AdjustModal
          balance={adjusting}
          onClose={() => setAdjusting(undefined)}
          onDone={(a) => {
            setDone(t("intake.stock.done", { name: a.name, from: a.onHand.from, to: a.onHand.to, uom: a.uom }));
            void list.reload();
          }}
        />
      )}
    </Card>
  );
}

function AdjustModal({ balance, onClose, onDone }: { balance: Balance; onClose(): void; onDone(a: Adjusted): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ kind: "adjust" | "count"; qty: number; reason: string }>();
  const kind = Form.useWatch("kind", form) ?? "adjust";
  const [busy, setBusy] = useState(false);
  const save = async (v: { kind: "adjust" | "count"; qty: number; reason: string }) => {
    setBusy(true);
    try {
      onDone(await api<Adjusted>("POST", "/api/inventory/adjustments", { sku: balance.sku, location: balance.location, ...v }));
      onClose();
    } catch (e) {
      const field = e instanceof ApiError && (e.field === "reason" || e.field === "kind") ? e.field : "qty";
      form.setFields([{ name: field, errors: [(e as Error).message] }]);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t("intake.stock.adjustTitle", { name: balance.name, location: balance.location })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("common.save")}
      confirmLoading={busy}
      destroyOnHidden
      data-testid="adjust-form"
    >
      <Form form={form} layout="vertical" initialValues={{ kind: "adjust" }} onFinish={save} requiredMark={false}>
        <Form.Item name="kind" label={t("intake.stock.kind")}>
          <Radio.Group
            optionType="button"
            options={[
              { value: "adjust", label: t("intake.stock.kindAdjust") },
              { value: "count", label: t("intake.stock.kindCount") },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="qty"
          label={kind === "count" ? t("intake.stock.qtyCount") : t("intake.stock.qtyAdjust")}
          extra={`${t("intake.stock.onHand")} ${balance.onHand} ${balance.uom} · ${t("intake.stock.reserved")} ${balance.reserved}`}
          rules={[{ required: true, message: t("intake.customers.required") }]}
        >
          <InputNumber min={kind === "count" ? 0 : undefined} precision={3} addonAfter={balance.uom} style={{ width: 200 }} data-testid="adjust-qty" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t("intake.stock.reason")}
          extra={t("intake.stock.reasonHint")}
          rules={[{ required: true, whitespace: true, message: t("intake.customers.required") }]}
        >
          <Input maxLength={200} data-testid="adjust-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
