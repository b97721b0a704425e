// The difference between two versions: the terms that changed and each line added, removed or changed.
import { Card, Empty, List, Select, Space, Tag } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/client";
import type { QuoteDiff } from "./types";

const show = (value: unknown) => (value === null || value === undefined || value === "" ? "—" : String(value));
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
    ...(diff?.terms ?? []).map((c) => ({ key: `term-${c.field}`, tag: null, text: `${field(c.field)}：${show(c.from)} → ${show(c.to)}` })),
    ...(diff?.lines ?? []).map((l, i) => {
      if (l.change === "changed")
        return {
          key: `line-${i}`,
          tag: <Tag color="blue">{t("quotes.changed")}</Tag>,
          text: `${l.sku} ${params(l.params)}：${l.fields.map((f) => `${field(f.field)} ${show(f.from)} → ${show(f.to)}`).join("；")}`,
        };
      return {
        key: `line-${i}`,
        tag: <Tag color={l.change === "added" ? "green" : "red"}>{t(`quotes.${l.change}`)}</Tag>,
        text: `${l.line.sku} ${params(l.line.params)} × ${l.line.qty} @ ${l.line.unitPrice}`,
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
