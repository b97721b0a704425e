// The engineer's phone page: find the unit, record the parts replaced, a photo and notes; the visit's
// rules then give the warranty card (link shown here), the replenishment request and the lifecycle entry.
import { Alert, Button, Card, Input, Result, Space, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { api } from "../api/client";
import { FindUnit } from "./find-unit";
import { PartsPicker, type PickedParts } from "./parts-picker";
import { PhotoField } from "./photo-field";
import type { Equipment, VisitResult } from "./types";
import { LifecycleTimeline, UnitCard } from "./unit-view";
import { useUnitLookup } from "./use-unit-lookup";
import "./field.css";

function VisitDone({ result, onAgain }: { result: VisitResult; onAgain(): void }) {
  const { t } = useTranslation();
  const card = result.warrantyCard;
  return (
    <Card size="small" data-testid="visit-result">
      <Result status="success" style={{ padding: 8 }} title={t("field.saved", { id: result.id })} />
      <Space direction="vertical" style={{ width: "100%" }}>
        {card ? (
          <Alert
            type="info"
            showIcon
            message={t("field.warrantyCard")}
            description={
              <Space direction="vertical" size={0}>
                <Typography.Text copyable code>
                  {card.code}
                </Typography.Text>
                <Typography.Text>{t("field.validUntil", { date: card.validUntil })}</Typography.Text>
                <a href={card.url} download={`warranty-${card.code}.pdf`} data-testid="warranty-link">
                  {t("field.download")}
                </a>
              </Space>
            }
          />
        ) : (
          <Alert type="warning" showIcon message={t("field.noCard")} data-testid="no-card" />
        )}
        {result.replenishmentRequested && <Alert type="success" showIcon message={t("field.replenishment")} />}
        {result.rules.length > 0 && <Typography.Text type="secondary">{t("field.rules", { list: result.rules.join("、") })}</Typography.Text>}
        <Button block onClick={onAgain}>
          {t("field.newVisit")}
        </Button>
      </Space>
    </Card>
  );
}

function VisitForm({ unit, onSaved }: { unit: Equipment; onSaved(result: VisitResult): void }) {
  const { t } = useTranslation();
  const [parts, setParts] = useState<PickedParts>({});
  const [photo, setPhoto] = useState<File | null>(null);
  const [notes, setNotes] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit() {
    const list = Object.entries(parts).map(([sku, qty]) => ({ sku, qty }));
    if (!list.length) return setError(t("field.noParts"));
    if (!photo) return setError(t("field.photoMissing"));
    const form = new FormData();
    form.append("parts", JSON.stringify(list));
    form.append("notes", notes);
    form.append("photo", photo, photo.name);
    setBusy(true);
    setError(undefined);
    try {
      onSaved(await api<VisitResult>("POST", `/api/equipment/${encodeURIComponent(unit.serial)}/visits`, form));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card size="small" title={t("field.recordVisit")} data-testid="visit-form">
      <Space direction="vertical" style={{ width: "100%" }} size="middle">
        <div>
          <Typography.Text strong>{t("field.parts")}</Typography.Text>
          <PartsPicker unit={unit} value={parts} onChange={setParts} />
        </div>
        <div>
          <Typography.Text strong>{t("field.photo")}</Typography.Text>
          <PhotoField value={photo} onChange={setPhoto} />
        </div>
        <div>
          <Typography.Text strong>{t("field.notes")}</Typography.Text>
          <Input.TextArea rows={3} maxLength={4000} value={notes} onChange={(e) => setNotes(e.target.value)} data-testid="visit-notes" />
        </div>
        {error && <Alert type="error" showIcon message={error} data-testid="visit-error" />}
        <Button type="primary" size="large" block loading={busy} onClick={() => void submit()} data-testid="visit-submit">
          {t("field.submit")}
        </Button>
      </Space>
    </Card>
  );
}

export function VisitPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const lookup = useUnitLookup();
  const [result, setResult] = useState<VisitResult>();
  const initial = params.get("serial");
  const { load } = lookup;
  useEffect(() => {
    if (initial) void load({ serial: initial });
  }, [initial, load]);
  const unit = lookup.unit;
  return (
    <div className="field-page field-narrow" data-testid="visit-page">
      <Typography.Title level={3}>{t("field.visitTitle")}</Typography.Title>
      <Space direction="vertical" style={{ width: "100%" }} size="middle">
        <FindUnit
          lookup={lookup}
          onFind={(text) => {
            setResult(undefined);
            lookup.find(text);
          }}
          onPick={(serial) => void load({ serial })}
        />
        {unit && <UnitCard unit={unit} />}
        {unit && !result && (
          <VisitForm
            key={unit.serial}
            unit={unit}
            onSaved={(r) => {
              setResult(r);
              lookup.reload();
            }}
          />
        )}
        {unit && result && <VisitDone result={result} onAgain={() => setResult(undefined)} />}
        {unit && <LifecycleTimeline unit={unit} />}
      </Space>
    </div>
  );
}
