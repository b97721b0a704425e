// Planner: pinned rush orders at the top, orders to schedule, and the planning charts to come.
import { Card, Col, Row } from "antd";
import ReactECharts from "echarts-for-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { OrderHeader, PinnedOrder, TaskList } from "../api/types";
import { BoardPage } from "../components/board-page";
import { NotYetCard } from "../components/not-yet";
import { OrderTable } from "../components/order-table";
import { PinnedCard } from "../components/pinned-card";
import { TasksCard } from "../components/tasks-card";
import { BatchReschedule } from "../orders/batch-reschedule";
import { useBoard } from "./use-board";

interface PlannerData {
  pinned: PinnedOrder[];
  toSchedule: OrderHeader[];
  statusCounts: Record<string, number>;
  tasks: TaskList;
}

const PIPELINE = ["confirmed", "scheduled", "in_production", "ready", "on_hold"];

export function PlannerBoard() {
  const { t } = useTranslation();
  const board = useBoard<PlannerData>("planner");
  const counts = board.data?.statusCounts ?? {};
  const [selected, setSelected] = useState<string[]>([]);
  return (
    <BoardPage title={t("boards.planner")} {...board} onRefresh={board.reload} testId="board-planner">
      <Row gutter={[12, 12]}>
        <Col span={24}>
          <PinnedCard orders={board.data?.pinned} />
        </Col>
        <Col xs={24} lg={8}>
          <NotYetCard title={t("planner.bottlenecks")} />
        </Col>
        <Col xs={24} lg={8}>
          <NotYetCard title={t("planner.kitting")} />
        </Col>
        <Col xs={24} lg={8}>
          <NotYetCard title={t("planner.load")} />
        </Col>
        <Col xs={24} xl={15}>
          <Card title={t("planner.toSchedule")} size="small" extra={<BatchReschedule orderNos={selected} onDone={() => setSelected([])} />}>
            <OrderTable orders={board.data?.toSchedule ?? []} testId="to-schedule" selected={selected} onSelect={setSelected} />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Row gutter={[12, 12]}>
            <Col span={24}>
              <Card title={t("service.counts")} size="small">
                <ReactECharts
                  style={{ height: 200 }}
                  option={{
                    animation: false,
                    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
                    xAxis: { type: "category", data: PIPELINE.map((s) => t(`status.${s}`)), axisLabel: { interval: 0, fontSize: 11 } },
                    yAxis: { type: "value", minInterval: 1 },
                    tooltip: { trigger: "axis" },
                    series: [
                      { type: "bar", data: PIPELINE.map((s) => counts[s] ?? 0), itemStyle: { color: "#1677ff" }, label: { show: true, position: "top" } },
                    ],
                  }}
                />
              </Card>
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
