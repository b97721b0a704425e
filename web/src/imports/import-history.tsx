// Past imports and the legacy orders they brought in (GET /api/imports, GET /api/history), refreshed after a commit.
import { Card, Table, Tag } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/client";

interface PastImport {
  id: number;
  fileName: string;
  kind: string;
  sheet: string;
  createdBy: string;
  createdAt: string;
  summary: { create?: Record<string, number> };
}

interface HistoryOrder {
  orderNo: string;
  customer: { code: string; name: string };
  orderedOn: string;
  dueOn: string | null;
  deliveredOn: string | null;
  status: string;
  amount: string;
  onTime: boolean | null;
  importId: number;
}

export function ImportHistory({ version }: { version: number }) {
  const { t } = useTranslation();
  const [imports, setImports] = useState<PastImport[]>([]);
  const [orders, setOrders] = useState<HistoryOrder[]>([]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the reload signal after a commit
  useEffect(() => {
    void api<{ imports: PastImport[] }>("GET", "/api/imports?limit=10").then((r) => setImports(r.imports));
    void api<{ orders: HistoryOrder[] }>("GET", "/api/history?limit=20").then((r) => setOrders(r.orders));
  }, [version]);
  return (
    <>
      <Card size="small" title={t("imports.importsTitle")}>
        <Table
          size="small"
          rowKey="id"
          data-testid="past-imports"
          dataSource={imports}
          pagination={false}
          scroll={{ x: true }}
          columns={[
            { title: t("imports.importNo"), dataIndex: "id", width: 80 },
            { title: t("imports.fileName"), dataIndex: "fileName", ellipsis: true },
            { title: t("imports.kind"), key: "kind", width: 110, render: (_, r) => t(`imports.kinds.${r.kind}`) },
            { title: t("imports.sheet"), dataIndex: "sheet", width: 100, ellipsis: true },
            {
              title: t("imports.willCreate"),
              key: "create",
              render: (_, r) =>
                Object.entries(r.summary.create ?? {})
                  .map(([thing, n]) => `${n} ${t(`imports.things.${thing}`, { defaultValue: thing })}`)
                  .join(t("imports.sep")),
            },
            { title: t("imports.by"), dataIndex: "createdBy", width: 100 },
            { title: t("imports.at"), key: "at", width: 170, render: (_, r) => new Date(r.createdAt).toLocaleString() },
          ]}
        />
      </Card>
      <Card size="small" title={t("imports.historyTitle")}>
        <Table
          size="small"
          rowKey="orderNo"
          data-testid="history-orders"
          dataSource={orders}
          pagination={false}
          scroll={{ x: true }}
          columns={[
            { title: t("imports.orderNo"), dataIndex: "orderNo", width: 130 },
            { title: t("imports.customer"), key: "customer", ellipsis: true, render: (_, o) => o.customer.name },
            { title: t("imports.orderedOn"), dataIndex: "orderedOn", width: 110 },
            { title: t("imports.dueOn"), key: "due", width: 110, render: (_, o) => o.dueOn ?? "—" },
            { title: t("imports.deliveredOn"), key: "delivered", width: 110, render: (_, o) => o.deliveredOn ?? "—" },
            {
              title: t("imports.onTime"),
              key: "onTime",
              width: 80,
              render: (_, o) => (o.onTime === null ? "—" : <Tag color={o.onTime ? "green" : "red"}>{o.onTime ? t("imports.yes") : t("imports.no")}</Tag>),
            },
            { title: t("imports.amount"), key: "amount", width: 120, align: "right", render: (_, o) => `¥${o.amount}` },
            { title: t("imports.importNo"), dataIndex: "importId", width: 80 },
          ]}
        />
      </Card>
    </>
  );
}
