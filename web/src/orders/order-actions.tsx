// The order drawer's action bar: exactly the actions GET /api/orders/:orderNo/actions offers the signed-in
// person now, each one click plus only the fields it needs. A stale edit says who changed what and offers
// a reload instead of overwriting.
import { Alert, App, Button, Flex, Spin, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../api/client";
import type { OrderAction, OrderEvent, OrderView, StatusLink } from "../api/types";
import { ActionForm } from "./action-form";
import { ExposureCard } from "./exposure-card";
import { type ActionValues, runAction } from "./run-action";
import { StatusLinkPanel } from "./status-link-panel";
import { usePeople } from "./use-people";

type Order = OrderView & { statusLink?: StatusLink | null };

export function OrderActions({ order, onReload }: { order: Order; onReload(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { nameOf } = usePeople();
  const [actions, setActions] = useState<OrderAction[]>();
  const [open, setOpen] = useState<string>();
  const [busy, setBusy] = useState<string>();
  const [stale, setStale] = useState<string>();
  const [error, setError] = useState<string>();
  // What the server offers changes with the order, its history (blocks lifted by a task) and its link.
  const key = `${order.version}|${order.status}|${order.events.length}|${order.statusLink?.id ?? ""}`;
  useEffect(() => {
    if (!key) return;
    api<OrderAction[]>("GET", `/api/orders/${order.orderNo}/actions`)
      .then((a) => {
        setActions(a);
        setOpen((o) => (a.some((x) => keyOf(x) === o) ? o : undefined));
      })
      .catch((e: Error) => setError(e.message));
  }, [order.orderNo, key]);

  const act = async (action: OrderAction, values: ActionValues = {}) => {
    setBusy(keyOf(action));
    setError(undefined);
    try {
      await runAction(order.orderNo, order.version, action, values);
      message.success(t("actions.done", { label: action.label }));
      setOpen(undefined);
      onReload();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) setStale(await whoChanged(order, nameOf, t));
      else setError((e as Error).message);
    } finally {
      setBusy(undefined);
    }
  };

  if (!actions) return <Spin size="small" />;
  const exposure = actions.find((a) => a.exposure)?.exposure;
  const current = actions.find((a) => keyOf(a) === open);
  return (
    <Flex vertical gap={8} data-testid="order-actions">
      {exposure && <ExposureCard exposure={exposure} />}
      {actions.length === 0 ? (
        <Typography.Text type="secondary">{t("actions.none")}</Typography.Text>
      ) : (
        <Flex wrap gap={8}>
          {actions.map((a) => (
            <Button
              key={keyOf(a)}
              type={isMain(a) ? "primary" : "default"}
              danger={a.action === "cancel" || a.action === "revokeStatusLink"}
              loading={busy === keyOf(a) && !a.needs.length}
              onClick={() => (a.needs.length ? setOpen(open === keyOf(a) ? undefined : keyOf(a)) : void act(a))}
              data-testid={`action-${a.action}`}
            >
              {a.label}
            </Button>
          ))}
        </Flex>
      )}
      {current && (
        <ActionForm key={keyOf(current)} action={current} lines={order.lines} busy={busy === keyOf(current)} onSubmit={(v) => void act(current, v)} />
      )}
      {stale && (
        <Alert
          type="warning"
          showIcon
          message={stale}
          data-testid="stale-edit"
          action={
            <Button
              size="small"
              onClick={() => {
                setStale(undefined);
                onReload();
              }}
              data-testid="stale-reload"
            >
              {t("actions.staleReload")}
            </Button>
          }
        />
      )}
      {error && <Alert type="error" showIcon message={error} closable onClose={() => setError(undefined)} />}
      {order.statusLink && actions.some((a) => a.action === "sendStatusLink") && <StatusLinkPanel orderNo={order.orderNo} link={order.statusLink} />}
    </Flex>
  );
}

const keyOf = (a: OrderAction) => `${a.action}${a.taskId ?? ""}`;
const MAIN = new Set(["confirm", "schedule", "start", "ready", "ship", "deliver", "close", "release", "review"]);
const isMain = (a: OrderAction) => MAIN.has(a.action);

/** Who changed the order since the person loaded it, and what: the events they have not seen. */
async function whoChanged(seen: Order, nameOf: (u: string) => string, t: (k: string, o?: Record<string, unknown>) => string): Promise<string> {
  const now = await api<OrderView>("GET", `/api/orders/${seen.orderNo}`);
  const lastSeen = seen.events.at(-1)?.id ?? 0;
  const unseen = now.events.filter((e) => e.id > lastSeen);
  const last = unseen.at(-1) ?? now.events.at(-1);
  const what = unseen.map((e) => describe(e, t)).join("；") || t("order.event.changed");
  return t("actions.stale", { who: nameOf(last?.actor ?? ""), what });
}

function describe(e: OrderEvent, t: (k: string, o?: Record<string, unknown>) => string): string {
  if (e.kind === "transition") return `${t(`status.${e.from}`)} → ${t(`status.${e.to}`)}`;
  const fields = Object.keys((e.data ?? {}) as Record<string, unknown>).map((f) => {
    const label = t(`order.${f}`);
    const change = (e.data as Record<string, { to?: unknown }>)[f];
    if (!change || typeof change !== "object" || !("to" in change)) return label;
    // Line quantities: "#1 × 4" per line changed.
    const to = Array.isArray(change.to) ? change.to.map((l: { line: number; qty: number }) => `#${l.line} × ${l.qty}`).join("，") : String(change.to ?? "—");
    return `${label} → ${to}`;
  });
  return t("actions.changedFields", { fields: fields.join("、") });
}
