// The quote editor: a new quote (customer first) or the next version of one, prefilled from the version it
// revises. Lines take the item's typed parameters (the same fields as quick order), a quantity, and
// optionally a price and outsourcing; the server costs them on the BOM/routing in force and promises a date.
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Select, Space } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../api/client";
import { ParamFields, type ParamSchema, paramDefaults } from "../orders/param-fields";
import type { QuoteVersion, QuoteView } from "./types";

type ParamValues = Record<string, string | number | boolean>;
interface Values {
  customer?: string;
  title?: string;
  requestedDate?: Dayjs;
  validUntil?: Dayjs;
  marginPct?: number;
  lines: { sku?: string; qty?: number; params?: ParamValues; unitPrice?: number; outsourcingPerUnit?: number }[];
}

const cleanParams = (params?: ParamValues) =>
  Object.fromEntries(Object.entries(params ?? {}).filter(([, v]) => v !== undefined && v !== null && v !== "")) as ParamValues;
const money = (n?: number | null) => (n === undefined || n === null ? undefined : n.toFixed(2));

export function QuoteEditor({ quoteNo, from, onSaved }: { quoteNo?: string; from?: QuoteVersion; onSaved: (quote: QuoteView) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [customers, setCustomers] = useState<{ value: string; label: string }[]>([]);
  const [items, setItems] = useState<{ value: string; label: string; schema: ParamSchema }[]>([]);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const lines = Form.useWatch("lines", form);
  const schemaOf = useMemo(() => new Map(items.map((i) => [i.value, i.schema])), [items]);

  useEffect(() => {
    if (!quoteNo)
      api<{ customers: { code: string; name: string }[] }>("GET", "/api/customers?limit=500")
        .then((r) => setCustomers(r.customers.map((c) => ({ value: c.code, label: `${c.code} · ${c.name}` }))))
        .catch(() => {});
    api<{ items: { sku: string; name: string; paramSchema: unknown }[] }>("GET", "/api/items?kind=finished&limit=500")
      .then((r) => setItems(r.items.map((i) => ({ value: i.sku, label: `${i.sku} · ${i.name}`, schema: (i.paramSchema ?? {}) as ParamSchema }))))
      .catch(() => {});
  }, [quoteNo]);

  const initial: Values = from
    ? {
        requestedDate: from.requestedDate ? dayjs(from.requestedDate) : undefined,
        validUntil: dayjs(from.validUntil),
        lines: from.lines.map((l) => ({
          sku: l.sku,
          qty: l.qty,
          params: l.params,
          unitPrice: Number(l.unitPrice),
          outsourcingPerUnit: Number(l.outsourcingCost) || undefined,
        })),
      }
    : { lines: [{ qty: 1 }] };

  const submit = async (v: Values) => {
    setBusy(true);
    setError(undefined);
    try {
      const body = {
        ...(v.requestedDate ? { requestedDate: v.requestedDate.format("YYYY-MM-DD") } : {}),
        ...(v.validUntil ? { validUntil: v.validUntil.format("YYYY-MM-DD") } : {}),
        ...(v.marginPct !== undefined && v.marginPct !== null ? { marginPct: v.marginPct } : {}),
        lines: v.lines.map((l) => ({
          sku: l.sku ?? "",
          qty: l.qty ?? 1,
          params: cleanParams(l.params),
          ...(money(l.unitPrice) ? { unitPrice: money(l.unitPrice) } : {}),
          ...(money(l.outsourcingPerUnit) ? { outsourcingPerUnit: money(l.outsourcingPerUnit) } : {}),
        })),
      };
      const headers = { "idempotency-key": crypto.randomUUID() };
      const quote = quoteNo
        ? await api<QuoteView>("POST", `/api/quotes/${quoteNo}/versions`, body, headers)
        : await api<QuoteView>("POST", "/api/quotes", { ...body, customer: v.customer, ...(v.title ? { title: v.title } : {}) }, headers);
      onSaved(quote);
    } catch (e) {
      const field = e instanceof ApiError && e.field ? ` (${e.field})` : "";
      setError(`${(e as Error).message}${field}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      size="small"
      title={quoteNo ? t("quotes.reviseTitle", { quoteNo, from: from ? `V${from.version}` : "" }) : t("quotes.newTitle")}
      data-testid="quote-editor"
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initial} requiredMark={false} size="small">
        <Space wrap align="start">
          {!quoteNo && (
            <Form.Item name="customer" label={t("quotes.customer")} rules={[{ required: true }]} style={{ minWidth: 220 }}>
              <Select showSearch options={customers} optionFilterProp="label" data-testid="quote-customer" popupMatchSelectWidth={320} />
            </Form.Item>
          )}
          {!quoteNo && (
            <Form.Item name="title" label={t("quotes.subject")} style={{ minWidth: 200 }}>
              <Input maxLength={200} />
            </Form.Item>
          )}
          <Form.Item name="requestedDate" label={t("quotes.requestedDate")}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="validUntil" label={t("quotes.validUntil")}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="marginPct" label={t("quotes.marginPct")} tooltip={t("quotes.marginHint")}>
            <InputNumber min={0} max={90} />
          </Form.Item>
        </Space>
        <Form.List name="lines">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => {
                const sku = lines?.[field.name]?.sku;
                const schema = sku ? schemaOf.get(sku) : undefined;
                return (
                  <div key={field.key} className="quick-line" data-testid="quote-line">
                    <Space align="start" wrap>
                      <Form.Item name={[field.name, "sku"]} label={t("quotes.sku")} rules={[{ required: true }]} style={{ minWidth: 220 }}>
                        <Select
                          showSearch
                          options={items}
                          optionFilterProp="label"
                          popupMatchSelectWidth={320}
                          onChange={(next: string) => form.setFieldValue(["lines", field.name, "params"], paramDefaults(schemaOf.get(next) ?? {}))}
                        />
                      </Form.Item>
                      <Form.Item name={[field.name, "qty"]} label={t("quotes.qty")} rules={[{ required: true }]}>
                        <InputNumber min={1} max={1_000_000} />
                      </Form.Item>
                      <Form.Item name={[field.name, "unitPrice"]} label={t("quotes.unitPrice")}>
                        <InputNumber min={0.01} step={1} precision={2} style={{ width: 130 }} />
                      </Form.Item>
                      <Form.Item name={[field.name, "outsourcingPerUnit"]} label={t("quotes.outsourcing")}>
                        <InputNumber min={0} step={1} precision={2} style={{ width: 110 }} />
                      </Form.Item>
                      {fields.length > 1 && (
                        <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} style={{ marginTop: 30 }} aria-label="remove" />
                      )}
                    </Space>
                    {schema && Object.keys(schema).length > 0 && (
                      <div className="quick-params">
                        <ParamFields line={field.name} schema={schema} />
                      </div>
                    )}
                  </div>
                );
              })}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ qty: 1 })} style={{ marginBottom: 12 }}>
                {t("quotes.addLine")}
              </Button>
            </>
          )}
        </Form.List>
        <div>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="quote-save">
            {t("quotes.save")}
          </Button>
        </div>
      </Form>
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 12 }} data-testid="quote-error" />}
    </Card>
  );
}
