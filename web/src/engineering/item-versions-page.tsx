// An item's BOM and routing versions (draft, released, superseded) and the diff between any two of them.
import { PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Col, Flex, Row, Select, Table, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { api } from "../api/client";
import type { Reply } from "../api/contract";
import { ChangeLines } from "./ecn-page";

type Item = Reply<"GET /api/items/{sku}">;
type Diff = Reply<"GET /api/items/{sku}/diff">;
type Version = Item["bomVersions"][number];

const STATUS_COLOUR: Record<string, string> = { draft: "gold", released: "success", superseded: "default" };

function Versions({ kind, versions, sku }: { kind: "bom" | "routing"; versions: Version[]; sku: string }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState<number>();
  const [to, setTo] = useState<number>();
  const [diff, setDiff] = useState<Diff>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    setFrom(versions.at(-2)?.version);
    setTo(versions.at(-1)?.version);
  }, [versions]);
  useEffect(() => {
    setDiff(undefined);
    if (!from || !to || from === to) return;
    void api<Diff>("GET", `/api/items/${sku}/diff?kind=${kind}&from=${from}&to=${to}`)
      .then(setDiff)
      .catch((e: Error) => setError(e.message));
  }, [sku, kind, from, to]);
  const options = versions.map((v) => ({ value: v.version, label: `V${v.version}` }));
  return (
    <Card
      size="small"
      title={kind === "bom" ? "BOM" : t("engineering.routing")}
      data-testid={`versions-${kind}`}
      extra={
        <Link to={`/engineering/items/${sku}/${kind}/new`}>
          <Button size="small" icon={<PlusOutlined />} data-testid={`new-draft-${kind}`}>
            {t("engineering.editor.newDraft")}
          </Button>
        </Link>
      }
    >
      <Table
        size="small"
        pagination={false}
        rowKey="version"
        dataSource={versions}
        scroll={{ x: true }}
        columns={[
          {
            title: t("engineering.version"),
            dataIndex: "version",
            render: (v: number, row: Version) => (
              <Link to={`/engineering/items/${sku}/${kind}/${v}`} data-testid={`open-${kind}-${v}`}>
                V{v} {row.status === "draft" ? t("engineering.editor.edit") : ""}
              </Link>
            ),
            onCell: () => ({ style: { whiteSpace: "nowrap" } }),
          },
          {
            title: t("engineering.statusTitle"),
            dataIndex: "status",
            render: (s: string) => <Tag color={STATUS_COLOUR[s]}>{t(`engineering.versionStatus.${s}`)}</Tag>,
          },
          { title: t("engineering.effectiveDate"), dataIndex: "effectiveFrom", onCell: () => ({ style: { whiteSpace: "nowrap" } }) },
          { title: t("engineering.note"), dataIndex: "note", ellipsis: true },
        ]}
      />
      {versions.length > 1 && (
        <Flex gap={8} wrap align="center" style={{ margin: "12px 0" }}>
          <Select size="small" style={{ width: 90 }} value={from} onChange={setFrom} options={options} aria-label={t("engineering.from")} />
          <span>→</span>
          <Select size="small" style={{ width: 90 }} value={to} onChange={setTo} options={options} aria-label={t("engineering.to")} />
        </Flex>
      )}
      {error && <Alert type="error" showIcon message={error} />}
      {diff && <ChangeLines lines={diff.changes} />}
    </Card>
  );
}

export function ItemVersionsPage() {
  const { sku = "" } = useParams();
  const { t } = useTranslation();
  const [item, setItem] = useState<Item>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    void api<Item>("GET", `/api/items/${sku}`)
      .then(setItem)
      .catch((e: Error) => setError(e.message));
  }, [sku]);
  return (
    <div data-testid="item-versions-page">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {sku} {item?.name}
        </Typography.Title>
        <Link to="/board/engineering">{t("engineering.back")}</Link>
      </Flex>
      {error && <Alert type="error" showIcon message={error} />}
      {item && (
        <Row gutter={[12, 12]}>
          <Col xs={24} xl={12}>
            <Versions kind="bom" versions={item.bomVersions} sku={sku} />
          </Col>
          <Col xs={24} xl={12}>
            <Versions kind="routing" versions={item.routingVersions} sku={sku} />
          </Col>
        </Row>
      )}
    </div>
  );
}
