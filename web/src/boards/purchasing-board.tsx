// Purchasing: proposals per supplier (accept = purchase order), lines to get confirmed, late lines with
// the orders they hold up, supplier reliability; the plan's shortages, alerts, pinned orders, tasks.
import { AlertFilled } from "@ant-design/icons";
import { Col, Row, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { api } from "../api/client";
import type { PlanRun, Shortage } from "../api/plan-types";
import type { PinnedOrder, TaskList } from "../api/types";
import { useLiveData } from "../api/use-live-data";
import { BoardPage } from "../components/board-page";
import { ListCard } from "../components/list-card";
import { PinnedCard } from "../components/pinned-card";
import { TasksCard } from "../components/tasks-card";
import { OrderLink } from "../orders/order-drawer";
import { PlanRunTag } from "../planning/plan-run-tag";
import { ShortagesCard } from "../planning/shortages-card";
import { ProposalsCard } from "../purchasing/proposals-card";
import { ReliabilityCard } from "../purchasing/reliability-card";
import type { Proposals, Supplier, Watch } from "../purchasing/types";
import { ConfirmationsCard, LateLinesCard } from "../purchasing/watch-cards";
import { useBoard } from "./use-board";

interface PurchasingData {
  alerts: { id: number; level: string; message: string; orderNo: string | null; at: string }[];
  pinned: PinnedOrder[];
  tasks: TaskList;
  plan: PlanRun;
  shortages: Shortage[];
}

export function PurchasingBoard() {
  const { t } = useTranslation();
  const board = useBoard<PurchasingData>("purchasing");
  const shortages = board.data?.shortages;
  const red = shortages?.filter((s) => s.red).length ?? 0;
  const proposals = useLiveData(() => api<Proposals>("GET", "/api/purchasing/proposals"), []);
  const watch = useLiveData(() => api<Watch>("GET", "/api/purchasing/watch"), []);
  const suppliers = useLiveData(() => api<{ suppliers: Supplier[] }>("GET", "/api/suppliers"), []);
  const reload = () => {
    void board.reload();
    void proposals.reload();
    void watch.reload();
    void suppliers.reload();
  };
  return (
    <BoardPage title={t("boards.purchasing")} {...board} onRefresh={reload} testId="board-purchasing" extra={<PlanRunTag plan={board.data?.plan} />}>
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={12}>
          <ProposalsCard groups={proposals.data?.groups} onDone={reload} />
        </Col>
        <Col xs={24} xl={12}>
          <ConfirmationsCard lines={watch.data?.unconfirmed} onDone={reload} />
        </Col>
        <Col xs={24} xl={14}>
          <LateLinesCard lines={watch.data?.late} onDone={reload} />
        </Col>
        <Col xs={24} xl={10}>
          <ReliabilityCard suppliers={suppliers.data?.suppliers} />
        </Col>
        <Col xs={24} xl={14}>
          <ShortagesCard shortages={shortages} extra={red > 0 && <Tag color="red">{t("plan.redCount", { count: red })}</Tag>} />
        </Col>
        <Col xs={24} xl={10}>
          <ListCard
            title={t("purchasing.alerts")}
            testId="alerts"
            maxHeight={420}
            items={board.data?.alerts}
            empty={t("purchasing.none")}
            renderItem={(a) => (
              <Space align="start">
                <AlertFilled style={{ color: a.level === "critical" ? "#f5222d" : "#fa8c16" }} />
                <div>
                  <Typography.Text>{a.message}</Typography.Text>
                  <div>
                    {a.orderNo && <OrderLink orderNo={a.orderNo} />} <Typography.Text type="secondary">{new Date(a.at).toLocaleString()}</Typography.Text>
                  </div>
                </div>
              </Space>
            )}
          />
        </Col>
        <Col xs={24} xl={12}>
          <PinnedCard orders={board.data?.pinned} />
        </Col>
        <Col xs={24} xl={12}>
          <TasksCard tasks={board.data?.tasks} />
        </Col>
      </Row>
    </BoardPage>
  );
}
