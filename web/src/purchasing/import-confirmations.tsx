// The supplier's Excel back: pick the file, see per row what would change (dry run), then apply it.
import { UploadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Modal, Table } from "antd";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/client";
import type { Reply } from "../api/contract";

type Report = Reply<"POST /api/purchasing/confirmations">;

export function ImportConfirmations({ onDone }: { onDone(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File>();
  const [report, setReport] = useState<Report>();
  const [busy, setBusy] = useState(false);
  const send = async (f: File, dryRun: boolean) => {
    const form = new FormData();
    form.append("file", f, f.name);
    return api<Report>("POST", `/api/purchasing/confirmations?dryRun=${dryRun ? 1 : 0}`, form);
  };
  const pick = async (f: File | undefined) => {
    if (!f) return;
    setFile(f);
    setBusy(true);
    try {
      setReport(await send(f, true));
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = "";
    }
  };
  const apply = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const done = await send(file, false);
      if (done.applied) {
        message.success(t("purchasing.importDone", { count: done.rows.length }));
        setReport(undefined);
        onDone();
      } else setReport(done);
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <input ref={input} type="file" accept=".xlsx" hidden onChange={(e) => void pick(e.target.files?.[0])} data-testid="confirmations-file" />
      <Button size="small" icon={<UploadOutlined />} loading={busy && !report} onClick={() => input.current?.click()}>
        {t("purchasing.import")}
      </Button>
      <Modal
        open={report !== undefined}
        title={t("purchasing.importTitle")}
        onCancel={() => setReport(undefined)}
        onOk={() => void apply()}
        okText={t("purchasing.importApply")}
        okButtonProps={{ disabled: !report || report.refused.length > 0 || !report.rows.length }}
        confirmLoading={busy}
        width={640}
      >
        {report?.refused.length ? (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 8 }}
            message={t("purchasing.importRefused")}
            description={report.refused.map((r) => `${t("purchasing.row", { row: r.row })} ${r.field}: ${r.reason}`).join("；")}
          />
        ) : null}
        <Table
          size="small"
          rowKey="row"
          pagination={false}
          dataSource={report?.rows ?? []}
          columns={[
            { title: t("purchasing.poLine"), render: (_, r) => `${r.poNo} #${r.line}` },
            { title: t("purchasing.expected"), render: (_, r) => (r.from === r.to ? r.to : `${r.from} → ${r.to}`) },
            { title: t("purchasing.confirmedQty"), dataIndex: "qty", render: (q: number | null) => q ?? "—" },
          ]}
        />
      </Modal>
    </>
  );
}
