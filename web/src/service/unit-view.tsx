// A unit at a glance (model, customer, site, warranty), its repair history and its lifecycle timeline.
import { Card, Descriptions, Empty, List, Tag, Timeline, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Equipment } from "./types";

export function UnitCard({ unit }: { unit: Equipment }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={<span data-testid="unit-serial">{unit.serial}</span>}
      extra={unit.underWarranty ? <Tag color="green">{t("field.inWarranty")}</Tag> : <Tag color="orange">{t("field.outOfWarranty")}</Tag>}
      data-testid="unit-card"
    >
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t("field.model")}>
          {unit.model.sku} {unit.model.name}
        </Descriptions.Item>
        <Descriptions.Item label={t("field.customer")}>{unit.customer.name}</Descriptions.Item>
        {unit.site && <Descriptions.Item label={t("field.site")}>{unit.site}</Descriptions.Item>}
        <Descriptions.Item label={t("field.installed")}>{unit.installedOn}</Descriptions.Item>
        <Descriptions.Item label={t("field.warranty")}>{unit.warrantyUntil}</Descriptions.Item>
        <Descriptions.Item label={t("field.order")}>{unit.orderNo ?? t("field.imported")}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

export function RepairHistory({ unit }: { unit: Equipment }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t("field.repairHistory")} data-testid="repair-history">
      {unit.repairHistory.length ? (
        <List
          size="small"
          dataSource={unit.repairHistory}
          renderItem={(v) => (
            <List.Item>
              <div style={{ width: "100%" }}>
                <Typography.Text strong>{v.visitedOn}</Typography.Text> · {v.engineer}
                <div>
                  {v.parts.map((p) => (
                    <Tag key={p.sku}>
                      {p.name} × {p.qty}
                    </Tag>
                  ))}
                </div>
                {v.notes && <Typography.Paragraph style={{ margin: "4px 0" }}>{v.notes}</Typography.Paragraph>}
                {v.warrantyCard && (
                  <a href={v.warrantyCard.url} target="_blank" rel="noreferrer">
                    {t("field.warrantyCard")} {v.warrantyCard.code}
                  </a>
                )}
                {v.photo && (
                  <a href={v.photo} target="_blank" rel="noreferrer" style={{ marginLeft: 12 }}>
                    {t("field.viewPhoto")}
                  </a>
                )}
              </div>
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("field.noVisits")} />
      )}
    </Card>
  );
}

export function LifecycleTimeline({ unit }: { unit: Equipment }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t("field.lifecycle")} data-testid="lifecycle">
      <Timeline
        items={[...unit.lifecycle].reverse().map((e) => ({
          key: e.id,
          color: e.kind === "visit" ? "blue" : "green",
          children: (
            <div data-testid={`lifecycle-${e.kind}`}>
              <Typography.Text strong>{t(`field.kind_${e.kind}`)}</Typography.Text>{" "}
              <Typography.Text type="secondary">
                {new Date(e.at).toLocaleDateString()} · {e.actor}
              </Typography.Text>
              {typeof e.data.warrantyCode === "string" && <div>{e.data.warrantyCode}</div>}
            </div>
          ),
        }))}
      />
    </Card>
  );
}
