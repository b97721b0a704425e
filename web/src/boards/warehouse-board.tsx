// Warehouse: pick waves (orders ready to ship by date and region) and exception shipments.
import { Button, Card, Col, Collapse, Empty, Row, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { OrderHeader, PinnedOrder, TaskList } from "../api/types";
import { BoardPage } from "../components/board-page";
import { OrderTable } from "../components/order-table";
import { OrdersCard } from "../components/orders-card";
import { SideColumn } from "../components/side-column";
import { ShipWaveModal } from "../orders/bulk-actions";
import { useBoard } from "./use-board";

interface WarehouseData {
  waves: { date: string | null; region: string; orders: OrderHeader[] }[];
  exceptions: (OrderHeader & { kind: "late" | "held" })[];
  pinned: PinnedOrder[];
  tasks: TaskList;
}

export function WarehouseBoard() {
  const { t } = useTranslation();
  const board = useBoard<WarehouseData>("warehouse");
  const waves = board.data?.waves ?? [];
  const [shipping, setShipping] = useState<OrderHeader[]>();
  return (
    <BoardPage title={t("boards.warehouse")} {...board} onRefresh={board.reload} testId="board-warehouse">
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={15}>
          <Card title={t("warehouse.waves")} size="small" data-testid="waves">
            {waves.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("warehouse.none")} />
            ) : (
              <Collapse
                defaultActiveKey={waves.slice(0, 3).map((w) => `${w.date}|${w.region}`)}
                items={waves.map((w) => ({
                  key: `${w.date}|${w.region}`,
                  label: t("warehouse.wave", { date: w.date ?? "—", region: w.region || "—", count: w.orders.length }),
                  extra: w.orders.some((o) => o.status === "ready") && (
                    <Button
                      size="small"
                      type="primary"
                      onClick={(e) => {
                        e.stopPropagation();
                        setShipping(w.orders.filter((o) => o.status === "ready"));
                      }}
                      data-testid="ship-wave"
                    >
                      {t("actions.bulk.shipWave")}
                    </Button>
                  ),
                  children: <OrderTable orders={w.orders} />,
                }))}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <SideColumn pinned={board.data?.pinned} tasks={board.data?.tasks}>
            <OrdersCard
              title={t("warehouse.exceptions")}
              orders={(board.data?.exceptions ?? []).map((e) => ({ ...e, tags: [t(`warehouse.${e.kind}`), ...e.tags] }))}
              testId="exceptions"
            >
              {(board.data?.exceptions ?? []).length > 0 && (
                <div style={{ marginTop: 8 }}>
                  <Tag color="red">{t("warehouse.late")}</Tag>
                  <Tag color="orange">{t("warehouse.held")}</Tag>
                </div>
              )}
            </OrdersCard>
          </SideColumn>
        </Col>
      </Row>
      {shipping && (
        <ShipWaveModal
          orders={shipping}
          onClose={() => {
            setShipping(undefined);
            void board.reload();
          }}
        />
      )}
    </BoardPage>
  );
}
