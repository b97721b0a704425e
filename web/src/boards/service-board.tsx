// Customer service: find any order by number, customer or phrase; see its stage, owner and timeline.
import { Card, Col, Input, Row } from "antd";
import ReactECharts from "echarts-for-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/client";
import type { OrderHeader, PinnedOrder, TaskList } from "../api/types";
import { useLiveData } from "../api/use-live-data";
import { BoardPage } from "../components/board-page";
import { OrderTable } from "../components/order-table";
import { OrdersCard } from "../components/orders-card";
import { SideColumn } from "../components/side-column";
import { useBoard } from "./use-board";

interface ServiceData {
  statusCounts: Record<string, number>;
  recent: OrderHeader[];
  pinned: PinnedOrder[];
  tasks: TaskList;
}

export function ServiceBoard() {
  const { t } = useTranslation();
  const board = useBoard<ServiceData>("service");
  const [q, setQ] = useState("");
  const found = useLiveData(
    () => (q ? api<{ orders: OrderHeader[] }>("GET", `/api/orders?limit=20&q=${encodeURIComponent(q)}`).then((r) => r.orders) : Promise.resolve(undefined)),
    [q],
  );
  const counts = Object.entries(board.data?.statusCounts ?? {});
  return (
    <BoardPage title={t("boards.service")} {...board} onRefresh={board.reload} testId="board-service">
      <Row gutter={[12, 12]}>
        <Col span={24}>
          <Card size="small">
            <Input.Search placeholder={t("service.search")} allowClear enterButton onSearch={(v) => setQ(v.trim())} data-testid="service-search" size="large" />
            {found.data && (
              <div style={{ marginTop: 12 }}>
                <OrderTable orders={found.data} testId="service-results" />
              </div>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={15}>
          <OrdersCard title={t("service.recent")} orders={board.data?.recent} testId="service-recent" />
        </Col>
        <Col xs={24} xl={9}>
          <SideColumn pinned={board.data?.pinned} tasks={board.data?.tasks}>
            <Card title={t("service.counts")} size="small">
              <ReactECharts
                style={{ height: 240 }}
                option={{
                  animation: false,
                  tooltip: { trigger: "item" },
                  series: [
                    {
                      type: "pie",
                      radius: ["40%", "70%"],
                      data: counts.map(([status, n]) => ({ name: t(`status.${status}`), value: n })),
                      label: { formatter: "{b}: {c}" },
                    },
                  ],
                }}
              />
            </Card>
          </SideColumn>
        </Col>
      </Row>
    </BoardPage>
  );
}
