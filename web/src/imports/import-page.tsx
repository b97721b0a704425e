// The import screen: choose a file and what it holds, dry-run it, correct the column mapping (and save it
// as a template), read every row error (and download them), then commit with a progress bar.
import { CheckCircleOutlined, InboxOutlined, PlayCircleOutlined, SaveOutlined, UploadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Form, Input, InputNumber, Progress, Result, Segmented, Select, Space, Typography, Upload } from "antd";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client";
import {
  type AliasHandler,
  confirmAliases,
  downloadErrors,
  downloadReconciliation,
  type FieldCatalogue,
  getFields,
  getTemplates,
  type ImportKind,
  type ImportOptions,
  type ImportReport,
  runImport,
  saveTemplate,
  type Template,
  type ValueAnswers,
} from "./import-api";
import { ImportHistory } from "./import-history";
import { MappingTable } from "./mapping-table";
import "./import.css";
import "./messages";
import { AfterGoLiveList, GoLiveCard } from "./go-live";
import { ReportView } from "./report-view";
import { UnknownWords } from "./unknown-words";
import { useCommit } from "./use-commit";

const KINDS: ImportKind[] = ["orders", "customers", "items", "inventory"];

const size = (bytes: number) => (bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

export function ImportPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<ImportKind>("orders");
  const [sheet, setSheet] = useState<string>();
  const [template, setTemplate] = useState<string>();
  const [year, setYear] = useState<number | null>(null);
  const [overrides, setOverrides] = useState<Record<string, string>>({});
  const [answers, setAnswers] = useState<ValueAnswers>({});
  const [questionMarkIsYen, setQuestionMarkIsYen] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const [downloading, setDownloading] = useState(false);
  const [catalogue, setCatalogue] = useState<FieldCatalogue | null>(null);
  const [templates, setTemplates] = useState<Template[]>([]);
  const [templateName, setTemplateName] = useState("");
  const [version, setVersion] = useState(0);
  const { progress, result, commit, reset } = useCommit();

  useEffect(() => {
    void getFields().then(setCatalogue);
    void getTemplates().then((r) => setTemplates(r.templates));
  }, []);

  const options = useCallback(
    (over: Partial<ImportOptions> = {}): ImportOptions => ({
      kind,
      sheet,
      template,
      year: year ?? undefined,
      mapping: overrides,
      values: answers,
      questionMarkIsYen,
      ...over,
    }),
    [kind, sheet, template, year, overrides, answers, questionMarkIsYen],
  );

  const fail = (e: unknown) => setError(e instanceof ApiError || e instanceof Error ? e.message : String(e));

  const dryRun = async (over: Partial<ImportOptions> = {}) => {
    if (!file || checking) return;
    setChecking(true);
    setError(null);
    reset();
    try {
      const next = await runImport(file, options(over), { dryRun: true });
      setReport(next);
      setSheet(next.file.sheet);
    } catch (e) {
      setReport(null);
      fail(e);
    } finally {
      setChecking(false);
    }
  };

  const confirmCustomer: AliasHandler = async (customer, spellings) => {
    try {
      await confirmAliases(customer.code, spellings);
    } catch (e) {
      fail(e);
      throw e;
    }
    message.success(t("imports.proposal.confirmed", { alias: spellings.join("、"), name: customer.name }));
    await dryRun();
  };

  const startOver = (next: { file?: File | null; kind?: ImportKind; template?: string }) => {
    if (next.file !== undefined) setFile(next.file);
    if (next.kind) setKind(next.kind);
    if ("template" in next) setTemplate(next.template);
    setSheet(undefined);
    setOverrides({});
    setAnswers({});
    setQuestionMarkIsYen(false);
    setReport(null);
    setError(null);
    reset();
  };

  const download = async () => {
    if (!file || !report?.errors.length) return;
    setDownloading(true);
    try {
      await downloadErrors(file, options());
    } catch (e) {
      fail(e);
    } finally {
      setDownloading(false);
    }
  };

  const downloadList = async () => {
    if (!file) return;
    setDownloading(true);
    try {
      await downloadReconciliation(file, options());
    } catch (e) {
      fail(e);
    } finally {
      setDownloading(false);
    }
  };

  const doCommit = async () => {
    if (!file || !report?.valid || progress?.phase === "write" || result) return;
    setError(null);
    try {
      await commit(file, options());
      setVersion((v) => v + 1);
    } catch (e) {
      fail(e);
    }
  };

  const save = async () => {
    if (!report || !templateName.trim()) return;
    const dropped = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v === ""));
    // The chosen template's answers, then the ones given on this screen.
    const kept = templates.find((x) => x.name === template)?.values ?? {};
    const values: ValueAnswers = { ...kept };
    for (const [field, words] of Object.entries(answers)) values[field] = { ...(kept[field] ?? {}), ...words };
    try {
      const saved = await saveTemplate(templateName.trim(), report.kind, { ...report.mapping, ...dropped }, values, report.headerRow);
      message.success(t("imports.templateSaved", { name: saved.name }));
      setTemplates((list) => [...list.filter((x) => x.name !== saved.name), saved].sort((a, b) => a.name.localeCompare(b.name)));
    } catch (e) {
      fail(e);
    }
  };

  // Alt+D dry run, Alt+S commit, Alt+E download: one listener reading the latest handlers.
  const keys = useRef({ dryRun, doCommit, download });
  keys.current = { dryRun, doCommit, download };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const action = { KeyD: keys.current.dryRun, KeyS: keys.current.doCommit, KeyE: keys.current.download }[e.code];
      if (!action) return;
      e.preventDefault();
      void action();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const committing = progress !== null && progress.phase !== "done" && progress.phase !== "failed";
  const kindTemplates = templates.filter((x) => x.kind === kind);

  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }} className="import-page">
      <div>
        <Typography.Title level={3} className="board-title" style={{ marginBottom: 4 }}>
          {t("imports.title")}
        </Typography.Title>
        <Typography.Text type="secondary">{t("imports.intro")}</Typography.Text>{" "}
        <Typography.Text type="secondary" className="import-keys">
          {t("imports.keys")}
        </Typography.Text>
      </div>

      <GoLiveCard />

      <Card size="small" title={t("imports.step.choose")}>
        <Space direction="vertical" size="middle" style={{ width: "100%" }}>
          <Upload.Dragger
            accept=".xlsx,.xls,.et,.csv"
            multiple={false}
            showUploadList={false}
            beforeUpload={(f) => {
              startOver({ file: f });
              return false;
            }}
            data-testid="import-file"
          >
            <p className="ant-upload-drag-icon">{file ? <UploadOutlined /> : <InboxOutlined />}</p>
            <p className="ant-upload-text" data-testid="chosen-file">
              {file ? t("imports.chosen", { name: file.name, size: size(file.size) }) : t("imports.choose")}
            </p>
          </Upload.Dragger>
          <Form layout="inline" className="import-options">
            <Form.Item label={t("imports.kind")}>
              <Segmented
                value={kind}
                onChange={(v) => startOver({ kind: v as ImportKind, template: undefined })}
                options={KINDS.map((k) => ({ value: k, label: t(`imports.kinds.${k}`) }))}
                data-testid="import-kind"
              />
            </Form.Item>
            <Form.Item label={t("imports.template")}>
              <Select
                style={{ width: 180 }}
                value={template ?? ""}
                onChange={(v: string) => startOver({ template: v || undefined })}
                options={[{ value: "", label: t("imports.noTemplate") }, ...kindTemplates.map((x) => ({ value: x.name, label: x.name }))]}
                aria-label={t("imports.template")}
              />
            </Form.Item>
            <Form.Item label={t("imports.year")} tooltip={t("imports.yearHint")}>
              <InputNumber min={1990} max={2100} value={year} onChange={(v) => setYear(v)} style={{ width: 100 }} aria-label={t("imports.year")} />
            </Form.Item>
            <Form.Item>
              <Button
                type="primary"
                icon={<PlayCircleOutlined />}
                onClick={() => void dryRun()}
                disabled={!file}
                loading={checking}
                data-testid="dry-run"
                title="Alt+D"
              >
                {t("imports.dryRun")}
              </Button>
            </Form.Item>
          </Form>
        </Space>
      </Card>

      {error && <Alert type="error" showIcon message={error} data-testid="import-error" closable onClose={() => setError(null)} />}

      {report && catalogue && (
        <Card
          size="small"
          title={t("imports.step.check")}
          extra={
            <Space>
              <span>{t("imports.sheet")}</span>
              <Select
                style={{ minWidth: 140 }}
                value={report.file.sheet}
                options={report.file.sheets.map((s) => ({ value: s, label: s }))}
                onChange={(s: string) => {
                  setSheet(s);
                  setOverrides({});
                  void dryRun({ sheet: s, mapping: {} });
                }}
                aria-label={t("imports.sheet")}
                data-testid="import-sheet"
              />
            </Space>
          }
        >
          <div className="import-check">
            <div className="import-mapping">
              <Typography.Title level={5}>{t("imports.mapping")}</Typography.Title>
              <Typography.Paragraph type="secondary">{t("imports.mappingHint")}</Typography.Paragraph>
              <MappingTable report={report} catalogue={catalogue} overrides={overrides} onChange={setOverrides} />
              <Space wrap style={{ marginTop: 12 }}>
                <Button onClick={() => void dryRun()} disabled={!Object.keys(overrides).length} loading={checking} data-testid="recheck">
                  {t("imports.recheck")}
                </Button>
                <Space.Compact className="import-template-save">
                  <Input
                    placeholder={t("imports.templateName")}
                    value={templateName}
                    onChange={(e) => setTemplateName(e.target.value)}
                    onPressEnter={() => void save()}
                    maxLength={60}
                    aria-label={t("imports.templateName")}
                    className="import-template-name"
                  />
                  <Button icon={<SaveOutlined />} onClick={() => void save()} disabled={!templateName.trim()} data-testid="save-template">
                    {t("imports.saveTemplate")}
                  </Button>
                </Space.Compact>
              </Space>
            </div>
            <div className="import-result">
              <Typography.Title level={5}>{t("imports.summary")}</Typography.Title>
              {report.lostYen && (
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginBottom: 12 }}
                  message={report.lostYen.message}
                  data-testid="lost-yen"
                  description={
                    <Button
                      size="small"
                      style={{ marginTop: 4, whiteSpace: "normal", height: "auto" }}
                      onClick={() => {
                        setQuestionMarkIsYen(true);
                        void dryRun({ questionMarkIsYen: true });
                      }}
                      loading={checking}
                      data-testid="lost-yen-anyway"
                    >
                      {t("imports.lostYenAnyway")}
                    </Button>
                  }
                />
              )}
              {questionMarkIsYen && !report.lostYen && (
                <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t("imports.lostYenOn")} data-testid="lost-yen-on" />
              )}
              <UnknownWords words={report.unknownValues} answers={answers} onChange={setAnswers} onApply={() => void dryRun()} checking={checking} />
              <ReportView report={report} onDownload={() => void download()} downloading={downloading} onAlias={confirmCustomer} />
              {report.afterGoLive && <AfterGoLiveList after={report.afterGoLive} onDownload={() => void downloadList()} downloading={downloading} />}
            </div>
          </div>
        </Card>
      )}

      {report && (
        <Card size="small" title={t("imports.step.commit")}>
          <Space direction="vertical" style={{ width: "100%" }}>
            {!result && (
              <Button
                type="primary"
                icon={<CheckCircleOutlined />}
                onClick={() => void doCommit()}
                disabled={!report.valid || committing}
                loading={committing}
                data-testid="commit"
                title="Alt+S"
              >
                {committing ? t("imports.committing") : t("imports.commit", { count: report.valid })}
              </Button>
            )}
            {progress && (
              <div data-testid="import-progress" data-percent={progress.percent} data-phase={progress.phase}>
                <Progress
                  percent={progress.percent}
                  status={progress.phase === "failed" ? "exception" : progress.phase === "done" ? "success" : "active"}
                  aria-label={t(`imports.phase.${progress.phase}`)}
                />
                <Typography.Text type="secondary">
                  {t(`imports.phase.${progress.phase}`)}
                  {progress.phase === "write" ? ` ${progress.done} / ${progress.total}` : ""}
                </Typography.Text>
              </div>
            )}
            {result && (
              <Result
                status="success"
                title={t("imports.done")}
                subTitle={
                  result.replayed
                    ? t("imports.replayed", { id: result.importId })
                    : result.kind === "orders"
                      ? t("imports.doneDetail", {
                          id: result.importId,
                          orders: result.create.orders ?? 0,
                          lines: result.create.lines ?? 0,
                          customers: result.create.customers ?? 0,
                          amount: result.amount ?? "0.00",
                        })
                      : t("imports.doneMaster", {
                          id: result.importId,
                          what: Object.entries(result.create)
                            .map(([thing, n]) => `${n} ${t(`imports.things.${thing}`, { defaultValue: thing })}`)
                            .join(t("imports.sep")),
                        })
                }
                extra={<Button onClick={() => startOver({ file: null })}>{t("imports.again")}</Button>}
                data-testid="import-done"
              />
            )}
          </Space>
        </Card>
      )}

      <ImportHistory version={version} />
    </Space>
  );
}
