// Quick order entry for sales: customer, lines, requested date → POST /api/orders. While lines are typed
// it asks POST /api/promise for the earliest date, whether the requested date holds and the binding
// constraint, so sales can answer the customer before the order is taken.
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Card, DatePicker, Form, InputNumber, Select, Space } from "antd";
import type { Dayjs } from "dayjs";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../api/client";
import { StatusTag } from "../components/status-tag";
import { PromisePreview } from "./promise-preview";
import { usePromise } from "./use-promise";

interface Values {
  customer?: string;
  requestedDate?: Dayjs;
  lines: { sku?: string; qty?: number }[];
}
interface Created {
  orderNo: string;
  status: string;
  promise: { date: string } | null;
  holdReason: string | null;
  actions: { rule: string; type: string }[];
}

const option = (value: string, label: string) => ({ value, label: `${value} · ${label}` });

export function QuickOrder() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [customers, setCustomers] = useState<{ value: string; label: string }[]>([]);
  const [items, setItems] = useState<{ value: string; label: string }[]>([]);
  const [created, setCreated] = useState<Created>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const values = Form.useWatch([], form);
  const draft = useMemo(
    () => ({
      customer: values?.customer,
      requestedDate: values?.requestedDate?.format("YYYY-MM-DD"),
      lines: (values?.lines ?? []).flatMap((l) => (l?.sku && l.qty ? [{ sku: l.sku, qty: l.qty }] : [])),
    }),
    [values],
  );
  const promise = usePromise(draft);

  useEffect(() => {
    api<{ customers: { code: string; name: string }[] }>("GET", "/api/customers?limit=500")
      .then((r) => setCustomers(r.customers.map((c) => option(c.code, c.name))))
      .catch(() => {});
    api<{ items: { sku: string; name: string }[] }>("GET", "/api/items?kind=finished&limit=500")
      .then((r) => setItems(r.items.map((i) => option(i.sku, i.name))))
      .catch(() => {});
  }, []);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(undefined);
    setCreated(undefined);
    try {
      const body = {
        customer: v.customer,
        requestedDate: v.requestedDate?.format("YYYY-MM-DD"),
        lines: v.lines.map((l) => ({ sku: l.sku, qty: l.qty })),
      };
      const order = await api<Created>("POST", "/api/orders", body, { "idempotency-key": crypto.randomUUID() });
      setCreated(order);
      form.resetFields(["lines"]);
    } catch (e) {
      const field = e instanceof ApiError && e.field ? ` (${e.field})` : "";
      setError(`${(e as Error).message}${field}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t("sales.quick")} size="small" data-testid="quick-order">
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ lines: [{ qty: 1 }] }} requiredMark={false} size="small">
        <Space wrap align="start">
          <Form.Item name="customer" label={t("sales.quickCustomer")} rules={[{ required: true }]} style={{ minWidth: 220 }}>
            <Select showSearch options={customers} optionFilterProp="label" data-testid="quick-customer" popupMatchSelectWidth={320} />
          </Form.Item>
          <Form.Item name="requestedDate" label={t("sales.quickDate")}>
            <DatePicker />
          </Form.Item>
        </Space>
        <Form.List name="lines">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="start" wrap>
                  <Form.Item name={[field.name, "sku"]} label={t("sales.quickSku")} rules={[{ required: true }]} style={{ minWidth: 220 }}>
                    <Select showSearch options={items} optionFilterProp="label" data-testid="quick-sku" popupMatchSelectWidth={320} />
                  </Form.Item>
                  <Form.Item name={[field.name, "qty"]} label={t("sales.quickQty")} rules={[{ required: true }]}>
                    <InputNumber min={1} max={1_000_000} data-testid="quick-qty" />
                  </Form.Item>
                  {fields.length > 1 && <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} style={{ marginTop: 30 }} />}
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ qty: 1 })} style={{ marginBottom: 12 }}>
                {t("sales.addLine")}
              </Button>
            </>
          )}
        </Form.List>
        <div data-testid="quick-promise">
          <PromisePreview state={promise} />
        </div>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="quick-submit">
          {t("sales.submit")}
        </Button>
      </Form>
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 12 }} />}
      {created && (
        <Alert
          type={created.status === "on_hold" ? "warning" : "success"}
          showIcon
          style={{ marginTop: 12 }}
          data-testid="quick-result"
          message={
            <Space wrap>
              {t("sales.created", { orderNo: created.orderNo, status: t(`status.${created.status}`) })}
              <StatusTag status={created.status} />
            </Space>
          }
          description={
            <>
              <div>{created.promise ? t("sales.promise", { date: created.promise.date }) : t("order.noPromise")}</div>
              {created.holdReason && <div>{created.holdReason}</div>}
              {created.actions.length > 0 && (
                <div>
                  {t("sales.actions", {
                    list: created.actions.map((a) => `${a.rule}: ${t(`rules.actionTypes.${a.type}`, { defaultValue: a.type })}`).join("; "),
                  })}
                </div>
              )}
            </>
          }
        />
      )}
    </Card>
  );
}
