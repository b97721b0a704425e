// The orders list: filters, keyboard navigation (/ to search, ↑↓ or j/k, Enter to open), paging, Excel export.
import { DownloadOutlined } from "@ant-design/icons";
import { App, Button, Card, DatePicker, Input, type InputRef, Select, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import type { Dayjs } from "dayjs";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/client";
import type { OrderHeader } from "../api/types";
import { useLiveData } from "../api/use-live-data";
import { StatusTag } from "../components/status-tag";
import { exportToExcel } from "./export-excel";
import { OrderDrawer } from "./order-drawer";

const STATUSES = ["draft", "confirmed", "scheduled", "in_production", "ready", "shipped", "delivered", "closed", "on_hold", "cancelled"];

interface Filter {
  q: string;
  status: string[];
  customer: string;
  range: [Dayjs | null, Dayjs | null] | null;
}

function queryOf(f: Filter, cursor?: string) {
  const p = new URLSearchParams({ limit: "100" });
  if (f.q) p.set("q", f.q);
  if (f.status.length) p.set("status", f.status.join(","));
  if (f.customer) p.set("customer", f.customer);
  if (f.range?.[0]) p.set("from", f.range[0].format("YYYY-MM-DD"));
  if (f.range?.[1]) p.set("to", f.range[1].format("YYYY-MM-DD"));
  if (cursor) p.set("cursor", cursor);
  return `/api/orders?${p}`;
}

export function OrdersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<Filter>({ q: "", status: [], customer: "", range: null });
  const [extra, setExtra] = useState<OrderHeader[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState<string>();
  const search = useRef<InputRef>(null);
  const list = useLiveData(async () => {
    const page = await api<{ orders: OrderHeader[]; nextCursor: string | null }>("GET", queryOf(filter));
    setExtra([]);
    setCursor(page.nextCursor);
    return page.orders;
  }, [filter]);
  const rows = [...(list.data ?? []), ...extra];

  const more = async () => {
    if (!cursor) return;
    const page = await api<{ orders: OrderHeader[]; nextCursor: string | null }>("GET", queryOf(filter, cursor));
    setExtra((e) => [...e, ...page.orders]);
    setCursor(page.nextCursor);
  };

  const keys = useRef({ rows, active, open });
  keys.current = { rows, active, open };
  // One listener for the page's life; it reads the current rows through the ref.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const { rows, active, open } = keys.current;
      const typing = (e.target as HTMLElement).closest("input, textarea, [contenteditable]");
      if (e.key === "/" && !typing) {
        e.preventDefault();
        search.current?.focus();
        return;
      }
      if (typing || open) return;
      if (e.key === "ArrowDown" || e.key === "j") setActive((i) => Math.min(i + 1, rows.length - 1));
      else if (e.key === "ArrowUp" || e.key === "k") setActive((i) => Math.max(i - 1, 0));
      else if (e.key === "Enter" && rows[active]) setOpen(rows[active].orderNo);
      else return;
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const columns: ColumnsType<OrderHeader> = [
    {
      title: t("order.orderNo"),
      dataIndex: "orderNo",
      render: (no: string, o) => (
        <Space size={4}>
          <Typography.Link onClick={() => setOpen(no)}>{no}</Typography.Link>
          {o.rush && <Tag color="red">{t("order.rush")}</Tag>}
        </Space>
      ),
    },
    { title: t("order.customer"), dataIndex: "customer" },
    { title: t("order.status"), dataIndex: "status", render: (s: string) => <StatusTag status={s} /> },
    { title: t("order.requestedDate"), dataIndex: "requestedDate", render: (d: string | null) => d ?? "—" },
    { title: t("order.promisedDate"), dataIndex: "promisedDate", render: (d: string | null) => d ?? "—" },
    { title: t("order.amount"), dataIndex: "totalAmount", align: "right", render: (a: string) => `¥${Number(a).toLocaleString()}` },
    { title: t("order.owner"), render: (_, o) => o.owner.user ?? (o.owner.role ? t(`roles.${o.owner.role}`) : "—") },
    { title: t("order.createdAt"), dataIndex: "createdAt", render: (d: string) => new Date(d).toLocaleString() },
  ];

  const exportRows = async () => {
    await exportToExcel(
      `orders-${new Date().toISOString().slice(0, 10)}.xlsx`,
      t("orders.title"),
      [
        { header: t("order.orderNo"), value: (o: OrderHeader) => o.orderNo, width: 18 },
        { header: t("order.customer"), value: (o) => o.customer },
        { header: t("order.status"), value: (o) => t(`status.${o.status}`) },
        { header: t("order.requestedDate"), value: (o) => o.requestedDate },
        { header: t("order.promisedDate"), value: (o) => o.promisedDate },
        { header: t("order.amount"), value: (o) => Number(o.totalAmount) },
        { header: t("order.rush"), value: (o) => (o.rush ? "Y" : "") },
        { header: t("order.owner"), value: (o) => o.owner.user ?? o.owner.role },
        { header: t("order.createdAt"), value: (o) => o.createdAt, width: 24 },
      ],
      rows,
    );
    message.success(t("orders.exported", { count: rows.length }));
  };

  return (
    <Card
      title={t("orders.title")}
      size="small"
      extra={
        <Button icon={<DownloadOutlined />} onClick={() => void exportRows()} disabled={!rows.length} data-testid="export-excel">
          {t("orders.export")}
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          ref={search}
          placeholder={t("orders.search")}
          allowClear
          style={{ width: 320 }}
          onSearch={(q) => setFilter((f) => ({ ...f, q: q.trim() }))}
          data-testid="orders-search"
        />
        <Select
          mode="multiple"
          allowClear
          placeholder={t("orders.statusFilter")}
          style={{ minWidth: 200 }}
          options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          onChange={(status: string[]) => setFilter((f) => ({ ...f, status }))}
        />
        <Input
          placeholder={t("orders.customerFilter")}
          allowClear
          style={{ width: 140 }}
          onChange={(e) => setFilter((f) => ({ ...f, customer: e.target.value.trim() }))}
        />
        <DatePicker.RangePicker onChange={(range) => setFilter((f) => ({ ...f, range: range as Filter["range"] }))} />
        <Typography.Text type="secondary">{t("orders.keys")}</Typography.Text>
      </Space>
      <Table
        rowKey="orderNo"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={list.loading}
        pagination={false}
        scroll={{ y: "calc(100vh - 300px)" }}
        rowClassName={(_, i) => (i === active ? "ant-table-row-selected" : "")}
        onRow={(o, i) => ({ onClick: () => setActive(i ?? 0), onDoubleClick: () => setOpen(o.orderNo) })}
        data-testid="orders-table"
      />
      <Space style={{ marginTop: 12 }}>
        <Typography.Text type="secondary">{t("common.total", { count: rows.length })}</Typography.Text>
        {cursor && <Button onClick={() => void more()}>{t("orders.more")}</Button>}
      </Space>
      {open && <OrderDrawer orderNo={open} onClose={() => setOpen(undefined)} />}
    </Card>
  );
}
