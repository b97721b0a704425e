// One quote: its versions newest first (send, approve, convert, revise), the difference between two
// versions, marking it lost with the reason, and — once won — the order it became with its promise.
import { Alert, Button, Card, Input, Modal, Select, Space, Typography } from "antd";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { api } from "../api/client";
import type { OrderView } from "../api/types";
import { useSession } from "../auth/session";
import { QuoteEditor } from "./quote-editor";
import { QuoteStatusTag } from "./quote-tags";
import type { ConvertReply, QuoteVersion, QuoteView, SendReply } from "./types";
import { VersionCard } from "./version-card";
import { VersionDiff } from "./version-diff";

const LOST_REASONS = ["price", "lead_time", "spec", "competitor", "cancelled", "other"] as const;

export function QuotePage() {
  const { t } = useTranslation();
  const { quoteNo = "" } = useParams();
  const { me } = useSession();
  const [quote, setQuote] = useState<QuoteView>();
  const [order, setOrder] = useState<Pick<OrderView, "orderNo" | "promisedDate">>();
  const [converted, setConverted] = useState<ConvertReply["fromQuote"]>();
  const [revising, setRevising] = useState<QuoteVersion>();
  const [losing, setLosing] = useState(false);
  const [reason, setReason] = useState<(typeof LOST_REASONS)[number]>("price");
  const [note, setNote] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    api<QuoteView>("GET", `/api/quotes/${quoteNo}`)
      .then(setQuote)
      .catch((e: Error) => setError(e.message));
  }, [quoteNo]);
  useEffect(load, [load]);
  useEffect(() => {
    if (quote?.orderNo)
      api<OrderView>("GET", `/api/orders/${quote.orderNo}`)
        .then(setOrder)
        .catch(() => {});
  }, [quote?.orderNo]);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  if (!quote) return error ? <Alert type="error" showIcon message={error} /> : null;
  const open = quote.status === "open";
  const canApprove = me?.roles.some((r) => r === "sales" || r === "admin") ?? false;
  const versions = [...quote.versions].reverse();
  const latest = quote.versions[quote.versions.length - 1];
  const actionsOf = (v: QuoteVersion) => ({
    send: open && v.status === "draft" && v.approval.state !== "pending" ? () => run(() => send(v.version)) : undefined,
    sendAndHold: open && v.status === "draft" && v.approval.state !== "pending" && v.promise.date ? () => run(() => send(v.version, true)) : undefined,
    approve: open && v.approval.state === "pending" && canApprove ? () => run(() => approve(v.version)) : undefined,
    convert: open && (v.status === "sent" || v.status === "expired") ? () => run(() => convert(v.version)) : undefined,
    revise: open ? () => setRevising(v) : undefined,
  });
  const send = async (v: number, holdPromise = false) =>
    setQuote((await api<SendReply>("POST", `/api/quotes/${quoteNo}/versions/${v}/send`, holdPromise ? { holdPromise } : undefined)).quote);
  const approve = async (v: number) => setQuote(await api<QuoteView>("POST", `/api/quotes/${quoteNo}/versions/${v}/approve`, {}));
  const convert = async (v: number) => {
    const reply = await api<ConvertReply>("POST", `/api/quotes/${quoteNo}/versions/${v}/convert`);
    setConverted(reply.fromQuote);
    setOrder(reply);
    load();
  };
  const lose = () =>
    run(async () => {
      setQuote(await api<QuoteView>("POST", `/api/quotes/${quoteNo}/lost`, { reason, ...(note ? { note } : {}) }));
      setLosing(false);
    });

  return (
    <Space direction="vertical" size={12} style={{ width: "100%" }} data-testid="quote-page">
      <Card size="small">
        <Space wrap align="center" style={{ justifyContent: "space-between", width: "100%" }}>
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="quote-no">
              {quote.quoteNo}
            </Typography.Title>
            <QuoteStatusTag status={quote.status} />
            <span>{quote.customerName}</span>
            {quote.title && <Typography.Text type="secondary">{quote.title}</Typography.Text>}
          </Space>
          <Space wrap>
            <Link to="/quotes">{t("quotes.title")}</Link>
            {open && (
              <Button danger size="small" onClick={() => setLosing(true)} data-testid="quote-lose">
                {t("quotes.lose")}
              </Button>
            )}
          </Space>
        </Space>
        {quote.status === "lost" && (
          <Alert
            type="error"
            style={{ marginTop: 8 }}
            message={t("quotes.lostAs", { reason: t(`quotes.reasons.${quote.lostReason ?? "other"}`), note: quote.lostNote })}
          />
        )}
        {order && (
          <Alert
            type="success"
            showIcon
            style={{ marginTop: 8 }}
            data-testid="quote-order"
            message={
              <Space wrap>
                <span data-testid="quote-order-no">{t("quotes.converted", { orderNo: order.orderNo })}</span>
                <span data-testid="quote-order-promise">
                  {order.promisedDate ? t("quotes.orderPromise", { date: order.promisedDate }) : t("quotes.orderNoPromise")}
                </span>
              </Space>
            }
            description={
              converted && (
                <>
                  {converted.repriced && (
                    <div>{t("quotes.repriced", { list: converted.repriced.map((r) => `#${r.lineNo} ${r.from} → ${r.to}`).join("，") })}</div>
                  )}
                  {converted.repromised && <div>{t("quotes.repromised", { from: converted.repromised.from ?? "—", to: converted.repromised.to ?? "—" })}</div>}
                </>
              )
            }
          />
        )}
      </Card>
      {error && <Alert type="error" showIcon closable message={error} onClose={() => setError(undefined)} data-testid="quote-action-error" />}
      {revising && (
        <QuoteEditor
          key={`${revising.version}-${quote.versions.length}`}
          quoteNo={quote.quoteNo}
          from={revising}
          onSaved={(q) => {
            setQuote(q);
            setRevising(undefined);
          }}
        />
      )}
      {quote.versions.length > 1 && <VersionDiff quoteNo={quote.quoteNo} versions={quote.versions.map((v) => v.version)} key={latest.version} />}
      {versions.map((v) => (
        <VersionCard key={v.version} quoteNo={quote.quoteNo} version={v} actions={actionsOf(v)} busy={busy} />
      ))}
      <Modal open={losing} title={t("quotes.lose")} onOk={lose} onCancel={() => setLosing(false)} confirmLoading={busy} okButtonProps={{ danger: true }}>
        <Space direction="vertical" style={{ width: "100%" }}>
          <Select
            value={reason}
            onChange={setReason}
            options={LOST_REASONS.map((r) => ({ value: r, label: t(`quotes.reasons.${r}`) }))}
            aria-label={t("quotes.lostReason")}
            data-testid="lost-reason"
          />
          <Input.TextArea value={note} onChange={(e) => setNote(e.target.value)} placeholder={t("quotes.lostNote")} maxLength={500} rows={2} />
        </Space>
      </Modal>
    </Space>
  );
}
