// "Hold this date for N hours": the date the quick promise gives is booked in the plan (capacity and
// material) by POST /api/promise/holds, shown with its expiry, and can be given back or taken in as the
// order (POST /api/promise/holds/{id}/convert), which then takes the held slot.
import { Alert, Button, InputNumber, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../api/client";
import type { Reply } from "../api/contract";
import { plantClock } from "../components/format";
import type { PromiseDraft } from "./use-promise";

type Hold = Reply<"POST /api/promise/holds">["hold"];
type Converted = Reply<"POST /api/promise/holds/{id}/convert">;

const when = plantClock;

export function PromiseHold({
  draft,
  ready,
  onConverted,
}: {
  draft: PromiseDraft & { rush?: boolean };
  ready: boolean;
  onConverted: (order: Converted) => void;
}) {
  const { t } = useTranslation();
  const [hours, setHours] = useState(4);
  const [hold, setHold] = useState<Hold>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await fn();
    } catch (e) {
      const field = e instanceof ApiError && e.field ? ` (${e.field})` : "";
      setError(`${(e as Error).message}${field}`);
    } finally {
      setBusy(false);
    }
  };
  const place = () =>
    run(async () => {
      const reply = await api<Reply<"POST /api/promise/holds">>("POST", "/api/promise/holds", { ...draft, hours });
      setHold(reply.hold);
    });
  const release = () =>
    run(async () => {
      if (hold) setHold(await api<Hold>("POST", `/api/promise/holds/${hold.id}/release`));
    });
  const convert = () =>
    run(async () => {
      if (!hold) return;
      const order = await api<Converted>("POST", `/api/promise/holds/${hold.id}/convert`);
      setHold(order.hold);
      onConverted(order);
    });
  const live = hold?.status === "held";
  return (
    <div className="promise-hold" data-testid="promise-hold" style={{ marginBottom: 12 }}>
      {!live && (
        <Space wrap>
          <span>{t("hold.for")}</span>
          <InputNumber min={1} max={168} value={hours} onChange={(v) => setHours(v ?? 4)} data-testid="hold-hours" style={{ width: 80 }} />
          <span>{t("hold.hours")}</span>
          <Button onClick={place} disabled={!ready} loading={busy} data-testid="hold-place">
            {t("hold.place")}
          </Button>
        </Space>
      )}
      {hold && (
        <Alert
          style={{ marginTop: 8 }}
          type={live ? "info" : hold.status === "converted" ? "success" : "warning"}
          showIcon
          data-testid="hold-state"
          message={t(`hold.status.${hold.status}`, { date: hold.heldDate, expires: when(hold.expiresAt), orderNo: hold.orderNo ?? "" })}
          action={
            live && (
              <Space direction="vertical" size={4}>
                <Button size="small" type="primary" onClick={convert} loading={busy} data-testid="hold-convert">
                  {t("hold.convert")}
                </Button>
                <Button size="small" onClick={release} loading={busy} data-testid="hold-release">
                  {t("hold.release")}
                </Button>
              </Space>
            )
          }
        />
      )}
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 8 }} />}
    </div>
  );
}
