// Finance keeps a customer's invoicing profile: 购买方 name, 纳税人识别号 (checked by the server, which names
// the field), address and phone, bank and account, e-mail, default invoice type and payment days.
import { Alert, App, Button, Drawer, Form, Input, InputNumber, Select, Spin } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../api/client";
import type { Reply } from "../api/contract";

type Profile = Reply<"GET /api/customers/{code}/invoicing">;
interface Values {
  buyerName: string;
  taxId: string;
  address: string;
  phone: string;
  bankName: string;
  bankAccount: string;
  email: string;
  defaultType: "special" | "normal";
  paymentDays: number;
}

export function InvoicingForm({ code, onClose }: { code: string; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [loaded, setLoaded] = useState<Profile>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void api<Profile>("GET", `/api/customers/${encodeURIComponent(code)}/invoicing`).then((p) => {
      setLoaded(p);
      form.setFieldsValue(
        p.profile ?? {
          buyerName: p.customerName,
          taxId: "",
          address: "",
          phone: "",
          bankName: "",
          bankAccount: "",
          email: "",
          defaultType: "normal",
          paymentDays: 30,
        },
      );
    });
  }, [code, form]);
  const save = async (v: Values) => {
    setBusy(true);
    try {
      await api("PUT", `/api/customers/${encodeURIComponent(code)}/invoicing`, v);
      message.success(t("finance.profile.saved", { name: v.buyerName }));
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.field && e.field in v) form.setFields([{ name: e.field as keyof Values, errors: [e.message] }]);
      else message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const text = (name: keyof Values, max: number, testId?: string) => (
    <Form.Item name={name} label={t(`finance.profile.${name}`)}>
      <Input maxLength={max} data-testid={testId} />
    </Form.Item>
  );
  return (
    <Drawer
      open
      title={t("finance.profile.title", { name: loaded?.customerName ?? code })}
      width={Math.min(520, window.innerWidth)}
      onClose={onClose}
      data-testid="invoicing-form"
      extra={
        <Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="invoicing-save">
          {t("common.save")}
        </Button>
      }
    >
      {!loaded ? (
        <Spin />
      ) : (
        <Form form={form} layout="vertical" onFinish={save} requiredMark={false}>
          {!loaded.profile && <Alert type="info" showIcon message={t("finance.profile.none")} style={{ marginBottom: 12 }} />}
          <Form.Item
            name="buyerName"
            label={t("finance.profile.buyerName")}
            rules={[{ required: true, whitespace: true, message: t("intake.customers.required") }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          {text("taxId", 20, "invoicing-tax-id")}
          <Form.Item name="defaultType" label={t("finance.profile.defaultType")}>
            <Select options={(["special", "normal"] as const).map((v) => ({ value: v, label: t(`finance.type.${v}`) }))} />
          </Form.Item>
          {text("address", 100)}
          {text("phone", 60)}
          {text("bankName", 100)}
          {text("bankAccount", 100)}
          {text("email", 100)}
          <Form.Item name="paymentDays" label={t("finance.profile.paymentDays")}>
            <InputNumber min={0} max={365} />
          </Form.Item>
        </Form>
      )}
    </Drawer>
  );
}
