// Sales: quick order entry, each customer's delivery health (worst first), what can still be accepted today.
import { Card, Col, Progress, Row, Table, Tag } from "antd";
import type { ColumnsType } from "antd/es/table";
import ReactECharts from "echarts-for-react";
import { useTranslation } from "react-i18next";
import type { AcceptableToday } from "../api/plan-types";
import type { PinnedOrder, TaskList } from "../api/types";
import { BoardPage } from "../components/board-page";
import { PinnedCard } from "../components/pinned-card";
import { TasksCard } from "../components/tasks-card";
import { QuickOrder } from "../orders/quick-order";
import { AcceptableCard } from "../planning/acceptable-card";
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
interface SalesData {
  acceptableToday: AcceptableToday;
  customers: CustomerHealth[];
  pinned: PinnedOrder[];
  tasks: TaskList;
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
    { title: t("sales.overdue"), dataIndex: "overdue", width: 64, render: (n: number) => (n ? <Tag color="red">{n}</Tag> : 0) },
    {
      title: t("sales.headroom"),
      dataIndex: "creditHeadroom",
      width: 130,
      align: "right",
      render: (v: string) => <span style={{ color: v.startsWith("-") ? "#f5222d" : undefined }}>¥{Number(v).toLocaleString()}</span>,
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
              <Card title={t("sales.worst")} size="small">
                <ReactECharts
                  style={{ height: 220 }}
                  option={{
                    animation: false,
                    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
                    xAxis: { type: "value", max: 100 },
                    yAxis: { type: "category", data: worst.map((c) => c.code), axisLabel: { width: 90, overflow: "truncate" } },
                    tooltip: { trigger: "axis" },
                    series: [
                      {
                        type: "bar",
                        name: t("sales.score"),
                        data: worst.map((c) => ({ value: c.score, itemStyle: { color: BAND_COLOUR[c.band] } })),
                        label: { show: true, position: "right", color: "#333" },
                      },
                    ],
                  }}
                />
              </Card>
            </Col>
          </Row>
        </Col>
        <Col xs={24} xl={16}>
          <Card title={t("sales.health")} size="small">
            <Table
              rowKey="code"
              size="small"
              columns={columns}
              dataSource={customers}
              pagination={{ pageSize: 8, size: "small" }}
              data-testid="customer-health"
            />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Row gutter={[12, 12]}>
            <Col span={24}>
              <PinnedCard orders={board.data?.pinned} />
            </Col>
            <Col span={24}>
              <TasksCard tasks={board.data?.tasks} />
            </Col>
          </Row>
        </Col>
      </Row>
    </BoardPage>
  );
}
