// Edit one customer: contacts, terms and addresses for sales; grade and credit for finance, with a reason.
// Sends only what changed, with If-Match; a stale save reloads the latest and says so.
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, App, Button, Divider, Drawer, Form, Input, InputNumber, Select, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../api/client";
import { useSession } from "../auth/session";
import { masterAccess } from "./access";

export interface Address {
  label: string;
  address: string;
  contact: string;
  phone: string;
}
export interface CustomerRow {
  code: string;
  name: string;
  grade: string;
  creditLimit: string;
  openReceivables: string;
  creditHeadroom: string;
  specialTerms: string;
  contactName: string;
  contactPhone: string;
  region: string;
  addresses: Address[];
  onTimeRate: number | null;
  version: number;
}
type Values = Omit<CustomerRow, "code" | "creditHeadroom" | "onTimeRate" | "version" | "creditLimit" | "openReceivables"> & {
  creditLimit: number;
  openReceivables: number;
  reason?: string;
};

const CREDIT = ["grade", "creditLimit", "openReceivables"];
const money = (n: number) => n.toFixed(2);
// The server names nested fields "addresses[0].address"; the form names them ["addresses", 0, "address"].
const formPath = (field: string) =>
  field
    .split(/[.[\]]/)
    .filter(Boolean)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));

export function CustomerForm({ customer, onClose, onSaved }: { customer: CustomerRow; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { me } = useSession();
  const credit = masterAccess(me?.roles ?? []).credit;
  const [form] = Form.useForm<Values>();
  const [current, setCurrent] = useState(customer);
  const [busy, setBusy] = useState(false);
  const [stale, setStale] = useState(false);
  const initial = (c: CustomerRow): Values => ({ ...c, creditLimit: Number(c.creditLimit), openReceivables: Number(c.openReceivables), reason: "" });
  const creditChanged = Form.useWatch(
    (v: Values) => CREDIT.some((f) => v && String(v[f as keyof Values]) !== String(initial(current)[f as keyof Values])),
    form,
  );

  const save = async (v: Values) => {
    const before = initial(current);
    const patch: Record<string, unknown> = {};
    for (const key of ["name", "contactName", "contactPhone", "region", "specialTerms", "grade"] as const) if (v[key] !== before[key]) patch[key] = v[key];
    const addresses = (v.addresses ?? []).map((a) => ({ label: a.label, address: a.address, contact: a.contact ?? "", phone: a.phone ?? "" }));
    if (JSON.stringify(addresses) !== JSON.stringify(current.addresses)) patch.addresses = addresses;
    if (v.creditLimit !== before.creditLimit) patch.creditLimit = money(v.creditLimit);
    if (v.openReceivables !== before.openReceivables) patch.openReceivables = money(v.openReceivables);
    if (!Object.keys(patch).length) {
      message.info(t("intake.customers.nothing"));
      return;
    }
    if (CREDIT.some((f) => f in patch)) patch.reason = v.reason;
    setBusy(true);
    try {
      await api("PATCH", `/api/customers/${encodeURIComponent(current.code)}`, patch, { "if-match": String(current.version) });
      message.success(t("intake.customers.saved", { name: v.name }));
      onSaved();
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        const latest = await api<CustomerRow>("GET", `/api/customers/${encodeURIComponent(current.code)}`);
        setCurrent(latest);
        form.setFieldsValue(initial(latest));
        setStale(true);
      } else if (e instanceof ApiError && e.field) {
        form.setFields([{ name: formPath(e.field) as never, errors: [e.message] }]);
      } else message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      open
      title={t("intake.customers.editTitle", { name: current.name })}
      width={Math.min(560, window.innerWidth)}
      onClose={onClose}
      data-testid="customer-form"
      extra={
        <Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="customer-save">
          {t("common.save")}
        </Button>
      }
    >
      {stale && <Alert type="warning" showIcon message={t("intake.customers.stale")} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={initial(current)} onFinish={save} requiredMark={false}>
        <Divider titlePlacement="start" plain>
          {t("intake.customers.contactsSection")}
        </Divider>
        <Form.Item name="name" label={t("intake.customers.name")} rules={[{ required: true, whitespace: true, message: t("intake.customers.required") }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Space wrap style={{ width: "100%" }}>
          <Form.Item name="contactName" label={t("intake.customers.contactName")}>
            <Input maxLength={60} data-testid="customer-contact" />
          </Form.Item>
          <Form.Item name="contactPhone" label={t("intake.customers.contactPhone")}>
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="region" label={t("intake.customers.region")}>
            <Input maxLength={60} />
          </Form.Item>
        </Space>
        <Form.Item name="specialTerms" label={t("intake.customers.specialTerms")}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.List name="addresses">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} wrap align="start" style={{ width: "100%" }} data-testid="customer-address">
                  <Form.Item
                    name={[f.name, "label"]}
                    label={t("intake.customers.addressLabel")}
                    rules={[{ required: true, message: t("intake.customers.required") }]}
                  >
                    <Input maxLength={40} style={{ width: 100 }} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, "address"]}
                    label={t("intake.customers.address")}
                    rules={[{ required: true, message: t("intake.customers.required") }]}
                  >
                    <Input maxLength={200} style={{ width: 260, maxWidth: "70vw" }} />
                  </Form.Item>
                  <Form.Item name={[f.name, "contact"]} label={t("intake.customers.contactName")}>
                    <Input maxLength={60} style={{ width: 100 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, "phone"]} label={t("intake.customers.phone")}>
                    <Input maxLength={30} style={{ width: 140 }} />
                  </Form.Item>
                  <Button
                    icon={<DeleteOutlined />}
                    onClick={() => remove(f.name)}
                    style={{ marginTop: 30 }}
                    aria-label={t("calendar.remove", { defaultValue: "remove" })}
                  />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ label: "收货地址", address: "", contact: "", phone: "" })}>
                {t("intake.customers.addAddress")}
              </Button>
            </>
          )}
        </Form.List>
        <Divider titlePlacement="start" plain>
          {t("intake.customers.creditSection")}
        </Divider>
        {!credit && <Alert type="info" showIcon message={t("intake.customers.creditReadOnly")} style={{ marginBottom: 12 }} />}
        <Space wrap style={{ width: "100%" }}>
          <Form.Item name="grade" label={t("intake.customers.grade")}>
            <Select disabled={!credit} options={["A", "B", "C", "D"].map((g) => ({ value: g, label: g }))} style={{ width: 80 }} data-testid="customer-grade" />
          </Form.Item>
          <Form.Item name="creditLimit" label={t("intake.customers.creditLimit")}>
            <InputNumber disabled={!credit} min={0} max={999_999_999_999} precision={2} prefix="¥" style={{ width: 180 }} data-testid="customer-credit-limit" />
          </Form.Item>
          <Form.Item name="openReceivables" label={t("intake.customers.openReceivables")}>
            <InputNumber disabled={!credit} min={0} max={999_999_999_999} precision={2} prefix="¥" style={{ width: 180 }} />
          </Form.Item>
        </Space>
        {credit && (
          <Form.Item
            name="reason"
            label={t("intake.customers.reason")}
            extra={t("intake.customers.reasonHint")}
            rules={[{ required: !!creditChanged, whitespace: true, message: t("intake.customers.required") }]}
          >
            <Input maxLength={200} data-testid="customer-reason" />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
