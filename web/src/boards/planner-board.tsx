// Planner: pinned rush orders at the top, the plan's bottleneck alerts, the materials holding back the
// most orders, the working calendar, work-centre load over the horizon, orders to schedule.
import { Card, Col, Row } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { BottleneckAlert, CalendarHighlight, KittingMaterial, LoadChart, PlanRun } from "../api/plan-types";
import type { OrderHeader, PinnedOrder, TaskList } from "../api/types";
import { BarChart } from "../components/bar-chart";
import { BoardPage } from "../components/board-page";
import { OrdersCard } from "../components/orders-card";
import { PinnedCard } from "../components/pinned-card";
import { TasksCard } from "../components/tasks-card";
import { BatchReschedule } from "../orders/batch-reschedule";
import { BottlenecksCard } from "../planning/bottlenecks-card";
import { CalendarCard } from "../planning/calendar-card";
import { KittingCard } from "../planning/kitting-card";
import { LoadChartCard } from "../planning/load-chart-card";
import { PlanRunTag } from "../planning/plan-run-tag";
import { useBoard } from "./use-board";

interface PlannerData {
  pinned: PinnedOrder[];
  engineeringChanged: OrderHeader[];
  toSchedule: OrderHeader[];
  statusCounts: Record<string, number>;
  tasks: TaskList;
  plan: PlanRun;
  horizon: { from: string; to: string };
  bottlenecks: BottleneckAlert[];
  kittingImpact: KittingMaterial[];
  load: LoadChart;
  calendar: { days: CalendarHighlight[]; provisionalYears: number[]; workingDays: number };
}

const PIPELINE = ["confirmed", "scheduled", "in_production", "ready", "on_hold"];

export function PlannerBoard() {
  const { t } = useTranslation();
  const board = useBoard<PlannerData>("planner");
  const d = board.data;
  const counts = d?.statusCounts ?? {};
  const [selected, setSelected] = useState<string[]>([]);
  return (
    <BoardPage title={t("boards.planner")} {...board} onRefresh={board.reload} testId="board-planner" extra={<PlanRunTag plan={d?.plan} />}>
      <Row gutter={[12, 12]}>
        <Col span={24}>
          <PinnedCard orders={d?.pinned} />
        </Col>
        <Col xs={24} md={12} xl={8}>
          <BottlenecksCard alerts={d?.bottlenecks} />
        </Col>
        <Col xs={24} md={12} xl={8}>
          <KittingCard materials={d?.kittingImpact} />
        </Col>
        <Col xs={24} xl={8}>
          <CalendarCard calendar={d?.calendar} />
        </Col>
        <Col xs={24} xl={15}>
          <LoadChartCard load={d?.load} extra={d && `${d.horizon.from} ~ ${d.horizon.to}`} />
        </Col>
        <Col xs={24} xl={9}>
          <Card title={t("service.counts")} size="small">
            <BarChart categories={PIPELINE.map((s) => t(`status.${s}`))} values={PIPELINE.map((s) => counts[s] ?? 0)} height={260} />
          </Card>
        </Col>
        <Col xs={24} xl={15}>
          <OrdersCard
            title={t("planner.toSchedule")}
            extra={<BatchReschedule orderNos={selected} onDone={() => setSelected([])} />}
            orders={d?.toSchedule}
            testId="to-schedule"
            selected={selected}
            onSelect={setSelected}
          />
        </Col>
        <Col xs={24} xl={9}>
          <TasksCard tasks={d?.tasks} />
        </Col>
        {!!d?.engineeringChanged.length && (
          <Col span={24}>
            <OrdersCard title={t("planner.ecnChanged")} orders={d.engineeringChanged} testId="ecn-changed" />
          </Col>
        )}
      </Row>
    </BoardPage>
  );
}
