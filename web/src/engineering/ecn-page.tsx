// One engineering change notice: what changes (the version diff), the orders, work orders, stock and
// purchases it touches, a decision with an owner per row, and the moves of its review up to release.
import { Alert, App, Button, Card, Col, Descriptions, Flex, Row, Select, Space, Table, Tag, Typography } from "antd";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { api } from "../api/client";
import type { Reply } from "../api/contract";
import { useLiveData } from "../api/use-live-data";
import { OrderLink } from "../orders/order-drawer";
import { usePeople } from "../orders/use-people";
import { EcnStatusTag } from "./ecn-status-tag";

type Ecn = Reply<"GET /api/ecns/{ecnNo}">;
type Impact = Reply<"GET /api/ecns/{ecnNo}/impact">;
type ImpactRow = Impact["rows"][number];
type Decision = ImpactRow["suggested"];
type Choice = { decision?: Decision; owner?: string };

const MOVES: Record<string, { to: "review" | "approved" | "draft" | "closed"; label: string; primary?: boolean }[]> = {
  draft: [{ to: "review", label: "submit", primary: true }],
  review: [
    { to: "approved", label: "approve", primary: true },
    { to: "draft", label: "sendBack" },
  ],
  approved: [{ to: "review", label: "sendBack" }],
  released: [{ to: "closed", label: "close" }],
  closed: [],
};

