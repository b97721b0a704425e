// The production board (shop-floor supervisors and the planner): operations late against the plan,
// machines down, work in progress and today's output per centre, scrap by reason, the latest reports.
import { Card, Col, Empty, List, Row, Table, Tag, Typography } from "antd";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useLive } from "../api/live";
import { BarChart } from "../components/bar-chart";
import { BoardPage } from "../components/board-page";
import { useBoard } from "./use-board";

interface ProductionData {
  today: string;
  planRun: number | null;
  late: {
    operationId: number;
    orderNo: string;
    workOrder: string;
    sku: string;
    seq: number;
    workCentre: string;
    status: string;
    releasedEnd: string | null;
    plannedEnd: string | null;
  }[];
  down: { id: number; workCentre: string; unit: number | null; from: string; reason: string }[];
  centres: {
    code: string;
    name: string;
    units: number;
    unitsDown: number;
    running: number;
    open: number;
    plannedToday: number;
    finishedToday: number;
    goodToday: number;
    scrapToday: number;
  }[];
  scrapByReason: { reason: string; qty: number }[];
  recent: {
    id: number;
    at: string;
    kind: string;
    good: number;
    scrap: number;
    scrapReason: string | null;
    operator: string | null;
    reportedBy: string;
    orderNo: string;
    workOrder: string;
    seq: number;
    workCentre: string;
  }[];
}

const time = (s: string | null) => (s ? new Date(s).toLocaleString([], { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" }) : "—");

type Recent = ProductionData["recent"][number];

/**
 * The newest reports: a report's live change carries the report, so it is listed the moment it arrives
 * (decision 0061); the board's reload that follows brings the rest of the figures.
 */
function useRecent(loaded: Recent[] | undefined): Recent[] {
  const { subscribe } = useLive();
  const [arrived, setArrived] = useState<Recent[]>([]);
  useEffect(
    () =>
      subscribe((change) => {
        const report = change.kind === "production" ? (change.report as Omit<Recent, "reportedBy"> | undefined) : undefined;
        if (report) setArrived((list) => [{ ...report, reportedBy: "" }, ...list].slice(0, 15));
      }),
    [subscribe],
  );
  return useMemo(() => {
    const known = new Set((loaded ?? []).map((r) => r.id));
    const newest = (loaded ?? []).reduce((m, r) => Math.max(m, r.id), 0);
    // What the reload already has comes from it (with the reporter's name); what it predates stays.
    const extra = arrived.filter((r) => !known.has(r.id) && r.id > newest);
    return [...extra, ...(loaded ?? [])].slice(0, 15);
  }, [loaded, arrived]);
}

export function ProductionBoard() {
  const { t } = useTranslation();
  const board = useBoard<ProductionData>("production");
  const d = board.data;
  const recent = useRecent(d?.recent);
  return (
    <BoardPage title={t("boards.production")} {...board} onRefresh={board.reload} testId="board-production">
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={14}>
          <Card size="small" title={t("production.board.centres")} data-testid="production-centres">
            <Table
              size="small"
              rowKey="code"
              pagination={false}
              scroll={{ x: true }}
              dataSource={d?.centres ?? []}
              columns={[
                {
                  title: "",
                  dataIndex: "name",
                  render: (name: string, c) => (
                    <Link to={`/shop-floor/${c.code}`}>
                      {name}
                      {c.unitsDown > 0 && (
                        <Tag color="red" style={{ marginLeft: 6 }}>
                          {t("production.board.unitsDown", { count: c.unitsDown })}
                        </Tag>
                      )}
                    </Link>
                  ),
                },
                { title: t("production.board.running"), dataIndex: "running" },
                { title: t("production.board.open"), dataIndex: "open" },
                { title: t("production.board.planned"), dataIndex: "plannedToday" },
                { title: t("production.board.finished"), dataIndex: "finishedToday" },
                { title: t("production.board.goodToday"), dataIndex: "goodToday" },
                { title: t("production.scrap"), dataIndex: "scrapToday" },
              ]}
            />
          </Card>
          <Card size="small" title={t("production.board.late")} style={{ marginTop: 12 }} data-testid="production-late">
            <List
              size="small"
              dataSource={d?.late ?? []}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("production.board.none")} /> }}
              renderItem={(o) => (
                <List.Item>
                  <Link to={`/shop-floor/op/${o.operationId}`}>
                    {o.workOrder} · {o.seq}
                  </Link>
                  <Typography.Text type="secondary">
                    {o.workCentre} · {time(o.releasedEnd)} → <Typography.Text type="danger">{time(o.plannedEnd)}</Typography.Text>
                  </Typography.Text>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t("production.board.down")} data-testid="production-down">
            {(d?.down ?? []).length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("production.board.none")} />
            ) : (
              (d?.down ?? []).map((x) => (
                <div key={x.id}>
                  <Tag color="red">{x.workCentre}</Tag>
                  {x.unit ? `${t("production.unit")} ${x.unit}` : t("production.wholeCentre")} · {x.reason} · {time(x.from)}
                </div>
              ))
            )}
          </Card>
          <Card size="small" title={t("production.board.recent")} style={{ marginTop: 12 }} data-testid="production-recent">
            <List
              size="small"
              dataSource={recent}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("production.board.none")} /> }}
              renderItem={(r) => (
                <List.Item data-testid={`report-${r.id}`}>
                  <span>
                    {time(r.at)} {r.workOrder} · {r.seq} <Tag>{t(`production.${r.kind}`)}</Tag>
                  </span>
                  <span>
                    {t("production.good")} {r.good}
                    {r.scrap > 0 && (
                      <Typography.Text type="danger">
                        {" "}
                        · {t("production.scrap")} {r.scrap}
                      </Typography.Text>
                    )}{" "}
                    · {r.operator ?? r.reportedBy}
                  </span>
                </List.Item>
              )}
            />
          </Card>
          <Card size="small" title={t("production.board.scrap")} style={{ marginTop: 12 }} data-testid="production-scrap">
            {(d?.scrapByReason ?? []).length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("production.board.none")} />
            ) : (
              <BarChart categories={(d?.scrapByReason ?? []).map((s) => s.reason)} values={(d?.scrapByReason ?? []).map((s) => s.qty)} />
            )}
          </Card>
        </Col>
      </Row>
    </BoardPage>
  );
}
