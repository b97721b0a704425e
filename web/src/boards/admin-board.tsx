// Admin: rules at a glance, failing outside calls and rule actions, users and roles (editable).
import { Button, Card, Col, Row, Statistic } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { BoardPage } from "../components/board-page";
import { TableCard } from "../components/table-card";
import { OrderLink } from "../orders/order-drawer";
import { UsersCard } from "../users/users-card";
import { useBoard } from "./use-board";

interface AdminData {
  rules: { enabled: number; disabled: number };
  outbox: Record<string, number>;
  failedActions: { orderNo: string; rule: string; type: string; error: string | null; at: string }[];
  users: { username: string; displayName: string; roles: string[]; active: boolean }[];
  statusCounts: Record<string, number>;
}

export function AdminBoard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const board = useBoard<AdminData>("admin");
  const d = board.data;
  return (
    <BoardPage title={t("boards.admin")} {...board} onRefresh={board.reload} testId="board-admin">
      <Row gutter={[12, 12]}>
        <Col xs={12} xl={6}>
          <Card size="small">
            <Statistic title={`${t("admin.rules")} · ${t("admin.enabled")}`} value={d?.rules.enabled ?? 0} valueStyle={{ color: "#52c41a" }} />
          </Card>
        </Col>
        <Col xs={12} xl={6}>
          <Card size="small">
            <Statistic title={`${t("admin.rules")} · ${t("admin.disabled")}`} value={d?.rules.disabled ?? 0} />
          </Card>
        </Col>
        <Col xs={12} xl={6}>
          <Card size="small">
            <Statistic title={`${t("admin.outbox")} · failed`} value={d?.outbox.failed ?? 0} valueStyle={{ color: d?.outbox.failed ? "#f5222d" : undefined }} />
          </Card>
        </Col>
        <Col xs={12} xl={6}>
          <Card size="small" styles={{ body: { display: "flex", alignItems: "center", height: "100%" } }}>
            <Button type="primary" onClick={() => navigate("/rules")} data-testid="manage-rules">
              {t("admin.manage")}
            </Button>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <TableCard
            title={t("admin.failed")}
            rowKey={(r) => `${r.orderNo}-${r.at}-${r.type}`}
            rows={d?.failedActions}
            columns={[
              { title: t("order.orderNo"), dataIndex: "orderNo", render: (no: string) => <OrderLink orderNo={no} /> },
              { title: t("rules.name"), dataIndex: "rule", ellipsis: true },
              { title: t("rules.actions"), dataIndex: "type", render: (type: string) => t(`rules.actionTypes.${type}`, { defaultValue: type }) },
              { title: "", dataIndex: "error", ellipsis: true },
            ]}
          />
        </Col>
        <Col xs={24} xl={12}>
          <UsersCard users={d?.users} onChanged={board.reload} />
        </Col>
      </Row>
    </BoardPage>
  );
}
