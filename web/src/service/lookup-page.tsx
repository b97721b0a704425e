// Nameplate look-up (sales, service, engineers): find a unit, see its repair history, the spare parts
// usually replaced on its model, compatible sensor models, and a proposal that becomes an order.
import { Alert, Button, Card, Col, Empty, List, Row, Space, Table, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { api } from "../api/client";
import { useSession } from "../auth/session";
import { FindUnit } from "./find-unit";
import { VISIT_ROLES } from "./service-menu";
import type { Equipment, Proposal } from "./types";
import { LifecycleTimeline, RepairHistory, UnitCard } from "./unit-view";
import { useUnitLookup } from "./use-unit-lookup";
import "./field.css";

const CAN_ORDER = ["admin", "sales", "service"];

function SparesAndModels({ unit }: { unit: Equipment }) {
  const { t } = useTranslation();
  return (
    <>
      <Card size="small" title={t("field.usualSpares")} data-testid="usual-spares">
        {unit.usualSpares.length ? (
          <List
            size="small"
            dataSource={unit.usualSpares}
            renderItem={(p) => (
              <List.Item extra={<Typography.Text type="secondary">{t("field.share", { share: Math.round(p.share * 100) })}</Typography.Text>}>
                {p.sku} {p.name}
              </List.Item>
            )}
          />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("field.noSpares")} />
        )}
      </Card>
      <Card size="small" title={t("field.compatible")} data-testid="compatible-models">
        {unit.compatibleModels.length ? (
          <List
            size="small"
            dataSource={unit.compatibleModels}
            renderItem={(m) => (
              <List.Item>
                <span>
                  {m.sku} {m.name}{" "}
                  {m.reasons.map((r) => (
                    <Tag key={r}>{r === "same_family" ? t("field.same_family") : t("field.shares", { part: r.replace(/^shares /, "") })}</Tag>
                  ))}
                </span>
              </List.Item>
            )}
          />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("field.noCompatible")} />
        )}
      </Card>
    </>
  );
}

function ProposalCard({ unit }: { unit: Equipment }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const [proposal, setProposal] = useState<Proposal>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setProposal(undefined);
    api<Proposal>("POST", `/api/equipment/${encodeURIComponent(unit.serial)}/proposal`, {})
      .then(setProposal)
      .catch((e: Error) => setError(e.message));
  }, [unit.serial]);
  const canOrder = me?.roles.some((r) => CAN_ORDER.includes(r)) ?? false;
  async function place() {
    setBusy(true);
    try {
      setProposal(await api<Proposal>("POST", `/api/equipment/${encodeURIComponent(unit.serial)}/proposal`, { create: true }));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Card size="small" title={t("field.proposal")} data-testid="proposal">
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 8 }} />}
      {proposal && !proposal.lines.length && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("field.noProposal")} />}
      {proposal && proposal.lines.length > 0 && (
        <Space direction="vertical" style={{ width: "100%" }}>
          <Table
            size="small"
            pagination={false}
            rowKey="sku"
            dataSource={proposal.lines}
            columns={[
              { dataIndex: "name", title: t("field.parts") },
              { dataIndex: "qty", title: t("field.qty"), width: 56 },
              { dataIndex: "amount", title: "¥", align: "right" as const, width: 90 },
            ]}
          />
          <Typography.Text strong>{t("field.total", { amount: proposal.total })}</Typography.Text>
          {proposal.order ? (
            <Alert type="success" showIcon message={t("field.placed", { orderNo: proposal.order.orderNo })} data-testid="proposal-order" />
          ) : canOrder ? (
            <Button type="primary" block loading={busy} onClick={() => void place()} data-testid="proposal-place">
              {t("field.placeOrder")}
            </Button>
          ) : (
            <Typography.Text type="secondary">{t("field.askSales")}</Typography.Text>
          )}
        </Space>
      )}
    </Card>
  );
}

export function LookupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const lookup = useUnitLookup();
  const unit = lookup.unit;
  const { me } = useSession();
  const canVisit = me?.roles.some((r) => VISIT_ROLES.includes(r)) ?? false;
  return (
    <div className="field-page" data-testid="lookup-page">
      <Typography.Title level={3}>{t("field.lookupTitle")}</Typography.Title>
      <FindUnit lookup={lookup} onFind={lookup.find} onPick={(serial) => void lookup.load({ serial })} />
      {unit && (
        <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
          <Col xs={24} lg={12}>
            <Space direction="vertical" style={{ width: "100%" }} size="middle">
              <UnitCard unit={unit} />
              {canVisit && (
                <Button block size="large" onClick={() => navigate(`/service/visit?serial=${encodeURIComponent(unit.serial)}`)} data-testid="go-visit">
                  {t("field.recordVisit")}
                </Button>
              )}
              <RepairHistory unit={unit} />
              <LifecycleTimeline unit={unit} />
            </Space>
          </Col>
          <Col xs={24} lg={12}>
            <Space direction="vertical" style={{ width: "100%" }} size="middle">
              <SparesAndModels unit={unit} />
              <ProposalCard unit={unit} />
            </Space>
          </Col>
        </Row>
      )}
    </div>
  );
}
