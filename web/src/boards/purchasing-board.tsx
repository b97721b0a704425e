// Purchasing: red alerts raised by rules for rush orders, pinned orders, tasks; shortages come with planning.
import { AlertFilled } from "@ant-design/icons";
import { Card, Col, List, Row, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { PinnedOrder, TaskList } from "../api/types";
import { BoardPage } from "../components/board-page";
import { NotYetCard } from "../components/not-yet";
import { PinnedCard } from "../components/pinned-card";
import { TasksCard } from "../components/tasks-card";
import { OrderLink } from "../orders/order-drawer";
import { useBoard } from "./use-board";

interface PurchasingData {
  alerts: { id: number; level: string; message: string; orderNo: string | null; at: string }[];
  pinned: PinnedOrder[];
  tasks: TaskList;
}

export function PurchasingBoard() {
  const { t } = useTranslation();
  const board = useBoard<PurchasingData>("purchasing");
  return (
    <BoardPage title={t("boards.purchasing")} {...board} onRefresh={board.reload} testId="board-purchasing">
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={12}>
          <Card title={t("purchasing.alerts")} size="small" data-testid="alerts">
            <List
              size="small"
              dataSource={board.data?.alerts ?? []}
              locale={{ emptyText: t("purchasing.none") }}
              renderItem={(a) => (
                <List.Item>
                  <Space align="start">
                    <AlertFilled style={{ color: a.level === "critical" ? "#f5222d" : "#fa8c16" }} />
                    <div>
                      <Typography.Text>{a.message}</Typography.Text>
                      <div>
                        {a.orderNo && <OrderLink orderNo={a.orderNo} />} <Typography.Text type="secondary">{new Date(a.at).toLocaleString()}</Typography.Text>
                      </div>
                    </div>
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <NotYetCard title={t("purchasing.shortages")} />
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
