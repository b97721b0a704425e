// The sales board's quote card: the win rate of the quotes decided lately, why the others were lost,
// and the latest quotes to follow up.
import { Card, List, Progress, Space, Statistic, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { QuoteStatusTag } from "./quote-tags";
import type { QuoteListItem } from "./types";

export interface QuoteFigures {
  won: number;
  lost: number;
  open: number;
  winRate: number | null;
  days: number;
  lostReasons: { reason: string; count: number }[];
  recent: QuoteListItem[];
}

export function QuoteCard({ data }: { data?: QuoteFigures }) {
  const { t } = useTranslation();
  if (!data) return null;
  const most = Math.max(1, ...data.lostReasons.map((r) => r.count));
  return (
    <Card size="small" title={t("quotes.board.title", { days: data.days })} extra={<Link to="/quotes">{t("quotes.menu")}</Link>} data-testid="quote-card">
      <Space wrap size="large">
        <Statistic
          title={t("quotes.board.winRate")}
          value={data.winRate ?? "—"}
          suffix={data.winRate === null ? undefined : "%"}
          data-testid="quote-win-rate"
        />
        <Statistic title={t("quotes.board.won")} value={data.won} />
        <Statistic title={t("quotes.board.lost")} value={data.lost} />
        <Statistic title={t("quotes.board.open")} value={data.open} />
      </Space>
      {data.lostReasons.length > 0 && (
        <div data-testid="quote-lost-reasons" style={{ marginTop: 8 }}>
          <div>{t("quotes.board.reasons")}</div>
          {data.lostReasons.map((r) => (
            <div key={r.reason} style={{ display: "flex", gap: 8, alignItems: "center" }}>
              <span style={{ minWidth: 72 }}>{t(`quotes.reasons.${r.reason}`, { defaultValue: r.reason })}</span>
              <Progress percent={(r.count / most) * 100} showInfo={false} size="small" status="normal" strokeColor="#ff7875" style={{ flex: 1, margin: 0 }} />
              <span>{r.count}</span>
            </div>
          ))}
        </div>
      )}
      <List
        size="small"
        header={t("quotes.board.recent")}
        dataSource={data.recent}
        renderItem={(q) => (
          <List.Item>
            <Space wrap size={4}>
              <Link to={`/quotes/${q.quoteNo}`}>{q.quoteNo}</Link>
              <span>{q.customerName}</span>
              <QuoteStatusTag status={q.status} />
              {q.latest && <Tag>V{q.latest.version}</Tag>}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
