// The orders list's filter bar: search, status, customer, dates, and saved views (mine and shared).
import { DeleteOutlined, SaveOutlined } from "@ant-design/icons";
import { App, Button, Checkbox, DatePicker, Input, type InputRef, Modal, Select, Space, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { type RefObject, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/client";
import { useLiveData } from "../api/use-live-data";

export interface Filter {
  q: string;
  status: string[];
  customer: string;
  range: [Dayjs | null, Dayjs | null] | null;
}
export const EMPTY_FILTER: Filter = { q: "", status: [], customer: "", range: null };

const STATUSES = ["draft", "confirmed", "scheduled", "in_production", "ready", "shipped", "delivered", "closed", "on_hold", "cancelled"];

interface SavedView {
  id: number;
  name: string;
  owner: string;
  mine: boolean;
  shared: boolean;
  filter: { q?: string; status?: string[]; customer?: string; from?: string; to?: string };
}

export function queryOf(f: Filter, cursor?: string) {
  const p = new URLSearchParams({ limit: "100" });
  if (f.q) p.set("q", f.q);
  if (f.status.length) p.set("status", f.status.join(","));
  if (f.customer) p.set("customer", f.customer);
  if (f.range?.[0]) p.set("from", f.range[0].format("YYYY-MM-DD"));
  if (f.range?.[1]) p.set("to", f.range[1].format("YYYY-MM-DD"));
  if (cursor) p.set("cursor", cursor);
  return `/api/orders?${p}`;
}

const toSaved = (f: Filter): SavedView["filter"] => ({
  ...(f.q ? { q: f.q } : {}),
  ...(f.status.length ? { status: f.status } : {}),
  ...(f.customer ? { customer: f.customer } : {}),
  ...(f.range?.[0] ? { from: f.range[0].format("YYYY-MM-DD") } : {}),
  ...(f.range?.[1] ? { to: f.range[1].format("YYYY-MM-DD") } : {}),
});
const fromSaved = (v: SavedView["filter"]): Filter => ({
  q: v.q ?? "",
  status: v.status ?? [],
  customer: v.customer ?? "",
  range: v.from || v.to ? [v.from ? dayjs(v.from) : null, v.to ? dayjs(v.to) : null] : null,
});

export function OrdersFilterBar({ filter, onChange, searchRef }: { filter: Filter; onChange(f: Filter): void; searchRef: RefObject<InputRef | null> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [text, setText] = useState(filter.q);
  const [saving, setSaving] = useState(false);
  const [name, setName] = useState("");
  const [shared, setShared] = useState(false);
  const [current, setCurrent] = useState<number>();
  const views = useLiveData(
    () => api<{ views: SavedView[] }>("GET", "/api/views?list=orders").then((r) => r.views),
    [],
    () => false,
  );
  useEffect(() => setText(filter.q), [filter.q]);

  const save = async () => {
    try {
      const view = await api<SavedView>("POST", "/api/views", { list: "orders", name: name.trim(), filter: toSaved(filter), shared });
      message.success(t("orders.viewSaved", { name: view.name }));
      setSaving(false);
      setCurrent(view.id);
      await views.reload();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const remove = async (view: SavedView) => {
    try {
      await api("DELETE", `/api/views/${view.id}`);
      if (current === view.id) setCurrent(undefined);
      await views.reload();
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  return (
    <Space wrap style={{ marginBottom: 12 }}>
      <Select
        placeholder={t("orders.views")}
        allowClear
        style={{ width: 180 }}
        value={current}
        data-testid="saved-views"
        onChange={(id?: number) => {
          setCurrent(id);
          const view = views.data?.find((v) => v.id === id);
          onChange(view ? fromSaved(view.filter) : EMPTY_FILTER);
        }}
        options={(views.data ?? []).map((v) => ({
          value: v.id,
          label: (
            <Space size={4}>
              {v.name}
              {!v.mine && <Typography.Text type="secondary">· {v.owner}</Typography.Text>}
              {v.mine && (
                <DeleteOutlined
                  aria-label={t("rules.removeAction")}
                  onClick={(e) => {
                    e.stopPropagation();
                    void remove(v);
                  }}
                />
              )}
            </Space>
          ),
        }))}
      />
      <Input.Search
        ref={searchRef}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={t("orders.search")}
        allowClear
        style={{ width: 300 }}
        onSearch={(q) => onChange({ ...filter, q: q.trim() })}
        data-testid="orders-search"
      />
      <Select
        mode="multiple"
        allowClear
        placeholder={t("orders.statusFilter")}
        style={{ minWidth: 180 }}
        value={filter.status}
        options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        onChange={(status: string[]) => onChange({ ...filter, status })}
      />
      <Input
        placeholder={t("orders.customerFilter")}
        allowClear
        style={{ width: 130 }}
        value={filter.customer}
        onChange={(e) => onChange({ ...filter, customer: e.target.value.trim() })}
      />
      <DatePicker.RangePicker value={filter.range} allowEmpty={[true, true]} onChange={(range) => onChange({ ...filter, range: range as Filter["range"] })} />
      <Button icon={<SaveOutlined />} onClick={() => setSaving(true)} data-testid="save-view">
        {t("orders.saveView")}
      </Button>
      <Typography.Text type="secondary">{t("orders.keys")}</Typography.Text>
      <Modal open={saving} title={t("orders.saveView")} onCancel={() => setSaving(false)} onOk={() => void save()} okButtonProps={{ disabled: !name.trim() }}>
        <Space direction="vertical" style={{ width: "100%" }}>
          <Input placeholder={t("orders.viewName")} value={name} maxLength={60} onChange={(e) => setName(e.target.value)} id="view-name" />
          <Checkbox checked={shared} onChange={(e) => setShared(e.target.checked)}>
            {t("orders.shareView")}
          </Checkbox>
        </Space>
      </Modal>
    </Space>
  );
}
