// The rows behind a figure: orders (number opens the order), deliveries, master-data changes or
// disagreements, paged on the server. Esc closes; every order number and pager button takes the keyboard.

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Alert, Drawer, Table, Tag } from "antd";
import type { ColumnsType } from "antd/es/table";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/client";
import { StatusTag } from "../components/status-tag";
import { OrderLink } from "../orders/order-drawer";
import { type DrillTarget, drillPath, drillRows } from "./drill";

const PAGE_SIZE = 20;
type Row = Record<string, unknown>;

function useColumns(target: DrillTarget): ColumnsType<Row> {
  const { t } = useTranslation();
  const d = (key: string) => t(`management.drill.${key}`);
  const yesNo = (v: unknown) => (v === null || v === undefined ? "—" : v ? <Tag color="green">{d("yes")}</Tag> : <Tag color="red">{d("no")}</Tag>);
  const time = (v: unknown) => <span className="nowrap">{dayjs(String(v)).format("YYYY-MM-DD HH:mm")}</span>;
  const order = { title: d("orderNo"), dataIndex: "orderNo", render: (no: string | null) => (no ? <OrderLink orderNo={no} /> : "—") };
  const customer = { title: d("customer"), dataIndex: "customer" };
  const rush = { title: d("rush"), dataIndex: "rush", render: (r: boolean) => (r ? <Tag color="red">{d("rush")}</Tag> : "") };
  switch (target.kind) {
    case "dwell":
      return [
        order,
        customer,
        { title: d("grade"), dataIndex: "grade" },
        rush,
        { title: d("startedAt"), dataIndex: "startedAt", render: time },
        { title: d("doneAt"), dataIndex: "doneAt", render: time },
        { title: d("hours"), dataIndex: "hours", align: "right" },
        { title: d("heldHours"), dataIndex: "heldHours", align: "right" },
      ];
    case "stuck":
      return [
        order,
        customer,
        rush,
        { title: t("management.dwell.status"), dataIndex: "status", render: (s: string) => <StatusTag status={s} /> },
        { title: t("management.dwell.since"), dataIndex: "since", render: time },
        { title: t("management.dwell.waited"), dataIndex: "hours", align: "right" },
      ];
    case "onTime":
      return [
        order,
        customer,
        { title: d("source"), dataIndex: "source", render: (s: string) => t(`management.drill.sources.${s}`, { defaultValue: s }) },
        { title: d("deliveredOn"), dataIndex: "deliveredOn" },
        { title: d("promisedDate"), dataIndex: "promisedDate", render: (v: string | null) => v ?? "—" },
        { title: d("requestedDate"), dataIndex: "requestedDate", render: (v: string | null) => v ?? "—" },
        { title: d("dueDate"), dataIndex: "dueDate", render: (v: string | null | undefined) => v ?? "—" },
        { title: t("management.onTime.promised"), dataIndex: "onTimePromised", render: yesNo },
        { title: t("management.onTime.requested"), dataIndex: "onTimeRequested", render: yesNo },
      ];
    case "autonomy":
      return [
        { title: t("management.autonomy.entity"), dataIndex: "entity", render: (e: string) => t(`management.autonomy.entities.${e}`, { defaultValue: e }) },
        { title: d("key"), dataIndex: "key" },
        { title: d("actor"), dataIndex: "actor" },
        { title: d("class"), dataIndex: "class", render: (c: string) => t(`management.autonomy.classes.${c}`, { defaultValue: c }) },
        { title: d("at"), dataIndex: "at", render: time },
      ];
    case "agreement":
      return [
        order,
        { title: t("management.dwell.status"), dataIndex: "status", render: (s: string) => <StatusTag status={s} /> },
        { title: t("management.agreement.cause"), dataIndex: "cause", render: (c: string) => t(`management.agreement.causes.${c}`, { defaultValue: c }) },
        { title: t("management.agreement.detail"), dataIndex: "detail" },
      ];
    case "ruleFailures":
      return [
        order,
        { title: d("type"), dataIndex: "type", render: (a: string) => t(`rules.actionTypes.${a}`, { defaultValue: a }) },
        { title: d("error"), dataIndex: "error" },
      ];
  }
}

export function DrillDrawer({ target, onClose }: { target: DrillTarget; onClose(): void }) {
  const { t } = useTranslation();
  const columns = useColumns(target);
  const [page, setPage] = useState(1);
  const path = target.kind === "ruleFailures" ? undefined : drillPath(target, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const query = useQuery({
    queryKey: ["drill", path],
    queryFn: () => api<Row>("GET", path ?? "").then(drillRows),
    enabled: path !== undefined,
    placeholderData: keepPreviousData,
  });
  const data = target.kind === "ruleFailures" ? { rows: target.failures.map((f, i) => ({ ...f, key: i })) as Row[], total: undefined } : query.data;
  const error = query.error?.message;
  const loading = query.isFetching;
  const rows = (data?.rows ?? []).map((r, i) => ({ key: String(r.id ?? `${r.orderNo ?? ""}|${r.cause ?? ""}|${r.source ?? ""}|${i}`), ...r }));
  return (
    <Drawer open title={t("management.drill.title", { what: target.label })} width={820} onClose={onClose} data-testid="drill-drawer">
      {error && <Alert type="error" showIcon message={t("common.error", { message: error })} />}
      <Table
        size="small"
        columns={columns}
        dataSource={rows}
        loading={loading}
        scroll={{ x: 720 }}
        pagination={
          data?.total !== undefined
            ? { current: page, pageSize: PAGE_SIZE, total: data.total, onChange: setPage, showSizeChanger: false, size: "small" }
            : false
        }
        data-testid="drill-table"
      />
      {data?.total !== undefined && <span data-testid="drill-total">{t("common.total", { count: data.total })}</span>}
    </Drawer>
  );
}
