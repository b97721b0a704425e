// Sales' quotes: the newest first with their latest version, and a new quote (customer, lines with
// parameters, dates, margin), which opens the quote once saved.
import { PlusOutlined } from "@ant-design/icons";
import { Button, Select, Space, Tag } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { api } from "../api/client";
import { yuan } from "../components/format";
import { TableCard } from "../components/table-card";
import { QuoteEditor } from "./quote-editor";
import { QuoteStatusTag } from "./quote-tags";
import type { QuoteListItem } from "./types";

export function QuotesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [quotes, setQuotes] = useState<QuoteListItem[]>();
  const [status, setStatus] = useState<"open" | "won" | "lost" | undefined>();
  const [creating, setCreating] = useState(false);
  const load = useCallback(() => {
    api<{ quotes: QuoteListItem[] }>("GET", `/api/quotes?limit=200${status ? `&status=${status}` : ""}`)
      .then((r) => setQuotes(r.quotes))
      .catch(() => setQuotes([]));
  }, [status]);
  useEffect(load, [load]);
  const columns: ColumnsType<QuoteListItem> = [
    { title: t("quotes.title"), dataIndex: "quoteNo", width: 150, render: (no: string) => <Link to={`/quotes/${no}`}>{no}</Link> },
    { title: t("quotes.customer"), dataIndex: "customerName", ellipsis: true },
    { title: t("quotes.subject"), dataIndex: "title", ellipsis: true },
    {
      title: t("quotes.statusTitle"),
      dataIndex: "status",
      width: 200,
      render: (s: string, q) => (
        <Space size={4} wrap>
          <QuoteStatusTag status={s} />
          {q.latest && (
            <Tag>
              V{q.latest.version} {t(`quotes.status.${q.latest.status}`)}
            </Tag>
          )}
        </Space>
      ),
    },
    { title: t("quotes.price"), dataIndex: "latest", width: 130, align: "right", render: (_: unknown, q) => (q.latest ? yuan(q.latest.priceTotal) : "—") },
    {
      title: t("quotes.margin"),
      dataIndex: "latest",
      width: 90,
      align: "right",
      render: (_: unknown, q) =>
        q.latest ? <span style={{ color: q.latest.belowMargin ? "#f5222d" : undefined }}>{q.latest.marginPct.toFixed(1)}%</span> : "—",
    },
    { title: t("quotes.promise"), dataIndex: "latest", width: 110, render: (_: unknown, q) => q.latest?.promiseDate ?? "—" },
  ];
  return (
    <Space direction="vertical" size={12} style={{ width: "100%" }} data-testid="quotes-page">
      {creating && <QuoteEditor onSaved={(q) => navigate(`/quotes/${q.quoteNo}`)} />}
      <TableCard
        title={t("quotes.title")}
        testId="quotes-list"
        rowKey="quoteNo"
        columns={columns}
        rows={quotes}
        empty={t("quotes.empty")}
        pageSize={15}
        extra={
          <Space wrap>
            <Select
              size="small"
              allowClear
              value={status}
              onChange={setStatus}
              style={{ width: 110 }}
              placeholder={t("quotes.statusTitle")}
              options={(["open", "won", "lost"] as const).map((s) => ({ value: s, label: t(`quotes.status.${s}`) }))}
            />
            <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="quote-new">
              {t("quotes.new")}
            </Button>
          </Space>
        }
      />
    </Space>
  );
}
