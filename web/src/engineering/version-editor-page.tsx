// Engineering drafts a BOM or routing version in the app: a new draft starts from the version in force,
// a draft can be saved again and released (after a confirm), a released or superseded one is read only.
// Lines and operations are cards that wrap, so a phone never scrolls sideways.
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Checkbox, Flex, Input, Popconfirm, Select, Tag, Typography } from "antd";
import { type ReactNode, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router-dom";
import { api } from "../api/client";
import type { Body, Reply } from "../api/contract";
import { errorFor, type FieldErrors, toFieldErrors, unclaimed } from "./field-errors";
import { ItemSelect } from "./item-select";

type Item = Reply<"GET /api/items/{sku}">;
type Content = Reply<"GET /api/items/{sku}/bom">;
type Version = Reply<"POST /api/items/{sku}/bom-versions">;
type BomBody = Body<"POST /api/items/{sku}/bom-versions">;
type RoutingBody = Body<"POST /api/items/{sku}/routing-versions">;
type Line = Omit<BomBody["lines"][number], "scrapFactor" | "substitutes"> & { scrapFactor: string; substitutes: string[] };
type Operation = Required<RoutingBody["operations"][number]>;
type WorkCentres = Reply<"GET /api/calendar/work-centres">["workCentres"];

const STATUS_COLOUR: Record<string, string> = { draft: "gold", released: "success", superseded: "default" };
const FORM_FIELDS = /^(lines|operations)\.\d+\.|^(effectiveFrom|note)$/;

function Field({ label, error, grow, children }: { label: string; error?: string; grow: string; children: ReactNode }) {
  return (
    <Flex vertical gap={2} style={{ flex: grow, minWidth: 0 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label}
      </Typography.Text>
      {children}
      {error && (
        <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid="field-error">
          {error}
        </Typography.Text>
      )}
    </Flex>
  );
}

export function VersionEditorPage() {
  const { sku = "", kind: kindParam = "bom", version: versionParam = "new" } = useParams();
  const kind = kindParam === "routing" ? "routing" : "bom";
  const isNew = versionParam === "new";
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [item, setItem] = useState<Item>();
  const [header, setHeader] = useState<Version>();
  const [lines, setLines] = useState<Line[]>([]);
  const [operations, setOperations] = useState<Operation[]>([]);
  const [names, setNames] = useState<Record<string, string>>({});
  const [effectiveFrom, setEffectiveFrom] = useState("");
  const [note, setNote] = useState("");
  const [centres, setCentres] = useState<WorkCentres>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const query = isNew ? "" : kind === "bom" ? `?version=${versionParam}` : `?routingVersion=${versionParam}`;
    void Promise.all([api<Item>("GET", `/api/items/${sku}`), api<Content>("GET", `/api/items/${sku}/bom${query}`)])
      .then(([i, content]) => {
        setItem(i);
        const source = kind === "bom" ? content.bom : content.routing;
        if (!isNew) setHeader(source ?? undefined);
        setEffectiveFrom(isNew ? "" : (source?.effectiveFrom ?? ""));
        setNote(isNew ? "" : (source?.note ?? ""));
        const bom = content.bom;
        if (kind === "bom" && bom) {
          setLines(bom.lines.map((l) => ({ sku: l.sku, qtyPer: l.qtyPer, scrapFactor: l.scrapFactor, substitutes: l.substitutes })));
          setNames(Object.fromEntries(bom.lines.map((l) => [l.sku, l.name])));
        } else if (kind === "bom") setLines([{ sku: "", qtyPer: "1", scrapFactor: "0", substitutes: [] }]);
        if (kind === "routing")
          setOperations(content.routing?.operations ?? [{ seq: 10, workCentre: "", setupHours: "0", runHoursPerUnit: "", splittable: false }]);
      })
      .catch((e) => setErrors(toFieldErrors(e)));
    if (kind === "routing") void api<Reply<"GET /api/calendar/work-centres">>("GET", "/api/calendar/work-centres").then((r) => setCentres(r.workCentres));
  }, [sku, kind, isNew, versionParam]);

  const readOnly = !!header && header.status !== "draft";
  const setLine = (i: number, patch: Partial<Line>) => setLines((all) => all.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const setOp = (i: number, patch: Partial<Operation>) => setOperations((all) => all.map((o, j) => (j === i ? { ...o, ...patch } : o)));
  const base = `/api/items/${sku}/${kind}-versions`;

  const save = async () => {
    setBusy(true);
    setErrors({});
    setSaved(undefined);
    const content =
      kind === "bom"
        ? { lines: lines as BomBody["lines"], note, ...(effectiveFrom ? { effectiveFrom } : {}) }
        : { operations: operations as RoutingBody["operations"], note, ...(effectiveFrom ? { effectiveFrom } : {}) };
    try {
      const v = isNew ? await api<Version>("POST", base, content) : await api<Version>("PUT", `${base}/${versionParam}`, content);
      setHeader(v);
      setEffectiveFrom(v.effectiveFrom);
      setSaved(t("engineering.editor.saved", { version: v.version }));
      if (isNew) navigate(`/engineering/items/${sku}/${kind}/${v.version}`, { replace: true });
    } catch (e) {
      setErrors(toFieldErrors(e));
    } finally {
      setBusy(false);
    }
  };
  const release = async () => {
    setBusy(true);
    setErrors({});
    try {
      const v = await api<Version>("POST", `${base}/${header?.version}/release`, {});
      setHeader(v);
      setSaved(t("engineering.editor.releasedOk", { version: v.version, date: v.effectiveFrom }));
    } catch (e) {
      setErrors(toFieldErrors(e));
    } finally {
      setBusy(false);
    }
  };

  const title = kind === "bom" ? "BOM" : t("engineering.routing");
  const top = unclaimed(errors, (f) => FORM_FIELDS.test(f));
  return (
    <div data-testid="version-editor">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {sku} {item?.name} · {title} {header ? `V${header.version}` : t("engineering.editor.newDraft")}
        </Typography.Title>
        <Link to={`/engineering/items/${sku}`}>{t("engineering.editor.backToItem")}</Link>
      </Flex>
      {header && (
        <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
          <Tag color={STATUS_COLOUR[header.status]} data-testid="version-status">
            {t(`engineering.versionStatus.${header.status}`)}
          </Tag>
          {readOnly && <Typography.Text type="secondary">{t("engineering.editor.readOnly")}</Typography.Text>}
        </Flex>
      )}
      {top.map((m) => (
        <Alert key={m} type="error" showIcon message={m} style={{ marginBottom: 12 }} data-testid="editor-error" />
      ))}
      {saved && <Alert type="success" showIcon message={saved} style={{ marginBottom: 12 }} data-testid="editor-saved" />}
      <Card size="small" title={kind === "bom" ? t("engineering.editor.lines") : t("engineering.editor.operations")}>
        <Flex vertical gap={8}>
          {kind === "bom" &&
            lines.map((l, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a line has no id until it is saved; its place is its identity here
              <Card key={i} size="small" data-testid={`bom-line-${i}`} styles={{ body: { padding: 8 } }}>
                <Flex gap={8} wrap align="flex-start">
                  <Field label={t("engineering.editor.component")} error={errorFor(errors, `lines.${i}.sku`)} grow="2 1 220px">
                    <ItemSelect
                      value={l.sku}
                      onChange={(sku) => setLine(i, { sku })}
                      known={names}
                      disabled={readOnly}
                      status={errorFor(errors, `lines.${i}.sku`) ? "error" : undefined}
                      placeholder={t("engineering.pickItem")}
                      testId={`line-sku-${i}`}
                      ariaLabel={t("engineering.editor.component")}
                    />
                  </Field>
                  <Field label={t("engineering.editor.qtyPer")} error={errorFor(errors, `lines.${i}.qtyPer`)} grow="1 1 90px">
                    <Input
                      value={l.qtyPer}
                      inputMode="decimal"
                      disabled={readOnly}
                      status={errorFor(errors, `lines.${i}.qtyPer`) ? "error" : undefined}
                      onChange={(e) => setLine(i, { qtyPer: e.target.value })}
                      data-testid={`line-qty-${i}`}
                      aria-label={t("engineering.editor.qtyPer")}
                    />
                  </Field>
                  <Field label={t("engineering.editor.scrap")} error={errorFor(errors, `lines.${i}.scrapFactor`)} grow="1 1 90px">
                    <Input
                      value={l.scrapFactor}
                      inputMode="decimal"
                      disabled={readOnly}
                      status={errorFor(errors, `lines.${i}.scrapFactor`) ? "error" : undefined}
                      onChange={(e) => setLine(i, { scrapFactor: e.target.value })}
                      aria-label={t("engineering.editor.scrap")}
                    />
                  </Field>
                  <Field label={t("engineering.editor.substitutes")} error={errorFor(errors, `lines.${i}.substitutes`)} grow="2 1 200px">
                    <ItemSelect
                      multiple
                      value={l.substitutes}
                      onChange={(substitutes) => setLine(i, { substitutes })}
                      known={names}
                      disabled={readOnly}
                      status={errorFor(errors, `lines.${i}.substitutes`) ? "error" : undefined}
                      ariaLabel={t("engineering.editor.substitutes")}
                    />
                  </Field>
                  {!readOnly && (
                    <RemoveRow
                      label={t("engineering.editor.remove")}
                      lastOne={lines.length < 2}
                      onRemove={() => {
                        setErrors({});
                        setLines((all) => all.filter((_, j) => j !== i));
                      }}
                    />
                  )}
                </Flex>
              </Card>
            ))}
          {kind === "routing" &&
            operations.map((o, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: an operation has no id until it is saved
              <Card key={i} size="small" data-testid={`operation-${i}`} styles={{ body: { padding: 8 } }}>
                <Flex gap={8} wrap align="flex-start">
                  <Field label={t("engineering.editor.seq")} error={errorFor(errors, `operations.${i}.seq`)} grow="0 1 80px">
                    <Input
                      value={String(o.seq)}
                      inputMode="numeric"
                      disabled={readOnly}
                      status={errorFor(errors, `operations.${i}.seq`) ? "error" : undefined}
                      onChange={(e) => setOp(i, { seq: Number(e.target.value.replace(/\D/g, "")) })}
                      aria-label={t("engineering.editor.seq")}
                    />
                  </Field>
                  <Field label={t("engineering.editor.workCentre")} error={errorFor(errors, `operations.${i}.workCentre`)} grow="2 1 180px">
                    <Select
                      value={o.workCentre || undefined}
                      disabled={readOnly}
                      status={errorFor(errors, `operations.${i}.workCentre`) ? "error" : undefined}
                      onChange={(workCentre: string) => setOp(i, { workCentre })}
                      options={centres.map((c) => ({ value: c.code, label: `${c.code} ${c.name}` }))}
                      aria-label={t("engineering.editor.workCentre")}
                      data-testid={`op-centre-${i}`}
                    />
                  </Field>
                  <Field label={t("engineering.editor.setupHours")} error={errorFor(errors, `operations.${i}.setupHours`)} grow="1 1 90px">
                    <Input
                      value={o.setupHours}
                      inputMode="decimal"
                      disabled={readOnly}
                      status={errorFor(errors, `operations.${i}.setupHours`) ? "error" : undefined}
                      onChange={(e) => setOp(i, { setupHours: e.target.value })}
                      aria-label={t("engineering.editor.setupHours")}
                    />
                  </Field>
                  <Field label={t("engineering.editor.runHours")} error={errorFor(errors, `operations.${i}.runHoursPerUnit`)} grow="1 1 90px">
                    <Input
                      value={o.runHoursPerUnit}
                      inputMode="decimal"
                      disabled={readOnly}
                      status={errorFor(errors, `operations.${i}.runHoursPerUnit`) ? "error" : undefined}
                      onChange={(e) => setOp(i, { runHoursPerUnit: e.target.value })}
                      data-testid={`op-run-${i}`}
                      aria-label={t("engineering.editor.runHours")}
                    />
                  </Field>
                  <Checkbox
                    checked={o.splittable}
                    disabled={readOnly}
                    onChange={(e) => setOp(i, { splittable: e.target.checked })}
                    style={{ alignSelf: "flex-end", paddingBottom: 4 }}
                  >
                    {t("engineering.editor.splittable")}
                  </Checkbox>
                  {!readOnly && (
                    <RemoveRow
                      label={t("engineering.editor.remove")}
                      lastOne={operations.length < 2}
                      onRemove={() => {
                        setErrors({});
                        setOperations((all) => all.filter((_, j) => j !== i));
                      }}
                    />
                  )}
                </Flex>
              </Card>
            ))}
          {!readOnly && (
            <Button
              icon={<PlusOutlined />}
              data-testid="add-row"
              onClick={() =>
                kind === "bom"
                  ? setLines((all) => [...all, { sku: "", qtyPer: "1", scrapFactor: "0", substitutes: [] }])
                  : setOperations((all) => [
                      ...all,
                      { seq: Math.max(0, ...all.map((o) => o.seq)) + 10, workCentre: "", setupHours: "0", runHoursPerUnit: "", splittable: false },
                    ])
              }
            >
              {kind === "bom" ? t("engineering.editor.addLine") : t("engineering.editor.addOperation")}
            </Button>
          )}
        </Flex>
      </Card>
      <Card size="small" style={{ marginTop: 12 }}>
        <Flex gap={12} wrap align="flex-start">
          <Field label={t("engineering.effectiveDate")} error={errorFor(errors, "effectiveFrom")} grow="1 1 160px">
            <Input
              type="date"
              value={effectiveFrom}
              disabled={readOnly}
              onChange={(e) => setEffectiveFrom(e.target.value)}
              data-testid="version-effective"
              aria-label={t("engineering.effectiveDate")}
            />
          </Field>
          <Field label={t("engineering.note")} error={errorFor(errors, "note")} grow="3 1 240px">
            <Input.TextArea
              rows={2}
              maxLength={500}
              value={note}
              disabled={readOnly}
              onChange={(e) => setNote(e.target.value)}
              data-testid="version-note"
              aria-label={t("engineering.note")}
            />
          </Field>
        </Flex>
        {!readOnly && (
          <Flex gap={8} wrap style={{ marginTop: 12 }}>
            <Button type="primary" loading={busy} onClick={() => void save()} data-testid="version-save">
              {t("engineering.editor.save")}
            </Button>
            {header?.status === "draft" && (
              <Popconfirm
                title={t("engineering.editor.releaseConfirm", { version: header.version, date: header.effectiveFrom })}
                onConfirm={() => void release()}
                okButtonProps={{ "data-testid": "version-release-ok" } as never}
              >
                <Button loading={busy} data-testid="version-release">
                  {t("engineering.release")}
                </Button>
              </Popconfirm>
            )}
          </Flex>
        )}
      </Card>
    </div>
  );
}

/** The delete button of one BOM line or routing operation; the last row cannot go. */
function RemoveRow({ label, lastOne, onRemove }: { label: string; lastOne: boolean; onRemove: () => void }) {
  return <Button danger type="text" icon={<DeleteOutlined />} aria-label={label} disabled={lastOne} onClick={onRemove} style={{ alignSelf: "flex-end" }} />;
}
