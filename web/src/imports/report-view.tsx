// What a dry run found: counts, what a commit would create or match, the customer matches (every
// spelling in the file and the customer it goes to) and every row error with its row, column and reason.
import { DownloadOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Descriptions, Space, Statistic, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { CustomerProposals } from "./customer-proposals";
import type { AliasHandler, CustomerOutcome, ImportReport, RowError } from "./import-api";

function Counts({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const stat = (title: string, value: number, testId: string, color?: string) => (
    <Statistic title={title} value={value} valueStyle={color ? { color } : undefined} data-testid={testId} />
  );
  return (
    <Space size="large" wrap data-testid="import-counts">
      {stat(t("imports.rows"), report.rows, "count-rows")}
      {stat(t("imports.valid"), report.valid, "count-valid", "#389e0d")}
      {stat(t("imports.invalid"), report.invalid, "count-invalid", report.invalid ? "#cf1322" : undefined)}
      {report.waitingRows.length > 0 && stat(t("imports.waiting"), report.waitingRows.length, "count-waiting", "#d48806")}
      {stat(t("imports.duplicates"), report.duplicateRows.length, "count-duplicates")}
      {stat(t("imports.blank"), report.blankRows, "count-blank")}
      {stat(t("imports.totals"), report.totalRows.length, "count-totals")}
    </Space>
  );
}

function Outcome({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const things = (counts: Record<string, number>) =>
    Object.entries(counts)
      .map(([thing, n]) => `${n} ${t(`imports.things.${thing}`, { defaultValue: thing })}`)
      .join(t("imports.sep"));
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2 }} data-testid="import-outcome">
      <Descriptions.Item label={t("imports.willCreate")}>{things(report.create) || "—"}</Descriptions.Item>
      <Descriptions.Item label={t("imports.existing")}>{things(report.existing) || "—"}</Descriptions.Item>
      {report.amount !== null && <Descriptions.Item label={t("imports.amount")}>¥{report.amount}</Descriptions.Item>}
      {report.year && (
        <Descriptions.Item label={t("imports.sheet")}>
          {report.file.sheet} · {t("imports.yearFrom", { year: report.year.value, source: t(`imports.yearSource.${report.year.source}`) })}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

function Customers({ customers, onAlias }: { customers: CustomerOutcome[]; onAlias?: AliasHandler }) {
  const { t } = useTranslation();
  if (!customers.length) return null;
  return (
    <Table
      size="small"
      rowKey="code"
      data-testid="customer-matches"
      dataSource={customers}
      pagination={customers.length > 8 ? { pageSize: 8, size: "small" } : false}
      columns={[
        // A customer to be created has no code anyone knows yet: its name says it.
        { title: t("imports.customer"), key: "c", render: (_, c) => (c.action === "create" ? c.name : `${c.code} ${c.name}`) },
        {
          title: t("imports.variants"),
          key: "v",
          responsive: ["md"],
          render: (_, c) => (
            <Space size={[4, 4]} wrap>
              {c.variants.map((v) => (
                <Tag key={v}>{v}</Tag>
              ))}
            </Space>
          ),
        },
        {
          title: t("imports.matchAction"),
          key: "a",
          render: (_, c) => (
            <Space direction="vertical" size={4}>
              <Tag color={c.action === "matched" ? "green" : "gold"}>
                {t(`imports.match.${c.action}`)}
                {c.by ? ` · ${t(`imports.match.${c.by}`)}` : ""}
              </Tag>
              {onAlias && c.action === "create" && c.proposals?.length ? <CustomerProposals outcome={c} onAlias={onAlias} /> : null}
            </Space>
          ),
        },
        { title: t("imports.ordersCount"), dataIndex: "orders", width: 72, align: "right" },
      ]}
    />
  );
}

function Errors({ errors, onDownload, downloading }: { errors: RowError[]; onDownload(): void; downloading: boolean }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={t("imports.errorsTitle", { count: errors.length })}
      extra={
        <Button icon={<DownloadOutlined />} onClick={onDownload} disabled={!errors.length} loading={downloading} data-testid="download-errors" title="Alt+E">
          {t("imports.download")}
        </Button>
      }
    >
      <Table
        size="small"
        rowKey={(e) => `${e.row}-${e.field}-${e.reason}`}
        data-testid="row-errors"
        dataSource={errors}
        locale={{ emptyText: t("imports.noErrors") }}
        pagination={errors.length > 10 ? { pageSize: 10, size: "small", showSizeChanger: false } : false}
        columns={[
          { title: t("imports.row"), dataIndex: "row", width: 72, align: "right" },
          { title: t("imports.column"), key: "column", width: 140, render: (_, e) => e.column || e.field },
          { title: t("imports.value"), dataIndex: "value", width: 160, ellipsis: true },
          { title: t("imports.reason"), dataIndex: "message" },
        ]}
      />
    </Card>
  );
}

export function ReportView(props: { report: ImportReport; onDownload(): void; downloading: boolean; onAlias?: AliasHandler }) {
  const { t } = useTranslation();
  const { report } = props;
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }} data-testid="import-report">
      {report.alreadyImported && (
        <Alert
          type="info"
          showIcon
          message={t("imports.alreadyImported", {
            at: new Date(report.alreadyImported.at).toLocaleString(),
            by: report.alreadyImported.by,
            id: report.alreadyImported.importId,
          })}
        />
      )}
      <Counts report={report} />
      <Outcome report={report} />
      {report.customers.length > 0 && (
        <div>
          <Typography.Title level={5}>{t("imports.customersTitle")}</Typography.Title>
          <Customers customers={report.customers} onAlias={props.onAlias} />
        </div>
      )}
      <Errors errors={report.errors} onDownload={props.onDownload} downloading={props.downloading} />
    </Space>
  );
}
