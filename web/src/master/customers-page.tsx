// Customer master kept by the business: sales keeps contacts, terms and addresses; finance the grade
// and credit, with a reason. Every save is a master-data change and reaches every open board.
import { AuditOutlined, EditOutlined } from "@ant-design/icons";
import { Button, Card, Input, Select, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/client";
import { useLiveData } from "../api/use-live-data";
import { useSession } from "../auth/session";
import { CustomerForm, type CustomerRow } from "./customer-form";
import { InvoicingForm } from "./invoicing-form";
import { yuan } from "./messages";
import { type RecordColumn, RecordList } from "./record-list";

export function CustomersPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState("");
  const [grade, setGrade] = useState<string>();
  const [editing, setEditing] = useState<CustomerRow>();
  const [invoicing, setInvoicing] = useState<string>();
  const { me } = useSession();
  const finance = (me?.roles ?? []).some((r) => r === "finance" || r === "admin");
  const query = new URLSearchParams({ limit: "500", ...(q ? { q } : {}), ...(grade ? { grade } : {}) }).toString();
  const list = useLiveData(
    () => api<{ customers: CustomerRow[] }>("GET", `/api/customers?${query}`),
    [query],
    (c) => c.kind === "master" || c.kind === "order",
  );
  const columns: RecordColumn<CustomerRow>[] = [
    {
      key: "name",
      title: t("intake.customers.name"),
      primary: true,
      render: (c) => (
        <Space size={4} wrap>
          <Typography.Text strong>{c.name}</Typography.Text>
          <Typography.Text type="secondary">{c.code}</Typography.Text>
        </Space>
      ),
    },
    { key: "grade", title: t("intake.customers.grade"), width: 64, render: (c) => <Tag color={c.grade === "D" ? "red" : undefined}>{c.grade}</Tag> },
    { key: "limit", title: t("intake.customers.creditLimit"), align: "right", width: 140, render: (c) => yuan(c.creditLimit) },
    { key: "receivables", title: t("intake.customers.openReceivables"), align: "right", width: 140, render: (c) => yuan(c.openReceivables) },
    {
      key: "headroom",
      title: t("intake.customers.headroom"),
      align: "right",
      width: 140,
      render: (c) => (
        <Typography.Text type={c.creditHeadroom.startsWith("-") ? "danger" : undefined} data-testid="headroom">
          {yuan(c.creditHeadroom)}
        </Typography.Text>
      ),
    },
    { key: "onTime", title: t("intake.customers.onTime"), width: 80, render: (c) => (c.onTimeRate === null ? "—" : `${Math.round(c.onTimeRate * 100)}%`) },
    { key: "contact", title: t("intake.customers.contact"), render: (c) => [c.contactName, c.contactPhone].filter(Boolean).join(" ") || "—" },
  ];
  return (
    <Card title={t("intake.customers.title")} size="small" data-testid="customers-page">
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t("intake.customers.search")}
          onSearch={setQ}
          style={{ width: 260, maxWidth: "100%" }}
          data-testid="customers-search"
        />
        <Select
          allowClear
          placeholder={t("intake.customers.grade")}
          value={grade}
          onChange={setGrade}
          options={["A", "B", "C", "D"].map((g) => ({ value: g, label: g }))}
          style={{ width: 100 }}
        />
      </Space>
      <RecordList
        testId="customers"
        rows={list.data?.customers ?? []}
        loading={list.loading && !list.data}
        rowKey={(c) => c.code}
        columns={columns}
        actions={(c) => (
          <Space size={4} wrap>
            <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(c)} data-testid={`edit-${c.code}`}>
              {t("intake.customers.edit")}
            </Button>
            {finance && (
              <Button size="small" icon={<AuditOutlined />} onClick={() => setInvoicing(c.code)} data-testid={`invoicing-${c.code}`}>
                {t("finance.profile.open")}
              </Button>
            )}
          </Space>
        )}
      />
      {invoicing && <InvoicingForm code={invoicing} onClose={() => setInvoicing(undefined)} />}
      {editing && <CustomerForm customer={editing} onClose={() => setEditing(undefined)} onSaved={() => void list.reload()} />}
    </Card>
  );
}