export function EcnPage() {
  const { ecnNo = "" } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const data = useLiveData(
    async () => {
      const [ecn, impact] = await Promise.all([api<Ecn>("GET", `/api/ecns/${ecnNo}`), api<Impact>("GET", `/api/ecns/${ecnNo}/impact`)]);
      return { ecn, impact };
    },
    [ecnNo],
    (c) => c.kind === "master" || c.kind === "order",
  );
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ message: string }>();
  const ecn = data.data?.ecn;
  const impact = data.data?.impact;
  useEffect(() => {
    if (!impact) return;
    setChoices((prev) => {
      const next: Record<string, Choice> = {};
      for (const r of impact.rows) next[r.ref] = prev[r.ref]?.decision ? prev[r.ref] : { decision: r.decision ?? undefined, owner: r.owner ?? undefined };
      return next;
    });
  }, [impact]);
  const changed = useMemo(
    () =>
      (impact?.rows ?? []).filter((r) => {
        const c = choices[r.ref];
        return c?.decision && (c.decision !== r.decision || (c.owner ?? null) !== r.owner);
      }),
    [impact, choices],
  );
  const run = async (work: () => Promise<string | undefined>) => {
    setBusy(true);
    setProblem(undefined);
    try {
      const done = await work();
      if (done) message.success(done);
      await data.reload();
    } catch (e) {
      setProblem({ message: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };
  const save = () =>
    run(async () => {
      await api("POST", `/api/ecns/${ecnNo}/decisions`, {
        rows: changed.map((r) => ({ ref: r.ref, decision: choices[r.ref].decision, ...(choices[r.ref].owner ? { owner: choices[r.ref].owner } : {}) })),
      });
      return t("engineering.saved", { count: changed.length });
    });
  const release = () =>
    run(async () => {
      const out = await api<{ switched: string[] }>("POST", `/api/ecns/${ecnNo}/release`);
      return t("engineering.released", { count: out.switched.length });
    });
  const move = (to: string) => run(async () => void (await api("POST", `/api/ecns/${ecnNo}/transitions`, { to })));
  const editable = ecn && ["draft", "review", "approved"].includes(ecn.status);
  return (
    <div data-testid="ecn-page">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Space wrap align="center">
          <Typography.Title level={3} style={{ margin: 0 }}>
            {ecnNo}
          </Typography.Title>
          {ecn && <EcnStatusTag status={ecn.status} />}
        </Space>
        <Space wrap>
          <Link to="/board/engineering">{t("engineering.back")}</Link>
          {ecn &&
            MOVES[ecn.status].map((m) => (
              <Button key={m.to} type={m.primary ? "primary" : "default"} loading={busy} onClick={() => void move(m.to)} data-testid={`ecn-${m.to}`}>
                {t(`engineering.${m.label}`)}
              </Button>
            ))}
          {ecn?.status === "approved" && (
            <Button type="primary" danger loading={busy} onClick={() => void release()} data-testid="ecn-release">
              {t("engineering.release")}
            </Button>
          )}
        </Space>
      </Flex>
      {data.error && <Alert type="error" showIcon message={data.error.message} style={{ marginBottom: 12 }} />}
      {problem && <Alert type="error" showIcon style={{ marginBottom: 12 }} data-testid="ecn-problem" message={problem.message} />}
      {ecn && (
        <Row gutter={[12, 12]}>
          <Col xs={24} xl={10}>
            <Card size="small" title={ecn.title}>
              <Descriptions size="small" column={1}>
                <Descriptions.Item label={t("engineering.item")}>
                  <Link to={`/engineering/items/${ecn.sku}`} data-testid="item-versions-link">
                    {ecn.sku}
                  </Link>{" "}
                  {ecn.itemName}
                </Descriptions.Item>
                {ecn.bom.to !== null && (
                  <Descriptions.Item label="BOM">{t("engineering.fromTo", { from: ecn.bom.from ?? "—", to: ecn.bom.to })}</Descriptions.Item>
                )}
                {ecn.routing.to !== null && (
                  <Descriptions.Item label={t("engineering.lineKind.operation")}>
                    {t("engineering.fromTo", { from: ecn.routing.from ?? "—", to: ecn.routing.to })}
                  </Descriptions.Item>
                )}
                <Descriptions.Item label={t("engineering.effectiveDate")}>
                  {ecn.effectiveDate} · {t(`engineering.effectivity.${ecn.effectivity}`)}
                </Descriptions.Item>
                {ecn.reason && <Descriptions.Item label={t("engineering.reason")}>{ecn.reason}</Descriptions.Item>}
              </Descriptions>
            </Card>
          </Col>
          <Col xs={24} xl={14}>
            <Card size="small" title={t("engineering.changes")}>
              <ChangeLines lines={ecn.lines} />
            </Card>
          </Col>
          <Col span={24}>
            <Card
              size="small"
              title={`${t("engineering.impact")}${impact ? ` (${impact.rows.length})` : ""}`}
              extra={
                impact && impact.undecided.length > 0 ? (
                  <Tag color="warning">{t("engineering.undecided", { count: impact.undecided.length })}</Tag>
                ) : (
                  <Tag color="success">{t("engineering.allDecided")}</Tag>
                )
              }
            >
              <ImpactRows
                rows={impact?.rows ?? []}
                choices={choices}
                editable={!!editable}
                onChange={(ref, c) => setChoices((p) => ({ ...p, [ref]: { ...p[ref], ...c } }))}
              />
              {editable && (
                <Flex gap={8} wrap justify="flex-end" style={{ marginTop: 12 }}>
                  <Button
                    onClick={() =>
                      setChoices((p) =>
                        Object.fromEntries((impact?.rows ?? []).map((r) => [r.ref, p[r.ref]?.decision ? p[r.ref] : { ...p[r.ref], decision: r.suggested }])),
                      )
                    }
                    data-testid="accept-suggested"
                  >
                    {t("engineering.acceptSuggested")}
                  </Button>
                  <Button type="primary" disabled={!changed.length} loading={busy} onClick={() => void save()} data-testid="save-decisions">
                    {t("engineering.saveDecisions")}
                    {changed.length ? ` (${changed.length})` : ""}
                  </Button>
                </Flex>
              )}
            </Card>
          </Col>
        </Row>
      )}
    </div>
  );
}

/** 2.0000 reads as 2; text (a work centre, a time) as it is. */
const plain = (v: string | null) => (v === null ? "—" : /^\d+(\.\d+)?$/.test(v) ? String(Number(v)) : v);

export function ChangeLines({ lines }: { lines: { kind: string; ref: string; from: string | null; to: string | null }[] }) {
  const { t } = useTranslation();
  return (
    <Table
      size="small"
      pagination={false}
      rowKey={(l) => `${l.kind}-${l.ref}`}
      dataSource={lines}
      data-testid="ecn-lines"
      locale={{ emptyText: t("engineering.diffEmpty") }}
      columns={[
        { title: t("engineering.lineKindTitle"), dataIndex: "kind", render: (k: string) => <Tag>{t(`engineering.lineKind.${k}`)}</Tag> },
        { title: t("engineering.ref"), dataIndex: "ref" },
        { title: t("engineering.from"), dataIndex: "from", render: plain },
        { title: t("engineering.to"), dataIndex: "to", render: plain },
      ]}
    />
  );
}

function ImpactRows(props: { rows: ImpactRow[]; choices: Record<string, Choice>; editable: boolean; onChange(ref: string, c: Choice): void }) {
  const { t } = useTranslation();
  const { people, nameOf } = usePeople();
  return (
    <Flex vertical gap={8} data-testid="impact-rows">
      {props.rows.map((r) => {
        const c = props.choices[r.ref] ?? {};
        return (
          <Flex
            key={r.ref}
            gap={8}
            wrap
            align="center"
            justify="space-between"
            className="impact-row"
            data-testid={`impact-${r.ref}`}
            style={{ borderBottom: "1px solid #f0f0f0", paddingBottom: 8 }}
          >
            <Flex vertical gap={2} style={{ minWidth: 220, flex: "1 1 260px" }}>
              <Space wrap size={4}>
                <Tag>{t(`engineering.kind.${r.kind}`)}</Tag>
                {r.kind === "order_line" && r.orderNo ? (
                  <span>
                    <OrderLink orderNo={r.orderNo} />/{r.lineNo}
                  </span>
                ) : (
                  <span>{r.sku}</span>
                )}
                {r.via && <Tag color="purple">{t("engineering.via", { sku: r.via })}</Tag>}
              </Space>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {r.kind === "order_line" &&
                  [
                    r.customerName ?? r.customer,
                    r.qty !== undefined ? `× ${r.qty}` : null,
                    r.due ? `${t("engineering.due")} ${r.due}` : null,
                    r.bomVersion ? `BOM V${r.bomVersion}` : null,
                    r.stage ? t(`engineering.stage.${r.stage}`, { seq: r.startedThrough }) : null,
                    r.workOrder,
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                {r.kind === "stock" && t("engineering.onHand", { qty: r.onHand })}
                {r.kind === "purchase" && `${r.poRef} · ${t("engineering.poExpected", { qty: r.qty, date: r.expectedDate })}`}
              </Typography.Text>
            </Flex>
            <Flex gap={8} wrap align="center" style={{ flex: "1 1 300px", justifyContent: "flex-end" }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t("engineering.suggested")}: {t(`engineering.decision.${r.suggested}`)}
              </Typography.Text>
              {props.editable ? (
                <>
                  <Select
                    size="small"
                    style={{ width: 130 }}
                    placeholder={t("engineering.yourDecision")}
                    value={c.decision}
                    onChange={(decision: Decision) => props.onChange(r.ref, { decision })}
                    options={r.allowed.map((d) => ({ value: d, label: t(`engineering.decision.${d}`) }))}
                    data-testid={`decision-${r.ref}`}
                    aria-label={`${t("engineering.yourDecision")} ${r.ref}`}
                  />
                  <Select
                    size="small"
                    style={{ width: 110 }}
                    allowClear
                    placeholder={t("engineering.owner")}
                    value={c.owner}
                    onChange={(owner?: string) => props.onChange(r.ref, { owner })}
                    options={people.map((p) => ({ value: p.username, label: p.displayName }))}
                    aria-label={`${t("engineering.owner")} ${r.ref}`}
                  />
                </>
              ) : (
                <Tag color={r.decision === "switch" ? "blue" : "default"}>{r.decision ? t(`engineering.decision.${r.decision}`) : "—"}</Tag>
              )}
              {r.decision && r.owner && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t("engineering.owner")} {r.ownerName ?? nameOf(r.owner)}
                </Typography.Text>
              )}
            </Flex>
          </Flex>
        );
      })}
    </Flex>
  );
}
