// What to buy, per supplier: the plan's purchase requests and uncovered shortages, rush first. One click
// turns a supplier's proposals into a purchase order (POST /api/purchasing/proposals/accept).
import { ShoppingCartOutlined } from "@ant-design/icons";
import { App, Button, Card, Empty, List, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/client";
import { fenYuan } from "../components/format";
import { OrderLink } from "../orders/order-drawer";
import type { AcceptResult, ProposalGroup } from "./types";

export function ProposalsCard({ groups, onDone }: { groups?: ProposalGroup[]; onDone(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string>();
  const accept = async (group: ProposalGroup, index: number) => {
    setBusy(String(index));
    try {
      const result = await api<AcceptResult>("POST", "/api/purchasing/proposals/accept", { keys: group.lines.map((l) => l.key) });
      const poNos = result.created.map((c) => c.poNo).join("、");
      message.success(poNos ? t("purchasing.ordered", { poNos }) : t("purchasing.alreadyOrdered"));
      onDone();
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <Card title={t("purchasing.proposals")} size="small" data-testid="proposals">
      {!groups?.length ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("purchasing.noProposals")} />
      ) : (
        <List
          size="small"
          dataSource={groups.slice(0, 8)}
          renderItem={(g, index) => (
            <List.Item data-testid={`proposal-group-${index}`}>
              <Space direction="vertical" size={4} style={{ width: "100%" }}>
                <Space wrap style={{ justifyContent: "space-between", width: "100%" }}>
                  <Space wrap size={6}>
                    {g.rush && <Tag color="red">{t("order.rush")}</Tag>}
                    <Typography.Text strong>{g.supplier?.name ?? t("purchasing.noSupplier")}</Typography.Text>
                    <Typography.Text type="secondary">
                      {t("purchasing.needBy", { date: g.needDate })} · {fenYuan(g.amountFen)}
                    </Typography.Text>
                  </Space>
                  <Button
                    type="primary"
                    size="small"
                    icon={<ShoppingCartOutlined />}
                    disabled={!g.supplier}
                    loading={busy === String(index)}
                    onClick={() => void accept(g, index)}
                    data-testid={`accept-${index}`}
                  >
                    {t("purchasing.accept", { count: g.lines.length })}
                  </Button>
                </Space>
                {g.lines.slice(0, 5).map((l) => (
                  <div key={l.key} className="proposal-line">
                    <Typography.Text>
                      {l.name} <Typography.Text type="secondary">{l.sku}</Typography.Text> × {l.qty}
                    </Typography.Text>{" "}
                    <span className="nowrap">
                      {t("purchasing.askFor", { date: l.requestedDate })} · <OrderLink orderNo={l.orderNo} />
                    </span>
                  </div>
                ))}
                {g.lines.length > 5 && <Typography.Text type="secondary">{t("purchasing.more", { count: g.lines.length - 5 })}</Typography.Text>}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
