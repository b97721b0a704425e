// Finance: orders a credit limit holds (with the exposure and the release), shipments waiting for
// invoicing (one click makes the request, one more downloads the tax platform's workbook), requests
// waiting for the platform's result, overdue receivables, and the payments to allocate.
import { DownloadOutlined, UploadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Col, List, Row, Space, Tag, Typography } from "antd";
import { type ReactNode, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/client";
import type { Reply } from "../api/contract";
import type { OrderHeader, TaskList } from "../api/types";
import { useLiveData } from "../api/use-live-data";
import { BoardPage } from "../components/board-page";
import { yuan } from "../components/format";
import { ListCard } from "../components/list-card";
import { OrdersCard } from "../components/orders-card";
import { TasksCard } from "../components/tasks-card";
import { BulkActions } from "../orders/bulk-actions";
import { useBoard } from "./use-board";

type Work = Reply<"GET /api/finance/work">;
type Created = Reply<"POST /api/invoice-requests">["requests"];

const exportHref = (ids: number[]) => `/api/invoice-requests/export?ids=${ids.join(",")}`;

/** A hidden file input behind a button: the chosen file goes to `path` as multipart. */
function UploadButton(props: { label: string; path: string; testId: string; onDone(reply: unknown): void }) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  return (
    <>
      <Button size="small" icon={<UploadOutlined />} loading={busy} onClick={() => input.current?.click()} data-testid={props.testId}>
        {props.label}
      </Button>
      <input
        ref={input}
        type="file"
        accept=".xlsx,.csv"
        hidden
        data-testid={`${props.testId}-file`}
        onChange={async (e) => {
          const file = e.target.files?.[0];
          e.target.value = "";
          if (!file) return;
          const form = new FormData();
          form.append("file", file, file.name);
          setBusy(true);
          try {
            props.onDone(await api("POST", props.path, form));
          } catch (error) {
            message.error((error as Error).message);
          } finally {
            setBusy(false);
          }
        }}
      />
    </>
  );
}

function Line(props: { title: ReactNode; detail: ReactNode; action?: ReactNode; testId?: string }) {
  return (
    <div style={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: 8, width: "100%" }} data-testid={props.testId}>
      <div style={{ flex: "1 1 220px", minWidth: 0 }}>
        <div style={{ overflowWrap: "anywhere" }}>{props.title}</div>
        <Typography.Text type="secondary" style={{ fontSize: 12, overflowWrap: "anywhere" }}>
          {props.detail}
        </Typography.Text>
      </div>
      {props.action}
    </div>
  );
}

