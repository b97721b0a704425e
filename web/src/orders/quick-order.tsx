// Quick order entry for sales: customer, lines with their typed parameters, requested date, rush →
// POST /api/orders. While the order is typed it asks POST /api/promise for the earliest date and the
// binding constraint, and POST /api/orders/preview for every consequence of saving (hold and why, review,
// tasks, stock locks, pins), so sales can tell the customer before the order is taken.
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Checkbox, DatePicker, Form, InputNumber, Select, Space } from "antd";
import type { Dayjs } from "dayjs";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../api/client";
import { CustomerSelect } from "../components/customer-select";
import { StatusTag } from "../components/status-tag";
import { OrderConsequences } from "./order-consequences";
import { ParamFields, type ParamSchema, paramDefaults } from "./param-fields";
import { PromisePreview } from "./promise-preview";
import { useOrderPreview } from "./use-order-preview";
import { usePromise } from "./use-promise";

type ParamValues = Record<string, string | number | boolean>;
interface Values {
  customer?: string;
  requestedDate?: Dayjs;
  rush?: boolean;
  lines: { sku?: string; qty?: number; params?: ParamValues }[];
}
interface Created {
  orderNo: string;
  status: string;
  promise: { date: string } | null;
  holdReason: string | null;
  actions: { rule: string; type: string }[];
}
interface ItemOption {
  value: string;
  label: string;
  schema: ParamSchema;
}

const option = (value: string, label: string) => ({ value, label: `${value} · ${label}` });

/** Only the values that were set; an empty number field is no value. */
const cleanParams = (params?: ParamValues) =>
  Object.fromEntries(Object.entries(params ?? {}).filter(([, v]) => v !== undefined && v !== null && v !== "")) as ParamValues;

export function QuickOrder() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [items, setItems] = useState<ItemOption[]>([]);
  const [created, setCreated] = useState<Created>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [saves, setSaves] = useState(0);
  const values = Form.useWatch([], form);
  const schemaOf = useMemo(() => new Map(items.map((i) => [i.value, i.schema])), [items]);
  const draft = useMemo(
    () => ({
      customer: values?.customer,
      requestedDate: values?.requestedDate?.format("YYYY-MM-DD"),
      ...(values?.rush ? { rush: true } : {}),
      lines: (values?.lines ?? []).flatMap((l) => (l?.sku && l.qty ? [{ sku: l.sku, qty: l.qty, params: cleanParams(l.params) }] : [])),
    }),
    [values],
  );
  const promise = usePromise(draft);
  const preview = useOrderPreview(draft, saves);
  const willHold = preview.kind === "ready" && preview.reply.accepted && preview.reply.status === "on_hold";

  useEffect(() => {
    api<{ items: { sku: string; name: string; paramSchema: ParamSchema | null }[] }>("GET", "/api/items?kind=finished&limit=500")
      .then((r) => setItems(r.items.map((i) => ({ ...option(i.sku, i.name), schema: i.paramSchema ?? {} }))))
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
        ...(v.rush ? { rush: true } : {}),
        lines: v.lines.map((l) => ({ sku: l.sku, qty: l.qty, params: cleanParams(l.params) })),
      };
      const order = await api<Created>("POST", "/api/orders", body, { "idempotency-key": crypto.randomUUID() });
      setCreated(order);
      form.resetFields(["lines"]);
      setSaves((n) => n + 1);
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
            <CustomerSelect data-testid="quick-customer" popupMatchSelectWidth={320} />
          </Form.Item>
          <Form.Item name="requestedDate" label={t("sales.quickDate")}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="rush" label={t("intake.quick.rush")} valuePropName="checked">
            <Checkbox data-testid="quick-rush" />
          </Form.Item>
        </Space>
        <Form.List name="lines">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => {
                const sku = values?.lines?.[field.name]?.sku;
                const schema = sku ? schemaOf.get(sku) : undefined;
                return (
                  <div key={field.key} className="quick-line" data-testid="quick-line">
                    <Space align="start" wrap>
                      <Form.Item name={[field.name, "sku"]} label={t("sales.quickSku")} rules={[{ required: true }]} style={{ minWidth: 220 }}>
                        <Select
                          showSearch
                          options={items}
                          optionFilterProp="label"
                          data-testid="quick-sku"
                          popupMatchSelectWidth={320}
                          onChange={(next: string) => form.setFieldValue(["lines", field.name, "params"], paramDefaults(schemaOf.get(next) ?? {}))}
                        />
                      </Form.Item>
                      <Form.Item name={[field.name, "qty"]} label={t("sales.quickQty")} rules={[{ required: true }]}>
                        <InputNumber min={1} max={1_000_000} data-testid="quick-qty" />
                      </Form.Item>
                      {fields.length > 1 && (
                        <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} style={{ marginTop: 30 }} aria-label="remove" />
                      )}
                    </Space>
                    {schema && Object.keys(schema).length > 0 && (
                      <div className="quick-params" data-testid="quick-params">
                        <ParamFields line={field.name} schema={schema} />
                      </div>
                    )}
                  </div>
                );
              })}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ qty: 1 })} style={{ marginBottom: 12 }}>
                {t("sales.addLine")}
              </Button>
            </>
          )}
        </Form.List>
        <div data-testid="quick-promise">
          <PromisePreview state={promise} />
        </div>
        <div data-testid="quick-consequences" style={{ marginBottom: 12 }}>
          <OrderConsequences state={preview} />
        </div>
        <Button type="primary" danger={willHold} htmlType="submit" loading={busy} data-testid="quick-submit">
          {willHold ? t("intake.quick.saveHeld") : t("sales.submit")}
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
