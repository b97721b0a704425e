// What purchasing chases: lines the supplier has not confirmed (red after two days), and late lines with
// the customer orders they hold up.
import { FileExcelOutlined, FilePdfOutlined } from "@ant-design/icons";
import { Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { TableCard } from "../components/table-card";
import { OrderLink } from "../orders/order-drawer";
import { ConfirmLine } from "./confirm-line";
import { ImportConfirmations } from "./import-confirmations";
import type { LateLine, WatchLine } from "./types";

export function ConfirmationsCard({ lines, onDone }: { lines?: WatchLine[]; onDone(): void }) {
  const { t } = useTranslation();
  return (
    <TableCard
      title={t("purchasing.unconfirmed")}
      testId="unconfirmed"
      extra={<ImportConfirmations onDone={onDone} />}
      rowKey={(l) => `${l.poNo}/${l.line}`}
      rows={lines}
      empty={t("purchasing.allConfirmed")}
      pageSize={6}
      columns={[
        { title: t("purchasing.poLine"), width: 150, render: (_, l) => <span className="nowrap">{`${l.poNo} #${l.line}`}</span> },
        {
          title: t("order.sku"),
          ellipsis: true,
          render: (_, l) => (
            <span title={`${l.sku} · ${l.supplier.name}`}>
              {l.name} × {l.open}
            </span>
          ),
        },
        { title: t("purchasing.requested"), dataIndex: "requestedDate", width: 104 },
        {
          title: t("purchasing.waiting"),
          width: 90,
          render: (_, l) =>
            l.overdue ? <Tag color="red">{t("purchasing.days", { count: l.daysWaiting })}</Tag> : t("purchasing.days", { count: l.daysWaiting }),
        },
        {
          title: "",
          width: 150,
          render: (_, l) => (
            <Space size={4}>
              <PoDocuments poNo={l.poNo} />
              <ConfirmLine line={l} onDone={onDone} />
            </Space>
          ),
        },
      ]}
    />
  );
}

/** The order as the supplier gets it: PDF and Excel. */
function PoDocuments({ poNo }: { poNo: string }) {
  const { t } = useTranslation();
  return (
    <span className="nowrap">
      <a href={`/api/purchase-orders/${poNo}/pdf`} target="_blank" rel="noreferrer" title={t("purchasing.pdf")} aria-label={t("purchasing.pdf")}>
        <FilePdfOutlined />
      </a>{" "}
      <a href={`/api/purchase-orders/${poNo}/xlsx`} title={t("purchasing.xlsx")} aria-label={t("purchasing.xlsx")}>
        <FileExcelOutlined />
      </a>
    </span>
  );
}

export function LateLinesCard({ lines, onDone }: { lines?: LateLine[]; onDone(): void }) {
  const { t } = useTranslation();
  return (
    <TableCard
      title={t("purchasing.late")}
      testId="late-lines"
      rowKey={(l) => `${l.poNo}/${l.line}`}
      rows={lines}
      empty={t("purchasing.noneLate")}
      pageSize={6}
      columns={[
        { title: t("purchasing.poLine"), width: 150, render: (_, l) => <span className="nowrap">{`${l.poNo} #${l.line}`}</span> },
        {
          title: t("order.sku"),
          ellipsis: true,
          render: (_, l) => (
            <span title={`${l.sku} · ${l.supplier.name}`}>
              {l.name} × {l.open}
            </span>
          ),
        },
        { title: t("purchasing.expected"), dataIndex: "expectedDate", width: 104 },
        { title: t("purchasing.daysLate"), width: 80, render: (_, l) => <Tag color="red">{t("purchasing.days", { count: l.daysLate })}</Tag> },
        {
          title: t("purchasing.holdsUp"),
          render: (_, l) =>
            l.orders.length ? (
              <Space wrap size={4}>
                {l.orders.map((o) => (
                  <span key={o.orderNo} className="nowrap" title={o.customer}>
                    <OrderLink orderNo={o.orderNo} />
                    {o.rush && <Tag color="red">{t("order.rush")}</Tag>}
                  </span>
                ))}
              </Space>
            ) : (
              <Typography.Text type="secondary">{t("purchasing.forStock")}</Typography.Text>
            ),
        },
        { title: "", width: 96, render: (_, l) => <ConfirmLine line={l} onDone={onDone} /> },
      ]}
    />
  );
}
