// A new engineering change notice from a BOM diff: pick the item, the draft version prepared, see what
// changes against the version in force, say why and from when, and submit it for review.
import { Alert, Button, Card, Col, Flex, Form, Input, Row, Select, Typography } from "antd";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { api } from "../api/client";
import type { Reply } from "../api/contract";
import { ChangeLines } from "./ecn-page";

type Item = Reply<"GET /api/items/{sku}">;
type Diff = Reply<"GET /api/items/{sku}/diff">;
type ItemList = Reply<"GET /api/items">;

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

export function NewEcnPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const [sku, setSku] = useState<string>();
  const [item, setItem] = useState<Item>();
  const [to, setTo] = useState<number>();
  const [diff, setDiff] = useState<Diff>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const idempotencyKey = useMemo(() => crypto.randomUUID(), []);
  const search = async (q: string) => {
    const found = await api<ItemList>("GET", `/api/items?q=${encodeURIComponent(q)}&limit=20`);
    setOptions(found.items.filter((i) => i.kind !== "purchased").map((i) => ({ value: i.sku, label: `${i.sku} ${i.name}` })));
  };
  useEffect(() => {
    setItem(undefined);
    setDiff(undefined);
    setTo(undefined);
    if (!sku) return;
    void api<Item>("GET", `/api/items/${sku}`)
      .then((i) => {
        setItem(i);
        setTo(i.bomVersions.filter((v) => v.status === "draft").at(-1)?.version);
      })
      .catch((e: Error) => setError(e.message));
  }, [sku]);
  const from = item?.bomVersions.filter((v) => v.status !== "draft" && v.effectiveFrom <= today()).at(-1)?.version;
  useEffect(() => {
    setDiff(undefined);
    if (!sku || !to || !from) return;
    void api<Diff>("GET", `/api/items/${sku}/diff?from=${from}&to=${to}`)
      .then(setDiff)
      .catch((e: Error) => setError(e.message));
  }, [sku, from, to]);
  const drafts = item?.bomVersions.filter((v) => v.status === "draft") ?? [];
  const create = async (values: { title: string; reason?: string; effectivity: string; effectiveDate: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      const ecn = await api<{ ecnNo: string }>(
        "POST",
        "/api/ecns",
        {
          sku,
          title: values.title,
          reason: values.reason ?? "",
          toBomVersion: to,
          fromBomVersion: from,
          effectivity: values.effectivity,
          effectiveDate: values.effectiveDate,
          submit: true,
        },
        { "idempotency-key": idempotencyKey },
      );
      navigate(`/engineering/ecns/${ecn.ecnNo}`);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div data-testid="new-ecn-page">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("engineering.newEcn")}
        </Typography.Title>
        <Link to="/board/engineering">{t("engineering.back")}</Link>
      </Flex>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={10}>
          <Card size="small">
            <Form layout="vertical" onFinish={(v) => void create(v)} initialValues={{ effectivity: "date", effectiveDate: today() }} requiredMark={false}>
              <Form.Item label={t("engineering.item")} required>
                <Select
                  showSearch
                  filterOption={false}
                  placeholder={t("engineering.pickItem")}
                  onSearch={(q) => void search(q)}
                  onFocus={() => void search("")}
                  onChange={setSku}
                  value={sku}
                  options={options}
                  data-testid="ecn-item"
                  aria-label={t("engineering.item")}
                />
              </Form.Item>
              {item && !drafts.length && <Alert type="warning" showIcon message={t("engineering.noDraft")} style={{ marginBottom: 12 }} />}
              {drafts.length > 0 && (
                <Form.Item label={t("engineering.toVersion")}>
                  <Select
                    value={to}
                    onChange={setTo}
                    options={drafts.map((v) => ({ value: v.version, label: `V${v.version} ${v.note}` }))}
                    aria-label={t("engineering.toVersion")}
                  />
                </Form.Item>
              )}
              <Form.Item name="title" label={t("engineering.title")} rules={[{ required: true }]}>
                <Input maxLength={120} data-testid="ecn-title" />
              </Form.Item>
              <Form.Item name="reason" label={t("engineering.reason")}>
                <Input.TextArea rows={2} maxLength={2000} />
              </Form.Item>
              <Flex gap={12} wrap>
                <Form.Item name="effectivity" label={t("engineering.effectivityLabel")} style={{ flex: "1 1 160px" }}>
                  <Select options={(["date", "order", "use_up"] as const).map((e) => ({ value: e, label: t(`engineering.effectivity.${e}`) }))} />
                </Form.Item>
                <Form.Item name="effectiveDate" label={t("engineering.effectiveDate")} rules={[{ required: true }]} style={{ flex: "1 1 160px" }}>
                  <Input type="date" data-testid="ecn-date" />
                </Form.Item>
              </Flex>
              <Button type="primary" htmlType="submit" loading={busy} disabled={!diff?.changes.length} data-testid="ecn-create">
                {t("engineering.create")}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card
            size="small"
            title={diff ? `${t("engineering.changes")} · BOM ${t("engineering.fromTo", { from: diff.from, to: diff.to })}` : t("engineering.changes")}
          >
            {diff ? <ChangeLines lines={diff.changes} /> : <Typography.Text type="secondary">—</Typography.Text>}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