function FinanceWork() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const work = useLiveData(() => api<Work>("GET", "/api/finance/work"), []);
  const [created, setCreated] = useState<Created>();
  const [busy, setBusy] = useState<string>();
  const data = work.data;
  const run = async (key: string, action: () => Promise<void>) => {
    setBusy(key);
    try {
      await action();
      await work.reload();
    } catch (error) {
      message.error((error as Error).message);
    } finally {
      setBusy(undefined);
    }
  };
  const requested = data?.requested ?? [];
  return (
    <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
      <Col xs={24} xl={12}>
        <ListCard
          title={t("finance.held")}
          testId="credit-held"
          items={data?.held}
          empty={t("finance.noneHeld")}
          renderItem={(h) => (
            <Line
              testId={`held-${h.orderNo}`}
              title={
                <Space wrap size={4}>
                  <Typography.Text strong>{h.orderNo}</Typography.Text>
                  <span>{h.customerName}</span>
                  <span>{yuan(h.amount)}</span>
                </Space>
              }
              detail={t("finance.exposureLine", { exposure: yuan(h.exposure), limit: yuan(h.limit), shortfall: yuan(h.shortfall) })}
              action={
                h.heldFrom && (
                  <Button
                    size="small"
                    loading={busy === h.orderNo}
                    data-testid={`release-${h.orderNo}`}
                    onClick={() =>
                      run(h.orderNo, async () => {
                        await api("POST", `/api/orders/${h.orderNo}/transitions`, { to: h.heldFrom, reason: t("finance.releasedByFinance") });
                        message.success(t("finance.released", { orderNo: h.orderNo }));
                      })
                    }
                  >
                    {t("finance.release")}
                  </Button>
                )
              }
            />
          )}
          maxHeight={420}
        />
      </Col>
      <Col xs={24} xl={12}>
        <Card
          size="small"
          title={t("finance.toInvoice", { count: data?.toInvoice.count ?? 0, amount: yuan(data?.toInvoice.amount ?? "0") })}
          data-testid="to-invoice"
          styles={{ body: { maxHeight: 420, overflowY: "auto" } }}
        >
          {created && created.length > 0 && (
            <Alert
              type="success"
              showIcon
              style={{ marginBottom: 8 }}
              message={t("finance.created", { serials: created.map((r) => r.serial).join("、"), count: created.length })}
              action={
                <Button size="small" type="primary" icon={<DownloadOutlined />} href={exportHref(created.map((r) => r.id))} data-testid="download-workbook">
                  {t("finance.download")}
                </Button>
              }
            />
          )}
          <List
            size="small"
            dataSource={data?.toInvoice.orders ?? []}
            locale={{ emptyText: t("finance.noneToInvoice") }}
            renderItem={(o) => (
              <List.Item>
                <Line
                  testId={`invoice-${o.orderNo}`}
                  title={
                    <Space wrap size={4}>
                      <Typography.Text strong>{o.orderNo}</Typography.Text>
                      <span>{o.customerName}</span>
                      <span>{yuan(o.amount)}</span>
                    </Space>
                  }
                  detail={t("finance.shippedLines", { lines: o.lines, date: o.lastShippedAt.slice(0, 10) })}
                  action={
                    <Button
                      size="small"
                      type="primary"
                      loading={busy === o.orderNo}
                      data-testid={`request-invoice-${o.orderNo}`}
                      onClick={() =>
                        run(o.orderNo, async () => {
                          const reply = await api<Reply<"POST /api/invoice-requests">>("POST", "/api/invoice-requests", { orders: [o.orderNo] });
                          setCreated(reply.requests);
                        })
                      }
                    >
                      {t("finance.requestInvoice")}
                    </Button>
                  }
                />
              </List.Item>
            )}
          />
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <ListCard
          title={t("finance.requested", { count: requested.length })}
          testId="requested"
          items={requested}
          empty={t("finance.noneRequested")}
          extra={
            <Space wrap size={4}>
              {requested.length > 0 && (
                <Button size="small" icon={<DownloadOutlined />} href={exportHref(requested.map((r) => r.id))} data-testid="download-requested">
                  {t("finance.downloadAll")}
                </Button>
              )}
              <UploadButton
                label={t("finance.uploadResult")}
                path="/api/invoice-requests/issued"
                testId="upload-result"
                onDone={(reply) => {
                  const r = reply as Reply<"POST /api/invoice-requests/issued">;
                  message.success(t("finance.issued", { count: r.issued.length, problems: r.problems.length }));
                  void work.reload();
                }}
              />
            </Space>
          }
          renderItem={(r) => (
            <Line
              title={
                <Space wrap size={4}>
                  <span>{r.serial}</span>
                  {r.kind === "red" && <Tag color="red">{t("finance.red")}</Tag>}
                  <span>{r.customerName}</span>
                </Space>
              }
              detail={`${t(`finance.type.${r.type}`)} · ${r.taxRate}% · ${yuan(r.amount)}`}
            />
          )}
          maxHeight={360}
        />
      </Col>
      <Col xs={24} xl={8}>
        <ListCard
          title={t("finance.overdue", { amount: yuan(data?.overdueTotal ?? "0") })}
          testId="overdue"
          items={data?.overdue}
          empty={t("finance.noneOverdue")}
          renderItem={(o) => (
            <Line title={`${o.customerName} ${yuan(o.overdue)}`} detail={t("finance.overdueLine", { invoices: o.invoices, due: o.oldestDueOn })} />
          )}
          maxHeight={360}
        />
      </Col>
      <Col xs={24} xl={8}>
        <ListCard
          title={t("finance.payments")}
          testId="payments"
          items={data?.payments}
          empty={t("finance.nonePayments")}
          extra={
            <UploadButton
              label={t("finance.importStatement")}
              path="/api/payments/import"
              testId="import-statement"
              onDone={(reply) => {
                const r = reply as Reply<"POST /api/payments/import">;
                message.success(t("finance.imported", { imported: r.imported, duplicates: r.duplicates, unmatched: r.unmatched, released: r.released.length }));
                void work.reload();
              }}
            />
          }
          renderItem={(p) => (
            <Line
              testId={`payment-${p.id}`}
              title={
                <Space wrap size={4}>
                  <span>{p.payerName}</span>
                  <span>{yuan(p.amount)}</span>
                  {!p.customer && <Tag color="orange">{t("finance.unmatched")}</Tag>}
                </Space>
              }
              detail={`${p.receivedOn} · ${p.customerName ?? "—"} · ${t("finance.left", { left: yuan(p.left) })}`}
              action={
                p.customer && (
                  <Button
                    size="small"
                    loading={busy === `p${p.id}`}
                    data-testid={`allocate-${p.id}`}
                    onClick={() => run(`p${p.id}`, () => api("POST", `/api/payments/${p.id}/allocations`, {}))}
                  >
                    {t("finance.allocate")}
                  </Button>
                )
              }
            />
          )}
          maxHeight={360}
        />
      </Col>
    </Row>
  );
}

export function FinanceBoard() {
  const { t } = useTranslation();
  const board = useBoard<{ waiting: OrderHeader[]; tasks: TaskList }>("finance");
  const [ticked, setTicked] = useState<string[]>([]);
  const waiting = board.data?.waiting ?? [];
  return (
    <BoardPage title={t("boards.finance")} {...board} onRefresh={board.reload} testId="board-finance">
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={14}>
          <OrdersCard title={t("desk.waiting")} orders={board.data?.waiting} testId="waiting" selected={ticked} onSelect={setTicked}>
            <BulkActions
              orders={waiting.filter((o) => ticked.includes(o.orderNo))}
              onDone={() => {
                setTicked([]);
                void board.reload();
              }}
            />
          </OrdersCard>
        </Col>
        <Col xs={24} xl={10}>
          <TasksCard tasks={board.data?.tasks} />
        </Col>
      </Row>
      <FinanceWork />
    </BoardPage>
  );
}
