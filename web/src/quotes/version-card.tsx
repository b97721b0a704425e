// One version of a quote: its figures (price, cost, margin against the floor, promise and until when),
// the date it holds in the plan and until when (plant time), its lines with what they were costed on, and
// what can be done with it now (send, send and hold the date, approve, convert).
import { Alert, Button, Card, Descriptions, Popconfirm, Space, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useTranslation } from "react-i18next";
import { plantClock, plantDateTime, yuan } from "../components/format";
import { TableCard } from "../components/table-card";
import { QuoteStatusTag } from "./quote-tags";
import type { QuoteLine, QuoteVersion } from "./types";

export interface VersionActions {
  send?: () => void;
  /** Send, and hold the promised date in the plan while the promise is valid. */
  sendAndHold?: () => void;
  approve?: () => void;
  convert?: () => void;
  revise?: () => void;
}

export function VersionCard({ quoteNo, version, actions, busy }: { quoteNo: string; version: QuoteVersion; actions: VersionActions; busy: boolean }) {
  const { t } = useTranslation();
  const v = version;
  const label = `V${v.version}`;
  const columns: ColumnsType<QuoteLine> = [
    { title: t("quotes.versionLine.item"), dataIndex: "itemName", ellipsis: true, render: (name: string, l) => <span title={l.sku}>{name}</span> },
    {
      title: t("quotes.versionLine.params"),
      dataIndex: "params",
      render: (p: Record<string, unknown>) =>
        Object.entries(p)
          .map(([k, val]) => `${k}=${String(val)}`)
          .join("，") || "—",
    },
    { title: t("quotes.versionLine.qty"), dataIndex: "qty", width: 70, align: "right" },
    {
      title: t("quotes.versionLine.versions"),
      dataIndex: "bomVersion",
      width: 110,
      render: (_: unknown, l) => `BOM V${l.bomVersion ?? "—"} / ${l.routingVersion === null ? "—" : `R${l.routingVersion}`}`,
    },
    { title: t("quotes.versionLine.unitCost"), dataIndex: "unitCost", width: 110, align: "right", render: (s: string) => yuan(s) },
    { title: t("quotes.versionLine.unitPrice"), dataIndex: "unitPrice", width: 110, align: "right", render: (s: string) => yuan(s) },
    { title: t("quotes.versionLine.amount"), dataIndex: "amount", width: 120, align: "right", render: (s: string) => yuan(s) },
  ];
  const conversion = v.conversion as { orderNo?: string } | null;
  return (
    <Card
      size="small"
      data-testid={`quote-version-${v.version}`}
      title={
        <Space wrap>
          <strong>{label}</strong>
          <QuoteStatusTag status={v.status} />
          {v.belowMargin && <Tag color="red">{t("quotes.below")}</Tag>}
        </Space>
      }
      extra={
        <Space wrap>
          {actions.revise && (
            <Button size="small" onClick={actions.revise} data-testid="quote-revise">
              {t("quotes.revise")}
            </Button>
          )}
          <Button size="small" href={`/api/quotes/${encodeURIComponent(quoteNo)}/versions/${v.version}/pdf`} target="_blank">
            {t("quotes.pdf")}
          </Button>
        </Space>
      }
    >
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
        <Descriptions.Item label={t("quotes.price")}>
          <span data-testid="version-price">{yuan(v.priceTotal)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t("quotes.cost")}>{yuan(v.costTotal)}</Descriptions.Item>
        <Descriptions.Item label={t("quotes.margin")}>
          <span style={{ color: v.belowMargin ? "#f5222d" : undefined }}>
            {v.marginPct.toFixed(1)}% <Typography.Text type="secondary">（{t("quotes.floor", { floor: v.marginFloorPct })}）</Typography.Text>
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t("quotes.promise")}>
          <span data-testid="version-promise">{v.promise.date ?? t("quotes.noPromise")}</span>
          <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
            {t("quotes.promiseUntil", { date: v.promise.validUntil })}
          </Typography.Text>
        </Descriptions.Item>
        {v.hold && (
          <Descriptions.Item label={t("quotes.holdLabel")}>
            <Tag color={v.hold.status === "held" ? "blue" : "default"} style={{ whiteSpace: "normal" }} data-testid="version-hold">
              {t(`quotes.holdStatus.${v.hold.status}`, { date: v.hold.heldDate, expires: plantClock(v.hold.expiresAt), orderNo: v.hold.orderNo ?? "" })}
            </Tag>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t("quotes.validUntil")}>{v.validUntil}</Descriptions.Item>
        {v.requestedDate && <Descriptions.Item label={t("quotes.requestedDate")}>{v.requestedDate}</Descriptions.Item>}
        <Descriptions.Item label={t("quotes.createdBy")}>{t("quotes.by", { name: v.createdBy, at: plantDateTime(v.createdAt) })}</Descriptions.Item>
        {v.sentBy && v.sentAt && (
          <Descriptions.Item label={t("quotes.status.sent")}>{t("quotes.by", { name: v.sentBy, at: plantDateTime(v.sentAt) })}</Descriptions.Item>
        )}
      </Descriptions>
      {v.approval.state === "pending" && (
        <Alert type="warning" showIcon message={t("quotes.pending")} style={{ marginBottom: 8 }} data-testid="quote-pending" />
      )}
      {v.approval.state === "approved" && v.status === "draft" && (
        <Alert type="success" showIcon message={t("quotes.approved", { name: v.approval.approvedBy ?? "" })} style={{ marginBottom: 8 }} />
      )}
      {conversion?.orderNo && <Alert type="success" showIcon message={t("quotes.converted", { orderNo: conversion.orderNo })} style={{ marginBottom: 8 }} />}
      <TableCard title={null} rowKey="lineNo" columns={columns} rows={v.lines} testId={`version-lines-${v.version}`} />
      <Space wrap style={{ marginTop: 8 }}>
        {actions.send && (
          <Button type="primary" onClick={actions.send} loading={busy} data-testid="quote-send">
            {t("quotes.send")}
          </Button>
        )}
        {actions.sendAndHold && (
          <Button onClick={actions.sendAndHold} loading={busy} data-testid="quote-send-hold">
            {t("quotes.sendAndHold")}
          </Button>
        )}
        {actions.approve && (
          <Button onClick={actions.approve} loading={busy} data-testid="quote-approve">
            {t("quotes.approve")}
          </Button>
        )}
        {actions.convert && (
          <Popconfirm title={t("quotes.convertConfirm", { version: label })} onConfirm={actions.convert}>
            <Button type="primary" loading={busy} data-testid="quote-convert">
              {t("quotes.convert")}
            </Button>
          </Popconfirm>
        )}
      </Space>
    </Card>
  );
}
