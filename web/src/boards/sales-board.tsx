// Sales: quick order entry, each customer's delivery health (worst first), what can still be accepted today.
import { Card, Col, Progress, Row, Tag } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useTranslation } from "react-i18next";
import type { AcceptableToday } from "../api/plan-types";
import type { PinnedOrder, TaskList } from "../api/types";
import { BarChart } from "../components/bar-chart";
import { BoardPage } from "../components/board-page";
import { yuan } from "../components/format";
import { SideColumn } from "../components/side-column";
import { TableCard } from "../components/table-card";
import { PromisesAtRiskCard } from "../orders/promises-at-risk-card";
import { QuickOrder } from "../orders/quick-order";
import { AcceptableCard } from "../planning/acceptable-card";
import { QuoteCard, type QuoteFigures } from "../quotes/quote-card";
import { useBoard } from "./use-board";

interface CustomerHealth {
  code: string;
  name: string;
  grade: string;
  onTimeRate: number | null;
  open: number;
  overdue: number;
  creditHeadroom: string;
  score: number;
  band: "good" | "watch" | "risk";
}
/** GET /api/dashboards/sales answers a loose object: this part is sales-board.ts's promisesAtRisk. */
export interface PromiseAtRisk {
  orderNo: string;
  customer: string;
  rush: boolean;
  promisedDate: string | null;
  atRisk: boolean;
  plannedDate: string | null;
  supplyRisk: { sku: string; kind: "unconfirmed" | "overdue" }[];
}
interface SalesData {
  acceptableToday: AcceptableToday;
  promisesAtRisk: PromiseAtRisk[];
  customers: CustomerHealth[];
  pinned: PinnedOrder[];
  tasks: TaskList;
  quotes: QuoteFigures;
}

const BAND_COLOUR = { good: "#52c41a", watch: "#faad14", risk: "#f5222d" };

export function SalesBoard() {
  const { t } = useTranslation();
  const board = useBoard<SalesData>("sales");
  const customers = board.data?.customers ?? [];
  const columns: ColumnsType<CustomerHealth> = [
    { title: t("order.customer"), dataIndex: "name", ellipsis: true, render: (name: string, c) => <span title={c.code}>{name}</span> },
    { title: t("sales.grade"), dataIndex: "grade", width: 64, render: (g: string) => <Tag>{g}</Tag> },
    {
      title: t("sales.score"),
      dataIndex: "score",
      width: 140,
      render: (s: number, c) => <Progress percent={s} size="small" strokeColor={BAND_COLOUR[c.band]} format={(p) => `${p}`} />,
    },
    { title: t("sales.onTime"), dataIndex: "onTimeRate", width: 80, render: (r: number | null) => (r === null ? "—" : `${Math.round(r * 100)}%`) },
    { title: t("sales.open"), dataIndex: "open", width: 72 },
    { title: t("sales.overdue"), dataIndex: "overdue", width: 84, render: (n: number) => (n ? <Tag color="red">{n}</Tag> : 0) },
    {
      title: t("sales.headroom"),
      dataIndex: "creditHeadroom",
      width: 130,
      align: "right",
      render: (v: string) => <span style={{ color: v.startsWith("-") ? "#f5222d" : undefined }}>{yuan(v)}</span>,
    },
  ];
  const worst = customers.slice(0, 8).reverse();
  return (
    <BoardPage title={t("boards.sales")} {...board} onRefresh={board.reload} testId="board-sales">
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={10}>
          <QuickOrder />
        </Col>
        <Col xs={24} xl={14}>
          <Row gutter={[12, 12]}>
            <Col span={24}>
              <AcceptableCard data={board.data?.acceptableToday} />
            </Col>
            <Col span={24}>
              <QuoteCard data={board.data?.quotes} />
            </Col>
            <Col span={24}>
              <Card title={t("sales.worst")} size="small">
                <BarChart
                  horizontal
                  max={100}
                  name={t("sales.score")}
                  categories={worst.map((c) => `${c.code} ${c.name}`)}
                  values={worst.map((c) => c.score)}
                  colours={worst.map((c) => BAND_COLOUR[c.band])}
                />
              </Card>
            </Col>
          </Row>
        </Col>
        <Col span={24}>
          <PromisesAtRiskCard rows={board.data?.promisesAtRisk} />
        </Col>
        <Col xs={24} xl={16}>
          <TableCard title={t("sales.health")} rowKey="code" columns={columns} rows={customers} testId="customer-health" />
        </Col>
        <Col xs={24} xl={8}>
          <SideColumn pinned={board.data?.pinned} tasks={board.data?.tasks} />
        </Col>
      </Row>
    </BoardPage>
  );
}
