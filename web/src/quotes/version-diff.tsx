// The difference between two versions: the terms that changed and each line added, removed or changed.
import { Card, Empty, List, Select, Space, Tag } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/client";
import { yuan } from "../components/format";
import type { QuoteDiff } from "./types";

const MONEY = new Set(["priceTotal", "costTotal", "unitPrice", "unitCost"]);
/** A changed value as people read it: money in yuan, a margin in %, versions as V-numbers. */
const show = (value: unknown, field?: string) => {
  if (value === null || value === undefined || value === "") return "—";
  if (field && MONEY.has(field)) return yuan(String(value));
  if (field === "marginPct") return `${Number(value).toFixed(1)}%`;
  if (field === "bomVersion" || field === "routingVersion") return `V${value}`;
  return String(value);
};
const params = (p: Record<string, unknown>) =>
  Object.entries(p)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join("，");

export function VersionDiff({ quoteNo, versions }: { quoteNo: string; versions: number[] }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(versions[versions.length - 2] ?? versions[0]);
  const [to, setTo] = useState(versions[versions.length - 1]);
  const [diff, setDiff] = useState<QuoteDiff>();
  useEffect(() => {
    if (from === to) return setDiff(undefined);
    api<QuoteDiff>("GET", `/api/quotes/${quoteNo}/diff?from=${from}&to=${to}`)
      .then(setDiff)
      .catch(() => setDiff(undefined));
  }, [quoteNo, from, to]);
  const options = versions.map((v) => ({ value: v, label: `V${v}` }));
  const field = (f: string) => t(`quotes.fields.${f}`, { defaultValue: f });
  const rows = [
    ...(diff?.terms ?? []).map((c) => ({ key: `term-${c.field}`, tag: null, text: `${field(c.field)}：${show(c.from, c.field)} → ${show(c.to, c.field)}` })),
    ...(diff?.lines ?? []).map((l, i) => {
      if (l.change === "changed")
        return {
          key: `line-${i}`,
          tag: <Tag color="blue">{t("quotes.changed")}</Tag>,
          text: `${l.sku} ${params(l.params)}：${l.fields.map((f) => `${field(f.field)} ${show(f.from, f.field)} → ${show(f.to, f.field)}`).join("；")}`,
        };
      return {
        key: `line-${i}`,
        tag: <Tag color={l.change === "added" ? "green" : "red"}>{t(`quotes.${l.change}`)}</Tag>,
        text: `${l.line.sku} ${params(l.line.params)} × ${l.line.qty} @ ${yuan(l.line.unitPrice)}`,
      };
    }),
  ];
  return (
    <Card
      size="small"
      title={t("quotes.diff")}
      data-testid="quote-diff"
      extra={
        <Space>
          <Select size="small" value={from} options={options} onChange={setFrom} aria-label={t("quotes.diffFrom")} data-testid="diff-from" />
          →
          <Select size="small" value={to} options={options} onChange={setTo} aria-label={t("quotes.diffTo")} data-testid="diff-to" />
        </Space>
      }
    >
      {rows.length ? (
        <List
          size="small"
          dataSource={rows}
          renderItem={(r) => (
            <List.Item data-testid="diff-row">
              {r.tag} <span className="diff-text">{r.text}</span>
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("quotes.noDiff")} />
      )}
    </Card>
  );
}
