// The orders list: filters, keyboard navigation (/ to search, ↑↓ or j/k, Enter to open), paging, Excel export.
import { DownloadOutlined, ThunderboltFilled } from "@ant-design/icons";
import { App, Button, Card, type InputRef, Space, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import dayjs from "dayjs";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/client";
import type { OrderHeader } from "../api/types";
import { useLiveData } from "../api/use-live-data";
import { useSession } from "../auth/session";
import { ownerLabel, yuan } from "../components/format";
import { OrderTable } from "../components/order-table";
import { StatusTag } from "../components/status-tag";
import { useNarrow } from "../components/use-narrow";
import { BatchReschedule } from "./batch-reschedule";
import { BulkActions } from "./bulk-actions";
import { exportToExcel } from "./export-excel";
import { DateCell, mayEdit, NoteCell } from "./inline-edit";
import { OrderDrawer } from "./order-drawer";
import { EMPTY_FILTER, type Filter, OrdersFilterBar, queryOf } from "./orders-filter";

const OPEN = ["draft", "confirmed", "scheduled", "in_production", "ready", "on_hold"];
const isOpen = (o: OrderHeader) => OPEN.includes(o.status);
/** Who may batch-reschedule: mirrors the server's `orders.reschedule` grant, which decides. */
const RESCHEDULERS = ["planner", "sales", "admin"];

export function OrdersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const roles = useSession().me?.roles ?? [];
  const saved = () => {
    message.success(t("orders.saved"));
    void list.reload();
  };
  const failed = (text: string) => {
    message.error(text);
    void list.reload();
  };
  const [filter, setFilter] = useState<Filter>(EMPTY_FILTER);
  const [extra, setExtra] = useState<OrderHeader[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState<string>();
  const [ticked, setTicked] = useState<string[]>([]);
  const search = useRef<InputRef>(null);
  // A phone: cards (number, stage, customer, promise, owner) instead of the wide editable table.
  const [frame, narrow] = useNarrow<HTMLDivElement>(720);
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
      width: 160,
      fixed: "left",
      render: (no: string, o) => (
        <span className="nowrap">
          <Typography.Link onClick={() => setOpen(no)}>{no}</Typography.Link>
          {o.rush && <ThunderboltFilled style={{ color: "#f5222d", marginLeft: 2 }} title={t("order.rush")} aria-label={t("order.rush")} />}
        </span>
      ),
    },
    {
      title: t("order.customer"),
      dataIndex: "customer",
      ellipsis: true,
      render: (c: string, o) => <span title={c}>{o.customerName ? `${o.customerName} · ${c}` : c}</span>,
    },
    { title: t("order.status"), dataIndex: "status", render: (s: string) => <StatusTag status={s} /> },
    {
      title: t("order.requestedDate"),
      dataIndex: "requestedDate",
      width: 130,
      render: (_: unknown, o) => <DateCell order={o} editable={mayEdit(roles, "requestedDate") && isOpen(o)} onSaved={saved} onError={failed} />,
    },
    { title: t("order.promisedDate"), dataIndex: "promisedDate", render: (d: string | null) => d ?? "—" },
    { title: t("order.amount"), dataIndex: "totalAmount", align: "right", render: (a: string) => yuan(a) },
    { title: t("order.owner"), render: (_, o) => ownerLabel(t, o.owner) },
    {
      title: t("order.note"),
      dataIndex: "note",
      width: 200,
      render: (_: unknown, o) => <NoteCell order={o} editable={mayEdit(roles, "note")} onSaved={saved} onError={failed} />,
    },
    {
      title: t("order.createdAt"),
      dataIndex: "createdAt",
      width: 150,
      render: (d: string) => <span className="nowrap">{dayjs(d).format("YYYY-MM-DD HH:mm")}</span>,
    },
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
      <OrdersFilterBar filter={filter} onChange={setFilter} searchRef={search} />
      <BulkActions
        orders={rows.filter((o) => ticked.includes(o.orderNo))}
        onDone={() => {
          setTicked([]);
          void list.reload();
        }}
      >
        {roles.some((r) => RESCHEDULERS.includes(r)) && (
          <BatchReschedule
            orderNos={ticked}
            onDone={() => {
              setTicked([]);
              void list.reload();
            }}
          />
        )}
      </BulkActions>
      <div ref={frame}>
        {narrow ? (
          <OrderTable orders={rows} pageSize={rows.length + 1} testId="orders-table" selected={ticked} onSelect={setTicked} />
        ) : (
          <Table
            rowSelection={{ selectedRowKeys: ticked, onChange: (keys) => setTicked(keys as string[]) }}
            rowKey="orderNo"
            size="small"
            columns={columns}
            dataSource={rows}
            loading={list.loading}
            pagination={false}
            scroll={{ x: 1150, y: "calc(100vh - 300px)" }}
            rowClassName={(_, i) => (i === active ? "ant-table-row-selected" : "")}
            onRow={(o, i) => ({ onClick: () => setActive(i ?? 0), onDoubleClick: () => setOpen(o.orderNo) })}
            data-testid="orders-table"
          />
        )}
      </div>
      <Space style={{ marginTop: 12 }}>
        <Typography.Text type="secondary">{t("common.total", { count: rows.length })}</Typography.Text>
        {cursor && <Button onClick={() => void more()}>{t("orders.more")}</Button>}
      </Space>
      {open && <OrderDrawer orderNo={open} onClose={() => setOpen(undefined)} />}
    </Card>
  );
}
