// Engineering: the orders waiting for it and its tasks (finance has its own board, finance-board.tsx).
import { Col, Row } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { OrderHeader, TaskList } from "../api/types";
import { BoardPage } from "../components/board-page";
import { OrdersCard } from "../components/orders-card";
import { TasksCard } from "../components/tasks-card";
import { BulkActions } from "../orders/bulk-actions";
import { useBoard } from "./use-board";

function DeskBoard({ desk: role }: { desk: "engineering" }) {
  const { t } = useTranslation();
  const board = useBoard<{ waiting: OrderHeader[]; tasks: TaskList }>(role);
  const [ticked, setTicked] = useState<string[]>([]);
  const waiting = board.data?.waiting ?? [];
  return (
    <BoardPage title={t(`boards.${role}`)} {...board} onRefresh={board.reload} testId={`board-${role}`}>
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={14}>
          <OrdersCard title={t("desk.waiting")} orders={board.data?.waiting} testId="waiting" selected={ticked} onSelect={setTicked}>
            <BulkActions
              orders={waiting.filter((o) => ticked.includes(o.orderNo))}
              onDone={() => {
                setTicked([]);
                void board.reload();
              }}
            />
          </OrdersCard>
        </Col>
        <Col xs={24} xl={10}>
          <TasksCard tasks={board.data?.tasks} />
        </Col>
      </Row>
    </BoardPage>
  );
}

export const EngineeringBoard = () => <DeskBoard desk="engineering" />;
