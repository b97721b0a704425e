// Engineering's board: change notices in progress (how many affected rows still wait for a decision),
// recent releases, the non-standard orders waiting for review and the task inbox.
import { PlusOutlined } from "@ant-design/icons";
import { Badge, Button, Col, Flex, Row, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { api } from "../api/client";
import type { Reply } from "../api/contract";
import type { OrderHeader, TaskList } from "../api/types";
import { useLiveData } from "../api/use-live-data";
import { useBoard } from "../boards/use-board";
import { BoardPage } from "../components/board-page";
import { ListCard } from "../components/list-card";
import { OrdersCard } from "../components/orders-card";
import { TasksCard } from "../components/tasks-card";
import { BulkActions } from "../orders/bulk-actions";
import { usePeople } from "../orders/use-people";
import { EcnStatusTag } from "./ecn-status-tag";
import { ItemSelect } from "./item-select";

type EngineeringBoardData = Reply<"GET /api/engineering/board">;

export function EngineeringBoard() {
  const { t } = useTranslation();
  const { nameOf } = usePeople();
  const desk = useBoard<{ waiting: OrderHeader[]; tasks: TaskList }>("engineering");
  const ecns = useLiveData(
    () => api<EngineeringBoardData>("GET", "/api/engineering/board"),
    [],
    (c) => c.kind === "master" || c.kind === "order",
  );
  const [ticked, setTicked] = useState<string[]>([]);
  const navigate = useNavigate();
  const waiting = desk.data?.waiting ?? [];
  const reload = () => {
    void desk.reload();
    void ecns.reload();
  };
  return (
    <BoardPage
      title={t("boards.engineering")}
      loading={desk.loading || ecns.loading}
      error={desk.error ?? ecns.error}
      updatedAt={ecns.updatedAt}
      onRefresh={reload}
      testId="board-engineering"
    >
      <Row gutter={[12, 12]}>
        <Col xs={24}>
          <Flex gap={8} wrap align="center">
            <Typography.Text>{t("engineering.editor.openItem")}</Typography.Text>
            <div style={{ flex: "1 1 220px", maxWidth: 420 }}>
              <ItemSelect
                value=""
                onChange={(sku) => navigate(`/engineering/items/${sku}`)}
                known={{}}
                placeholder={t("engineering.pickItem")}
                testId="open-item"
                ariaLabel={t("engineering.editor.openItem")}
              />
            </div>
          </Flex>
        </Col>
        <Col xs={24} xl={14}>
          <ListCard
            title={t("engineering.inProgress")}
            testId="ecns-in-progress"
            extra={
              <Link to="/engineering/ecns/new">
                <Button type="primary" size="small" icon={<PlusOutlined />} data-testid="new-ecn">
                  {t("engineering.newEcn")}
                </Button>
              </Link>
            }
            items={ecns.data?.inProgress}
            empty={t("engineering.noEcn")}
            renderItem={(e) => (
              <Flex vertical gap={2} style={{ width: "100%", minWidth: 0 }}>
                <Flex gap={8} wrap align="center">
                  <Link to={`/engineering/ecns/${e.ecnNo}`}>{e.ecnNo}</Link>
                  <EcnStatusTag status={e.status} />
                  {e.undecided ? (
                    <Badge status="warning" text={t("engineering.undecided", { count: e.undecided })} />
                  ) : (
                    <Badge status="success" text={t("engineering.allDecided")} />
                  )}
                </Flex>
                <Typography.Text ellipsis>{e.title}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {e.itemName} · {t("engineering.affected", { count: e.affected })} · {t("engineering.effective", { date: e.effectiveDate })}
                </Typography.Text>
                {e.waiting.slice(0, 3).map((w) => (
                  <Typography.Text key={w.ref} style={{ fontSize: 12 }} data-testid={`waiting-${w.ref}`}>
                    · {w.ref}
                    {w.due ? ` · ${t("engineering.due")} ${w.due}` : ""} · {t("engineering.suggested")}: {t(`engineering.decision.${w.suggested}`)}
                  </Typography.Text>
                ))}
              </Flex>
            )}
          />
        </Col>
        <Col xs={24} xl={10}>
          <ListCard
            title={t("engineering.recent")}
            testId="ecns-recent"
            items={ecns.data?.recent}
            empty={t("engineering.noRecent")}
            renderItem={(e) => (
              <Flex vertical gap={2} style={{ width: "100%", minWidth: 0 }}>
                <Flex gap={8} wrap align="center">
                  <Link to={`/engineering/ecns/${e.ecnNo}`}>{e.ecnNo}</Link>
                  <EcnStatusTag status={e.status} />
                </Flex>
                <Typography.Text ellipsis>{e.title}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {nameOf(e.releasedBy)} · {e.releasedAt?.slice(0, 10)}
                </Typography.Text>
              </Flex>
            )}
          />
        </Col>
        <Col xs={24} xl={14}>
          <OrdersCard title={t("engineering.reviewTasks")} orders={desk.data?.waiting} testId="waiting" selected={ticked} onSelect={setTicked}>
            <BulkActions
              orders={waiting.filter((o) => ticked.includes(o.orderNo))}
              onDone={() => {
                setTicked([]);
                void desk.reload();
              }}
            />
          </OrdersCard>
        </Col>
        <Col xs={24} xl={10}>
          <TasksCard tasks={desk.data?.tasks} />
        </Col>
      </Row>
    </BoardPage>
  );
}
