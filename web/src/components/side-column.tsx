// The right-hand column most boards share: their own cards first, then pinned orders and open tasks.
import { Col, Row } from "antd";
import { Children, type ReactNode } from "react";
import type { PinnedOrder, TaskList } from "../api/types";
import { PinnedCard } from "./pinned-card";
import { TasksCard } from "./tasks-card";

export function SideColumn({ pinned, tasks, children }: { pinned?: PinnedOrder[]; tasks?: TaskList; children?: ReactNode }) {
  return (
    <Row gutter={[12, 12]}>
      {Children.map(children, (card) => (
        <Col span={24}>{card}</Col>
      ))}
      <Col span={24}>
        <PinnedCard orders={pinned} />
      </Col>
      <Col span={24}>
        <TasksCard tasks={tasks} />
      </Col>
    </Row>
  );
}
